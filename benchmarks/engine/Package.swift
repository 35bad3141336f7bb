// swift-tools-version: 6.1
// The routing engine's own benchmarks (issue 15): time and allocations per ruin-and-recreate
// iteration on fixed instances, measured with ordo-one/benchmark, baselines kept in
// .benchmarkBaselines/. A package of its own, so that the main package's build and CI do not
// compile the benchmark framework. Run from this folder: `swift package benchmark`
// (see benchmarks/README.md).
import PackageDescription

let package = Package(
    name: "bundel-engine-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The main package, named so that its products resolve whatever its folder is called.
        .package(name: "bundel", path: "../.."),
        // MallocInterposer counts every malloc; the default RuntimeInterposer trait would need a
        // package this machine's mirror lacks, and allocation counts do not need it.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                // BundelRouting is no product of its own; BundelPlanner brings it.
                .product(name: "BundelPlanner", package: "bundel"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
