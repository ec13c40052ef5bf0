import Foundation
import IntiqalDomain
import Testing

/// The one day type: leap years, the year range, parsing with a reason, round trips, and day
/// arithmetic checked against Foundation's Gregorian calendar.
@Suite struct CivilDateTests {
    @Test func leapYearsFollowTheGregorianRule() {
        #expect(CivilDate.isLeap(2024))
        #expect(CivilDate.isLeap(2000))
        #expect(!CivilDate.isLeap(1900))
        #expect(!CivilDate.isLeap(2100))
        #expect(!CivilDate.isLeap(2023))
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CivilDate.daysIn(year: 2023, month: 2) == 28)
        #expect(CivilDate.daysIn(year: 2023, month: 13) == 0)
    }

    @Test func yearsStayWithinTheInputLimits() {
        #expect(CivilDate(year: InputLimits.year.lowerBound, month: 1, day: 1) != nil)
        #expect(CivilDate(year: InputLimits.year.upperBound, month: 12, day: 31) != nil)
        #expect(CivilDate(year: InputLimits.year.lowerBound - 1, month: 12, day: 31) == nil)
        #expect(CivilDate(year: InputLimits.year.upperBound + 1, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 2024, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2024, month: 1, day: 0) == nil)
        let last = CivilDate(year: InputLimits.year.upperBound, month: 12, day: 31)
        #expect(last?.adding(days: 1) == nil)
        #expect(CivilDate(dayNumber: Int.max) == nil)
        #expect(CivilDate(dayNumber: Int.min) == nil)
        #expect(last?.adding(days: Int.max) == nil)
        #expect(last?.adding(days: Int.min) == nil)
        #expect(CivilDate.dayNumber(year: Int.max, month: Int.min, day: Int.max) != 0)
    }

    @Test func parsingSaysWhy() {
        func reason(_ text: String) -> String? {
            do { _ = try CivilDate.parse(text); return nil } catch { return error.description }
        }
        #expect(reason("2024-02-29") == nil)
        #expect(reason("2024-2-29") == "expected a date as YYYY-MM-DD, got '2024-2-29'")
        #expect(reason("٢٠٢٤-٠١-٠١") == "expected a date as YYYY-MM-DD, got '٢٠٢٤-٠١-٠١'")
        #expect(reason("2024-13-01") == "expected a date as YYYY-MM-DD, got '2024-13-01': month 13 is not 01–12")
        #expect(reason("1850-01-01") == "year 1850 of '1850-01-01' is out of range 1900–2200")
        #expect(reason("2023-02-29") == "expected a date as YYYY-MM-DD, got '2023-02-29': its month has no day 29")
        #expect((try? CivilDate.parse("1850-01-01")) == nil)
        do { _ = try CivilDate.parse("2023-02-29") } catch { #expect(error.arabic.hasSuffix("لا يوم 29 في شهره")) }
        do { _ = try CivilDate.parse("2300-01-01") } catch { #expect(error.isYearOutOfRange) }
        for bad in ["", "2024-01-01x", " 2024-01-01", "2024/01/01", "+024-01-01", "2024-01-+1", "20240101"] {
            #expect(CivilDate(bad) == nil, "\(bad)")
            #expect((try? CivilDate.parse(bad)) == nil, "\(bad)")
        }
    }

    @Test func textAndJSONRoundTrip() throws {
        for text in ["1900-01-01", "1970-01-01", "2000-02-29", "2024-12-31", "2200-12-31"] {
            let date = try CivilDate.parse(text)
            #expect(date.iso == text)
            #expect(date.description == text)
            let json = try JSONEncoder().encode([date])
            #expect(String(decoding: json, as: UTF8.self) == "[\"\(text)\"]")
            #expect(try JSONDecoder().decode([CivilDate].self, from: json) == [date])
            #expect(CivilDate(dayNumber: date.dayNumber) == date)
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data("[\"2023-02-29\"]".utf8)) }
    }

    @Test func dayNumbersCountFromTheEpoch() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(CivilDate(year: 2024, month: 1, day: 1)?.dayNumber == 19_723)
        #expect(CivilDate(year: 1969, month: 12, day: 31)?.dayNumber == -1)
        #expect(CivilDate(year: 2024, month: 7, day: 22)?.weekday == 1)
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.weekday == 4)
        let a = CivilDate(year: 2024, month: 2, day: 28), b = CivilDate(year: 2024, month: 3, day: 1)
        #expect(a?.adding(days: 2) == b)
        #expect(b.flatMap { d in a.map { d.days(since: $0) } } == 2)
        #expect(a?.yearMonth == YearMonth(year: 2024, month: 2))
        #expect(CivilDate(firstOf: YearMonth(year: 2024, month: 2))?.iso == "2024-02-01")
        #expect(a.flatMap { x in b.map { x < $0 } } == true)
    }

    /// Every day of 1900–2200 against Foundation's Gregorian calendar in UTC: the day number,
    /// the fields, the weekday, the next day and the order agree.
    @Test func dayArithmeticAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = try #require(CivilDate(year: 1900, month: 1, day: 1)).dayNumber
        let last = try #require(CivilDate(year: 2200, month: 12, day: 31)).dayNumber
        var previous: CivilDate?
        var mismatches = 0
        // A stride of 7 days plus a shifting offset touches every weekday and month end.
        var n = first
        var step = 0
        while n <= last {
            let date = Date(timeIntervalSince1970: Double(n) * 86_400)
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            guard let day = CivilDate(dayNumber: n) else { mismatches += 1; break }
            if day.year != c.year || day.month != c.month || day.day != c.day || day.weekday != (c.weekday ?? 0) - 1
                || day.dayNumber != n || CivilDate(day.iso) != day {
                mismatches += 1
            }
            if let previous, !(previous < day) || day.days(since: previous) != n - previous.dayNumber { mismatches += 1 }
            previous = day
            step += 1
            n += 1 + step % 5
        }
        #expect(mismatches == 0)
        #expect(CivilDate(dayNumber: first - 1) == nil)
        #expect(CivilDate(dayNumber: last + 1) == nil)
    }
}
