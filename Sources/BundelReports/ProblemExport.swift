import BundelPlanner
import BundelRouting

/// The routing problems of a plan as files `bundel plan --export-problems DIR` writes: per
/// problem the VROOM JSON (``VROOMWriter``) and, beside it, the solution bundel found
/// (``ReferenceSolution``), so that another solver can be run on the same day problems.
///
/// The problems are those of the two reported plans: each supplier-day of the baseline, and of
/// the bundled plan (the reported round's) each supplier-day of the flows that stay direct and
/// each hub-day. The pilot hub plans and the other rounds are not exported. Names sort by plan,
/// kind, operator and day: `baseline-direct-SUPPLIER-1-mon.json`,
/// `bundled-direct-SUPPLIER-3-wed.json`, `bundled-hub-HUB-5-fri.json`, each with
/// `NAME.solution.json`.
public enum ProblemExport {
    /// Each file's name and content in turn, rendered one at a time: a large network's export
    /// is hundreds of megabytes, which need not be in memory at once (the caller writes into a
    /// folder that appears only when every file is written).
    public static func forEachFile(
        _ result: PlanResult, _ body: (_ name: String, _ content: String) throws -> Void
    ) rethrows {
        var used = Set<String>()
        for (label, plan) in [("baseline", result.baseline), ("bundled", result.bundled)] {
            for day in plan.dayProblems {
                var stem = name(plan: label, day)
                // Operator ids are unique, but two could become one name once made safe.
                if used.contains(stem) {
                    var number = 2
                    while used.contains("\(stem)-\(number)") { number += 1 }
                    stem += "-\(number)"
                }
                used.insert(stem)
                let descriptions = day.problem.jobs.map { day.locationIds[$0.location] }
                try body(stem + ".json", VROOMWriter.json(day.problem, jobDescriptions: descriptions))
                try body(
                    stem + ".solution.json",
                    ReferenceSolution(day.solution, problem: day.problem, parameters: day.parameters).json())
            }
        }
    }

    /// Every file's name and content, in the order ``forEachFile(_:_:)`` gives them.
    public static func files(_ result: PlanResult) -> [(name: String, content: String)] {
        var files: [(name: String, content: String)] = []
        forEachFile(result) { files.append(($0, $1)) }
        return files
    }

    /// `PLAN-KIND-OPERATOR-N-DAY`: the day's number in the week (Monday 1) keeps the days in
    /// order when names are sorted.
    public static func name(plan: String, _ day: DayProblem) -> String {
        let kind = day.kind == .hubTour ? "hub" : "direct"
        let number = Weekday.allCases.firstIndex(of: day.day)! + 1
        return "\(plan)-\(kind)-\(safe(day.operatedBy))-\(number)-\(day.day.rawValue)"
    }

    /// The id with every character other than ASCII letters, digits, `-`, `_` and `.` made `_`,
    /// so that it is a file name on every system.
    static func safe(_ id: String) -> String {
        String(
            id.map { character in
                character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
                    ? character : "_"
            })
    }
}
