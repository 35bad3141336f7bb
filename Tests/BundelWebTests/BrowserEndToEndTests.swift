import BundelTestSupport
import Foundation
import Testing

/// A person's path in a real browser: headless Chromium, driven by Selenium through Debian's
/// chromedriver (`browser-e2e.py`), uploads the small network's ZIP, fills in the scenario form,
/// plans it, watches the run finish, sees the verdict and the report, and downloads plan.json,
/// which must equal what `bundel plan --out` writes for the same scenario file; then plans a
/// second scenario and compares the two finished runs from the runs page; last, makes a network
/// from three CSV files with the networks page's form. Screenshots go to
/// a scratch folder, or to `$BUNDEL_WEB_SCREENSHOTS` (how docs/web-*.png are made).
@Suite(
    .enabled(if: BuiltExecutable.bundel != nil, Comment(rawValue: BuiltExecutable.missing)),
    .enabled(if: BrowserCheck.available, Comment(rawValue: BrowserCheck.missing))
)
struct BrowserEndToEndTests {
    @Test func uploadPlanAndDownloadInChromium() async throws {
        let scratch = try scratchFolder("bundel-web-web-browser")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let zip = scratch.appendingPathComponent("small.zip")
        try ZipFixtures.smallNetwork().write(to: zip)
        let tables = scratch.appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        for (name, text) in [
            ("sites", try NetworkFormTests.form()["sitesCsv"]),
            ("suppliers", try NetworkFormTests.form()["suppliersCsv"]),
            ("flows", try NetworkFormTests.form()["flowsCsv"]),
        ] {
            try Data(((text as? String) ?? "").utf8).write(to: tables.appendingPathComponent("\(name).csv"))
        }
        let downloads = scratch.appendingPathComponent("downloads")
        let shots =
            ProcessInfo.processInfo.environment["BUNDEL_WEB_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? scratch.appendingPathComponent("screenshots")
        for folder in [downloads, shots] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try await WebTestServer.with { server in
            // Waited for on a Dispatch thread: the server under test answers the browser on Swift's
            // cooperative threads, two on this machine, and a blocking wait here would hold one.
            let run = try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(
                        with: Result {
                            try ProcessRun.run(
                                BrowserCheck.python!,
                                [
                                    BrowserCheck.script.path, server.base.absoluteString, zip.path, downloads.path,
                                    shots.path, tables.path,
                                ])
                        })
                }
            }
            #expect(run.status == 0, "\(run.output)\(run.errors.suffix(2000))")
            #expect(run.output.contains("the run finished: Verdict:"))
            #expect(run.output.contains("the report shows inline"))
            #expect(run.output.contains("compared the two runs"))
            #expect(run.output.contains("made a network from its tables"))
            let downloaded = try Data(contentsOf: downloads.appendingPathComponent("plan.json"))

            let bundel = try #require(BuiltExecutable.bundel)
            let out = scratch.appendingPathComponent("cli")
            let scenario = server.folder.appendingPathComponent("scenarios/1/scenario.yaml")
            let cli = try ProcessRun.run(
                bundel, ["plan", scenario.path, "--out", out.path, "--json", "--quiet", "--time-limit", "10"])
            #expect(cli.status == 0, "\(cli.errors)")
            let written = try Data(contentsOf: out.appendingPathComponent("plan.json"))
            #expect(downloaded == written, "plan.json downloaded in the browser differs from bundel plan --out")
        }
    }
}

/// Chromium, its driver and Selenium, all three needed.
enum BrowserCheck {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "browser-e2e.py")
    /// The first Python 3 that imports Selenium: the one on the PATH (Selenium from PyPI), else
    /// Debian's own, where `python3-selenium` installs it (a pyenv or virtual-environment
    /// python3 on the PATH does not see Debian's packages).
    static let python: URL? = [ProcessRun.onPath("python3"), URL(fileURLWithPath: "/usr/bin/python3")]
        .compactMap { $0 }
        .first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate.path)
                && (try? ProcessRun.run(candidate, ["-c", "import selenium"]))?.status == 0
        }

    static let available =
        python != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")

    static let missing =
        "skipped: the browser test needs Debian's chromium, chromium-driver and python3-selenium (apt-get install -y chromium chromium-driver python3-selenium), or Selenium from PyPI for the python3 on the PATH"
}
