// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bundel",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bundel", targets: ["bundel"]),
        .library(name: "BundelPlanner", targets: ["BundelPlanner"]),
        // The local web app (issue 19), its own product so that `swift run bundel` never builds the
        // HTTP server and its packages (several minutes on a first build).
        .executable(name: "bundel-web", targets: ["bundel-web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // Reads the zip container of XLSX delivery logs (BundelImport).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Property-based tests with Swift Testing: drives the readers' fuzz tests.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The web app's HTTP server and its SQLite store (BundelWeb only).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // GLPK's C API. Debian ships no glpk.pc, so the header and library are found in the
        // default system paths; the name is unique to this package so that it can sit beside
        // other packages that wrap GLPK.
        .systemLibrary(
            name: "CBundelGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // zlib, for reading gzip-compressed OpenStreetMap extracts (Foundation on Linux cannot
        // inflate); Debian's `zlib1g-dev` has the header, and Debian ships no zlib.pc either.
        .systemLibrary(
            name: "CBundelZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The only module that imports GLPK: a checked, Swift-typed linear-programming API.
        // GLPK calls abort() on an internal error; this C target catches it with GLPK's error
        // hook and a jump back (setjmp/longjmp cannot be written in Swift).
        .target(name: "CBundelGLPKGuard", dependencies: ["CBundelGLPK"]),
        .target(name: "BundelLP", dependencies: ["CBundelGLPK", "CBundelGLPKGuard"]),
        // Vehicle routing, independent of hubs, suppliers and emissions; GLPK (through BundelLP)
        // picks the best combination of routes from the search's route pool.
        .target(name: "BundelRouting", dependencies: ["BundelLP"]),
        // Road distances: OpenStreetMap extracts read into a road graph with shortest paths, and
        // the matrix services of the OSRM and Valhalla routing engines. Knows points, not hubs.
        .target(name: "BundelRoads", dependencies: ["CBundelZlib"]),
        // Networks, scenarios, travel matrices, baseline, consolidation, emissions, comparison.
        .target(
            name: "BundelPlanner",
            dependencies: [
                "BundelLP", "BundelRouting", "BundelRoads", "Yams",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            resources: [.copy("Resources/factor-sets"), .copy("Resources/vehicle-types")]
        ),
        // Delivery logs and order lines (CSV, XLSX through ZIPFoundation) into the planner's network
        // tables; knows nothing of routing. Independent of BundelPlanner: the CLI loads the network
        // and hands it dimensions and the known ids, names and addresses, so the import builds and
        // tests alone.
        .target(
            name: "BundelImport",
            dependencies: [
                "Yams", .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // What runs the planner many times: risk (tornado, Monte Carlo); parallel over the cores
        // here, so that the command line and any other caller share it.
        .target(name: "BundelAnalysis", dependencies: ["BundelPlanner", "BundelRouting"]),
        // Text tables and JSON for people and programs; the report's maps draw the streets of an
        // OpenStreetMap extract read by BundelRoads.
        .target(
            name: "BundelReports", dependencies: ["BundelAnalysis", "BundelPlanner", "BundelRouting", "BundelRoads"]
        ),
        // Every module the command line imports is named here, not reached through another's.
        .executableTarget(
            name: "bundel",
            dependencies: [
                "BundelAnalysis", "BundelImport", "BundelPlanner", "BundelReports", "BundelRoads", "BundelRouting",
                "BundelLP", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The web app: HTTP routes, pages, the SQLite store and the queue that runs the `bundel`
        // executable as a child process per run; reads uploaded networks with the planner's loader.
        .target(
            name: "BundelWeb",
            dependencies: [
                "BundelPlanner", "BundelReports", "Yams", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // `bundel-web`: the options, then BundelWeb's server.
        .executableTarget(
            name: "bundel-web",
            dependencies: ["BundelWeb", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The input mutator and bounded fuzz runs that the readers' fuzz tests share.
        .target(
            name: "BundelFuzzSupport",
            dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/BundelFuzzSupport"
        ),
        // What several test targets share: the small network's fixture, scratch folders, child
        // processes (the built executable, glpsol) and a free loopback port.
        .target(name: "BundelTestSupport", path: "Tests/BundelTestSupport"),
        // The LP tests draw their random models with the planner's seeded generator.
        .testTarget(name: "BundelLPTests", dependencies: ["BundelLP", "BundelRouting", "BundelTestSupport"]),
        .testTarget(
            name: "BundelRoutingTests",
            dependencies: ["BundelRouting", "BundelFuzzSupport"],
            exclude: ["Fixtures"]
        ),
        // XLSX fixtures written by openpyxl (Fixtures/make-fixtures.py) beside their CSV twins.
        .testTarget(
            name: "BundelImportTests", dependencies: ["BundelImport", "BundelFuzzSupport"], exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BundelCLITests",
            dependencies: [
                "bundel", "BundelAnalysis", "BundelPlanner", "BundelReports", "BundelRouting", "BundelTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BundelRoadsTests",
            dependencies: ["BundelRoads", "BundelRouting", "BundelFuzzSupport", "BundelTestSupport"],
            exclude: ["Fixtures"]
        ),
        // A real Valhalla (pyvalhalla from PyPI) on the shared OpenStreetMap extract.
        .testTarget(
            name: "BundelIntegrationTests",
            dependencies: [
                "bundel", "BundelPlanner", "BundelRoads", "BundelRouting", "BundelTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BundelAnalysisTests",
            dependencies: ["BundelAnalysis", "BundelPlanner", "BundelReports", "BundelTestSupport"]
        ),
        .testTarget(
            name: "BundelPlannerTests",
            dependencies: [
                "BundelPlanner", "BundelReports", "BundelRouting", "BundelLP", "BundelRoads",
                "BundelFuzzSupport", "BundelTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        // The web app through real HTTP on a loopback port; its runs call the built `bundel`. The
        // Python scripts check responses against docs/openapi.yaml and drive Chromium.
        .testTarget(
            name: "BundelWebTests",
            dependencies: [
                "BundelWeb", "bundel", "bundel-web", "BundelTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["check-openapi.py", "browser-e2e.py"]
        ),
    ]
)
