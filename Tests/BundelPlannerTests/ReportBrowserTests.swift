import BundelReports
import Foundation
import Testing

@testable import BundelPlanner

/// Debian's Chromium, when installed (`apt-get install -y chromium`).
private let chromium: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(URL.init(fileURLWithPath:))
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }

/// `report.html` opened in a real browser: headless Chromium loads it without console errors
/// and its DOM has the maps, the charts and the headline table.
@Suite("HTML report in a browser")
struct ReportBrowserTests {
    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y chromium"))
    func chromiumLoadsTheReportWithMapsAndCharts() throws {
        let result = try Planner.plan(try ScenarioLoader.load(path: Fixture.smallScenario))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try HTMLReport.render(result).write(to: page, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--dump-dom", page.absoluteString,
        ]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(log.suffix(2000))")
        #expect(!log.contains("CONSOLE") && !log.contains("Uncaught"), "console messages: \(log.suffix(2000))")
        #expect(dom.components(separatedBy: "<svg class=\"map\"").count - 1 == 2 * result.scenario.days.count)
        #expect(
            dom.components(separatedBy: "<polyline class=\"route\"").count - 1 == result.baseline.routes.count
                + result.bundled.routes.count)
        #expect(dom.components(separatedBy: "<svg class=\"chart\"").count - 1 >= 2)
        #expect(dom.contains("data-metric=\"vehicleKm\""))
    }

    /// Printed, the report shows every day's map, not only the one open on screen: it prints
    /// on as many pages as the same report with every day opened.
    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y chromium"))
    func printingShowsEveryDaysMap() throws {
        let result = try Planner.plan(try ScenarioLoader.load(path: Fixture.smallScenario))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundel-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = HTMLReport.render(result)
        #expect(html.contains("<details>"), "the report folds some days away on screen")
        var pages: [Int] = []
        for (name, text) in [
            ("folded", html), ("opened", html.replacingOccurrences(of: "<details>", with: "<details open>")),
        ] {
            let page = folder.appendingPathComponent("\(name).html")
            let pdf = folder.appendingPathComponent("\(name).pdf")
            try text.write(to: page, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = chromium
            process.arguments = [
                "--headless=new", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=\(folder.appendingPathComponent("profile-\(name)").path)",
                "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            // Chromium writes each page as an uncompressed `/Type /Page` object.
            let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
            pages.append(bytes.matches(of: /\/Type\s*\/Page[^s]/).count)
        }
        #expect(pages[0] > 0 && pages[0] == pages[1], "pages printed folded and opened: \(pages)")
    }
}
