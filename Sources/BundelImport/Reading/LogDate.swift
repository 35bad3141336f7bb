import Foundation

/// A calendar day, counted in days since 1970-01-01 so that weeks and weekdays are plain
/// arithmetic, free of time zones.
public struct LogDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let day: Int

    public init(day: Int) { self.day = day }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day), year >= 1900 else {
            return nil
        }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.day = era * 146097 + doe - 719468
    }

    public static func < (lhs: LogDate, rhs: LogDate) -> Bool { lhs.day < rhs.day }

    /// 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((day % 7) + 7 + 3) % 7 }

    /// The Monday of this day's week, as a day number: weeks run Monday to Sunday.
    public var weekStart: Int { day - weekday }

    public var components: (year: Int, month: Int, day: Int) {
        let z = day + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `2026-03-02`.
    public var description: String {
        let (y, m, d) = components
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// `2026-03`.
    public var month: String { String(description.prefix(7)) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 1899-12-30 (Excel's serial 25569 is 1970-01-01): serial 0 in the 1900 date system as
    /// counted after its fictitious 29 February 1900 (serial 60), which real logs never hold.
    private static let excelEpoch = LogDate(day: -25569)

    /// A date from a cell: a number is an Excel serial (1900 date system; a time of day in the
    /// fraction is dropped); text is ISO (`2026-03-02`, a time after it is dropped) or day first
    /// (`2-3-2026`, `02-03-2026`, `2/3/2026`, `2.3.2026`: always day, month, year).
    public static func parse(_ cell: LogTable.Cell) -> LogDate? {
        switch cell {
        case .empty: return nil
        case .number(let serial):
            guard serial >= 61, serial < 2_958_466 else { return nil }
            return LogDate(day: excelEpoch.day + Int(serial.rounded(.down)))
        case .text(let raw):
            var text = raw.trimmingCharacters(in: .whitespaces)
            if let space = text.firstIndex(where: { $0 == " " || $0 == "T" }) { text = String(text[..<space]) }
            let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
                let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
            else {
                // A serial number written as text, as some exports do.
                if let serial = Double(text), !text.contains("-") { return parse(.number(serial)) }
                return nil
            }
            if parts[0].count == 4 { return LogDate(year: a, month: b, day: c) }
            guard parts[2].count == 4 else { return nil }
            return LogDate(year: c, month: b, day: a)
        }
    }

    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
}
