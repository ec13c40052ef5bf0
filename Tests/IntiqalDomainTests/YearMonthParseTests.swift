import Foundation
import IntiqalDomain
import Testing

/// `YearMonth.parse` says why a text is not a month; `init?` still answers nil for the same texts.
@Suite struct YearMonthParseTests {
    @Test(arguments: [("9999-12", "year 9999 of '9999-12' is out of range 1900–2200"),
                      ("1899-12", "year 1899 of '1899-12' is out of range 1900–2200"),
                      ("2024-13", "expected a month as YYYY-MM, got '2024-13': month 13 is not 01–12"),
                      ("Sep 2026", "expected a month as YYYY-MM, got 'Sep 2026'"),
                      ("+024-09", "expected a month as YYYY-MM, got '+024-09'")])
    func saysWhyATextIsNotAMonth(text: String, reason: String) {
        #expect(throws: YearMonthError.self) { try YearMonth.parse(text) }
        do { _ = try YearMonth.parse(text) } catch { #expect(error.description == reason) }
        #expect(YearMonth(text) == nil)
    }

    @Test func yearRangeIsInputLimits() throws {
        #expect(try YearMonth.parse("\(InputLimits.year.lowerBound)-01") == YearMonth(year: InputLimits.year.lowerBound, month: 1))
        #expect(try YearMonth.parse("\(InputLimits.year.upperBound)-12") == YearMonth(year: InputLimits.year.upperBound, month: 12))
        do { _ = try YearMonth.parse("2201-01") } catch { #expect(error.isYearOutOfRange) }
    }
}

extension YearMonthParseTests {
    @Test func decodingSaysWhyAMonthIsRefused() {
        struct Box: Decodable { var month: YearMonth }
        do {
            _ = try JSONDecoder().decode(Box.self, from: Data(#"{"month": "9999-12"}"#.utf8))
            Issue.record("decoded a month out of range")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "year 9999 of '9999-12' is out of range 1900–2200")
        } catch {
            Issue.record("\(error)")
        }
    }
}
