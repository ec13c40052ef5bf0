import Foundation
import IntiqalDomain
import Testing
@testable import IntiqalRisk

@Suite struct DepartureEffectTests {
    static let fixture = """
    # a comment, with a comma
    date,troops,note,source
    2008-01-15,100000,"peak, as reported",Paper A 2008
    2010-01-15,50000,,Paper B 2010
    2012-01-15,0,none,"Paper C, 2012"
    2014-01-15,0,,Paper C
    2016-01-15,5000,"advisers",Paper D
    """

    @Test func readsDatedFiguresAndInterpolatesMonthlyShares() throws {
        let history = try PresenceHistoryCSV.parse(Self.fixture, file: "p.csv")
        #expect(history.figures.count == 5)
        #expect(history.figures[0].note == "peak, as reported" && history.figures[2].source == "Paper C, 2012")
        #expect(history.reference == 100_000)
        #expect(history.share(in: YearMonth(year: 2007, month: 6)) == 1)  // held before the first figure
        #expect(history.share(in: YearMonth(year: 2008, month: 1)) == 1)
        // 2009-01-15 is 366 of the 731 days from 2008-01-15 to 2010-01-15.
        #expect(abs(history.troops(in: YearMonth(year: 2009, month: 1)) - (100_000 - 50_000 * 366 / 731)) < 1e-6)
        #expect(history.share(in: YearMonth(year: 2013, month: 6)) == 0)
        #expect(history.share(in: YearMonth(year: 2018, month: 6)) == 0.05)  // held after the last
        let exposure = history.exposureHistory(regions: ["a", "b"], start: YearMonth(year: 2008, month: 1), months: 24)
        #expect(exposure.months == 24 && exposure.regions.map(\.region) == ["a", "b"])
        #expect(exposure.regions[1].gap.allSatisfy { $0 == 0 })
    }

    @Test(arguments: [
        ("date,troops,note\n2008-01-01,5,x\n", "source", 1),
        ("date,troops,note,source\n2008-01-01,5,x,\n", "source", 2),
        ("date,troops,note,source\n2008-13-01,5,x,s\n", "date", 2),
        ("date,troops,note,source\n2008-01-01,-5,x,s\n", "troops", 2),
        ("date,troops,note,source\n2008-01-01,5,x,s\n2007-01-01,5,x,s\n", "date", 3),
        ("date,troops,note,source\n2008-01-01,0,x,s\n", "troops", 1),
        ("date,troops,note,source\n2008-01-01,5,x\n", "source", 2),
    ])
    func badPresenceFilesNameLineAndField(text: String, field: String, line: Int) {
        #expect { _ = try PresenceHistoryCSV.parse(text, file: "p.csv") } throws: { error in
            let e = error as? RiskError
            return e?.field == field && e?.line == line && e?.file == "p.csv"
        }
    }

    @Test func repositorysUSForcesFileCitesEveryFigure() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/us-forces-iraq.csv").path
        let text = try #require(FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) })
        let history = try PresenceHistoryCSV.parse(text, file: "us-forces-iraq.csv")
        #expect(history.figures.allSatisfy { $0.source.contains("http") })
        #expect(history.reference == 158_000)
        #expect(history.troops(in: YearMonth(year: 2010, month: 10)) < 50_000)
        #expect(history.share(in: YearMonth(year: 2012, month: 1)) == 0)
        #expect(history.share(in: YearMonth(year: 2014, month: 5)) == 0)
        #expect(history.troops(in: YearMonth(year: 2014, month: 7)) > 0)
        #expect(abs(history.troops(in: YearMonth(year: 2018, month: 6)) - 5_262) < 1e-9)
    }

    /// Three regions, 2008–2018, the fixture's presence, true γ_dep = 0.7.
    @Test func recoversTheDepartureEffectFromASimulatedRecord() throws {
        let history = try PresenceHistoryCSV.parse(Self.fixture, file: "p.csv")
        let start = YearMonth(year: 2008, month: 1), months = 132
        let days = (0..<months).map { k in Double(CivilDate.daysIn(year: start.adding(months: k).year, month: start.adding(months: k).month)) }
        let exposure = history.exposureHistory(regions: ["r0", "r1", "r2"], start: start, months: months)
        var incidents: [Incident] = []
        let first = CivilDate.dayNumber(year: 2008, month: 1, day: 1)
        for (i, p) in [HawkesParameters(mu: 0.15, alpha: 0.4, beta: 0.5), HawkesParameters(mu: 0.1, alpha: 0.3, beta: 1),
                       HawkesParameters(mu: 0.2, alpha: 0.5, beta: 0.2)].enumerated() {
            let shape = ProfileFit.shape(exposure.regions[i], days: days, gamma: SIMD2(0, 0.7))
            let times = try HawkesSimulator.simulate(parameters: p, background: shape, seed: 70 + UInt64(i))
            var perDay: [Int: Int] = [:]
            for t in times { perDay[Int(t), default: 0] += 1 }
            incidents += perDay.map { Incident(date: (CivilDate(dayNumber: first + $0.key)?.description ?? ""), region: "r\(i)", kind: .attack, count: $0.value) }
        }
        let effect = try DepartureEffect.fit(incidents: incidents, presence: history, from: start, to: YearMonth(year: 2018, month: 12))
        let se = try #require(effect.estimate.standardError)
        #expect(effect.estimate.fitted && effect.regionsFitted == 3)
        #expect(abs(effect.estimate.value - 0.7) < 3 * se, "γ_dep \(effect.estimate.value) ± \(se)")
        #expect(se < 0.2)
        #expect(abs(effect.multiplier - exp(effect.estimate.value)) < 1e-12)
        let ci = try #require(effect.ci95)
        #expect(ci[0] < effect.estimate.value && effect.estimate.value < ci[1])
    }

    @Test func noChangeInPresenceKeepsTheAssumedValue() throws {
        let flat = PresenceHistory(figures: [.init(date: CivilDate(year: 2000, month: 1, day: 1)!, troops: 10, note: "", source: "s")])
        let incidents = (0..<400).map { Incident(date: CivilDate(dayNumber: CivilDate.dayNumber(year: 2008, month: 1, day: 1) + $0 * 3)?.description ?? "", region: "r", kind: .attack) }
        let effect = try DepartureEffect.fit(incidents: incidents, presence: flat, from: YearMonth(year: 2008, month: 1), to: YearMonth(year: 2010, month: 12))
        #expect(!effect.estimate.fitted && effect.ci95 == nil)
        #expect(throws: RiskError.self) {
            try DepartureEffect.fit(incidents: incidents, presence: flat, from: YearMonth(year: 2010, month: 1), to: YearMonth(year: 2008, month: 1))
        }
    }
}
