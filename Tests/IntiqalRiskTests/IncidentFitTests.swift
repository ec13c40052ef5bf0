import Foundation
import IntiqalDomain
import Testing
@testable import IntiqalRisk

@Suite struct IncidentCSVTests {
    @Test func readsHeaderOptionalCountsAndQuotes() throws {
        let text = """
        date,region,count
        2024-01-03,anbar,2
        # a comment
        2024-01-04,"salah-al-din",

        2024-02-29,erbil,1\r
        """
        let incidents = try IncidentCSV.parse(text, file: "a.csv")
        #expect(incidents.map(\.region) == ["anbar", "salah-al-din", "erbil"])
        #expect(incidents.map(\.count) == [2, 1, 1])
        #expect(incidents[0].source == "a.csv:2")
    }

    @Test func readsPositionalColumnsAndReorderedHeader() throws {
        #expect(try IncidentCSV.parse("2024-01-03,anbar\n2024-01-05,anbar,3").map(\.count) == [1, 3])
        let reordered = try IncidentCSV.parse("region,count,date\nanbar,4,2024-01-03")
        #expect(reordered.first?.date == "2024-01-03" && reordered.first?.count == 4)
    }

    @Test(arguments: [
        ("date,region\n2024-13-01,anbar", "line 2", "date"),
        ("2024-02-30,anbar", "line 1", "date"),
        ("date,region,count\n2024-01-01,anbar,-1", "line 2", "count"),
        ("date,region,count\n2024-01-01,anbar,two", "line 2", "count"),
        ("2024-01-01,,1", "line 1", "region"),
        ("2024-01-01", "line 1", "region"),
        ("2024-01-01,anbar,1,extra", "line 1", "field 4"),
        ("date,place\n2024-01-01,anbar", "line 1", "region"),
        ("2024-01-01,\"anbar,1", "line 1", "field 2"),
    ])
    func badLinesNameFileLineAndField(text: String, line: String, field: String) {
        do {
            _ = try IncidentCSV.parse(text, file: "bad.csv")
            Issue.record("expected an error for \(text)")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("bad.csv") && message.contains(line) && message.contains("'\(field)'"), "\(message)")
        }
    }
}

@Suite struct ExposureHistoryCSVTests {
    @Test func readsMonthsPerRegion() throws {
        let history = try ExposureHistoryCSV.parse("""
        region,month,gap,coalitionShare
        anbar,2024-02,1.5,0.5
        anbar,2024-01,2,1
        ninewa,2024-01,0,1
        ninewa,2024-02,0.5,1
        """, file: "h.csv")
        #expect(history.start == YearMonth(year: 2024, month: 1) && history.months == 2)
        #expect(history.regions[0].gap == [2, 1.5] && history.regions[0].coalitionShare == [1, 0.5])
    }

    @Test(arguments: [
        ("month,region,gap,coalitionShare\n2024-01,anbar,1,1\n2024-03,anbar,1,1", "line 3", "month"),
        ("month,region,gap,coalitionShare\n2024-01,anbar,-1,1", "line 2", "gap"),
        ("month,region,gap,coalitionShare\n2024-01,anbar,1,1.5", "line 2", "coalitionShare"),
        ("month,region,gap,coalitionShare\n2024-1,anbar,1,1", "line 2", "month"),
        ("month,region,gap,coalitionShare\n2024-01,anbar,1,1\n2024-01,ninewa,1,1\n2024-02,ninewa,1,1", "line 3", "month"),
        ("x,month,region,gap,coalitionShare\n1,2024-01,anbar,1,1", "line 1", "x"),
        ("month,region,gap\n2024-01,anbar,1", "line 1", "coalitionShare"),
        ("2024-01,anbar,1", "line 1", "coalitionShare"),
    ])
    func badRowsNameFileLineAndField(text: String, line: String, field: String) {
        do {
            _ = try ExposureHistoryCSV.parse(text, file: "h.csv")
            Issue.record("expected an error")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("h.csv") && message.contains(line) && message.contains("'\(field)'"), "\(message)")
        }
    }
}

@Suite struct IncidentFitTests {
    /// Daily incident records from a simulated Hawkes history.
    static func records(region: String, parameters: HawkesParameters, days: Int, seed: UInt64, illustrative: Bool = false) throws -> [Incident] {
        let times = try HawkesSimulator.simulate(parameters: parameters, horizon: Double(days), seed: seed)
        var perDay: [Int: Int] = [:]
        for t in times { perDay[Int(t), default: 0] += 1 }
        let start = CivilDate.dayNumber(year: 2020, month: 1, day: 1)
        return perDay.sorted { $0.key < $1.key }.map { day, count in
            Incident(date: (CivilDate(dayNumber: start + day)?.description ?? ""), region: region, kind: .attack, count: count, illustrative: illustrative)
        }
    }

    @Test func fitsEachRegionFromDailyRecords() throws {
        let truth = HawkesParameters(mu: 0.3, alpha: 0.5, beta: 0.2)
        // 1,461 days = 2020-01-01 … 2023-12-31, whole months.
        let incidents = try Self.records(region: "anbar", parameters: truth, days: 1_461, seed: 4)
            + Self.records(region: "ninewa", parameters: HawkesParameters(mu: 0.1, alpha: 0.3, beta: 0.5), days: 1_461, seed: 5)
            + [Incident(date: "2021-06-01", region: "erbil", kind: .attack, count: 3),
               Incident(date: "2021-06-02", region: "erbil", kind: .meeting, count: 9)]
        let fit = try RiskModel.fit(incidents: incidents)
        #expect(fit.windowStart.description == "2020-01-01")
        #expect(fit.regions.map(\.region) == ["anbar", "erbil", "ninewa"])
        let anbar = try #require(fit.regions.first { $0.region == "anbar" }?.fit)
        // Day-level data with β = 0.2/day: jitter within the day keeps estimates near the truth.
        #expect(abs(anbar.parameters.alpha - truth.alpha) < 3 * (anbar.standardErrors.alpha ?? 0) + 0.03)
        #expect(abs(anbar.parameters.mu - truth.mu) < 3 * (anbar.standardErrors.mu ?? 0) + 0.02)
        // Erbil: too few events, pooled; meetings are not threat events.
        let erbil = try #require(fit.regions.first { $0.region == "erbil" })
        #expect(erbil.fit == nil && erbil.events == 3 && erbil.note != nil)
        #expect(fit.model.regions.count == 3)
        #expect(!fit.model.illustrative)
        #expect(fit.model.notes.contains { $0.contains("gammaGap") })
        try fit.model.validate()
    }

    @Test func sameInputGivesSameFit() throws {
        let incidents = try Self.records(region: "anbar", parameters: .init(mu: 0.2, alpha: 0.4, beta: 0.5), days: 730, seed: 8)
        #expect(try RiskModel.fit(incidents: incidents) == RiskModel.fit(incidents: incidents.reversed()))
    }

    @Test func illustrativeDataAreFlagged() throws {
        // Shaped like the example scenario: a few illustrative bursts, each on one day.
        let incidents = [
            Incident(date: "2023-10-20", region: "anbar", kind: .attack, count: 30, illustrative: true),
            Incident(date: "2023-11-15", region: "syria-border", kind: .attack, count: 45, illustrative: true),
            Incident(date: "2023-12-10", region: "erbil", kind: .attack, count: 25, illustrative: true),
        ]
        let fit = try RiskModel.fit(incidents: incidents)
        #expect(fit.model.illustrative)
        #expect(fit.model.notes.first?.contains("illustrative") == true)
        try fit.model.validate()  // whatever the fits did, the model is usable (α < 1)
        for region in fit.regions { #expect(region.parameters.alpha <= RiskModel.maximumFittedAlpha) }
    }

    @Test func rejectsUnusableIncidents() {
        #expect(throws: RiskError.self) { try RiskModel.fit(incidents: []) }
        #expect(throws: RiskError.self) { try RiskModel.fit(incidents: [Incident(date: "2024-01", region: "a", kind: .attack)]) }
        #expect(throws: RiskError.self) { try RiskModel.fit(incidents: [Incident(date: "2024-01-01", region: "a", kind: .attack, count: -2)]) }
        #expect(throws: RiskError.self) { try RiskModel.fit(incidents: [Incident(date: "2024-01-01", region: " ", kind: .attack)]) }
        #expect(throws: RiskError.self) { try RiskModel.fit(incidents: [Incident(date: "2024-01-01", region: "a", kind: .meeting)]) }
    }

    @Test func civilDatesRoundTrip() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "1900-03-01", "2200-12-31"] {
            #expect(CivilDate(text)?.description == text)
        }
        #expect(CivilDate("1970-01-01")?.dayNumber == 0)
        #expect(CivilDate("2024-01-01")?.dayNumber == 19_723)
        for bad in ["2023-02-29", "1900-02-29", "2024-1-01", "2024-01-32", "24-01-01", "2024-01-01x", "", "٢٠٢٤-٠١-٠١"] {
            #expect(CivilDate(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct CoefficientFitTests {
    /// Three regions over 6 years of calendar months; the gap rises then falls, advisers
    /// leave part-way in two regions; true γ_gap = 0.4, γ_dep = 0.8.
    static func world(seed: UInt64 = 100) throws -> (incidents: [Incident], history: ExposureHistory) {
        let start = YearMonth(year: 2018, month: 1)
        let months = 72
        let days = (0..<months).map { k in
            let ym = start.adding(months: k)
            return Double(CivilDate.daysIn(year: ym.year, month: ym.month))
        }
        let anbarGap: [Double] = (0..<months).map { k in 3 + 2 * sin(Double(k) / 10) }
        let anbarShare: [Double] = (0..<months).map { k in k < 40 ? 1 : 0.2 }
        let ninewaGap: [Double] = (0..<months).map { k in Double(k % 24) / 6 }
        let diyalaGap: [Double] = (0..<months).map { k in 3 - Double(k) / 30 }
        let diyalaShare: [Double] = (0..<months).map { k in max(0, 1 - Double(max(0, k - 30)) / 20) }
        let regions: [(String, HawkesParameters, [Double], [Double])] = [
            ("anbar", HawkesParameters(mu: 0.25, alpha: 0.4, beta: 0.5), anbarGap, anbarShare),
            ("ninewa", HawkesParameters(mu: 0.2, alpha: 0.3, beta: 1), ninewaGap, Array(repeating: 1, count: months)),
            ("diyala", HawkesParameters(mu: 0.3, alpha: 0.5, beta: 0.3), diyalaGap, diyalaShare),
        ]
        var incidents: [Incident] = []
        var exposures: [RegionExposure] = []
        for (i, (name, p, gap, share)) in regions.enumerated() {
            let exposure = RegionExposure(region: name, gap: gap, coalitionShare: share)
            exposures.append(exposure)
            let shape = ProfileFit.shape(exposure, days: days, gamma: SIMD2(0.4, 0.8))
            let times = try HawkesSimulator.simulate(parameters: p, background: shape, seed: seed + UInt64(i))
            var perDay: [Int: Int] = [:]
            for t in times { perDay[Int(t), default: 0] += 1 }
            let first = CivilDate.dayNumber(year: 2018, month: 1, day: 1)
            incidents += perDay.map { Incident(date: (CivilDate(dayNumber: first + $0.key)?.description ?? ""), region: name, kind: .attack, count: $0.value) }
        }
        return (incidents, ExposureHistory(start: start, regions: exposures))
    }

    @Test func recoversGapAndDepartureCoefficientsFromAHistory() throws {
        let (incidents, history) = try Self.world()
        let fit = try RiskModel.fit(incidents: incidents, history: history)
        #expect(fit.gammaGap.fitted && fit.gammaDeparture.fitted)
        let seGap = try #require(fit.gammaGap.standardError), seDep = try #require(fit.gammaDeparture.standardError)
        #expect(abs(fit.gammaGap.value - 0.4) < 3 * seGap, "γ_gap \(fit.gammaGap.value) ± \(seGap)")
        #expect(abs(fit.gammaDeparture.value - 0.8) < 3 * seDep, "γ_dep \(fit.gammaDeparture.value) ± \(seDep)")
        #expect(seGap < 0.2 && seDep < 0.4)
        #expect(fit.model.gammaGap == fit.gammaGap.value)
        #expect(fit.model.referenceGap["anbar"] == history.regions[0].gap.last)
        print("γ_gap \(fit.gammaGap.value) ± \(seGap), γ_dep \(fit.gammaDeparture.value) ± \(seDep)")
    }

    @Test func keepsAssumedCoefficientWithoutVariation() throws {
        let (incidents, history) = try Self.world()
        var flat = history
        for i in flat.regions.indices { flat.regions[i].coalitionShare = Array(repeating: 1, count: flat.regions[i].months) }
        let fit = try RiskModel.fit(incidents: incidents, history: flat, gammaDeparture: 0.5)
        #expect(fit.gammaGap.fitted)
        #expect(!fit.gammaDeparture.fitted && fit.gammaDeparture.value == 0.5)
        #expect(fit.gammaDeparture.note?.contains("does not change") == true)
        let none = try RiskModel.fit(incidents: incidents)
        #expect(!none.gammaGap.fitted && none.gammaGap.value == RiskModel.defaultGammaGap)
    }

    @Test func fitsWithAShapedBackgroundRecoverTheLevel() throws {
        let shape = BackgroundShape(segmentDays: Array(repeating: 100, count: 40), multiplier: (0..<40).map { 0.5 + Double($0 % 4) / 2 })
        let truth = HawkesParameters(mu: 0.4, alpha: 0.5, beta: 1)
        let times = try HawkesSimulator.simulate(parameters: truth, background: shape, seed: 3)
        let fit = try HawkesFit.fit(eventTimes: times, horizon: 4_000, background: shape)
        #expect(abs(fit.parameters.mu - 0.4) < 3 * (fit.standardErrors.mu ?? 0))
        #expect(abs(fit.parameters.alpha - 0.5) < 3 * (fit.standardErrors.alpha ?? 0))
        #expect(fit.ks.pValue > 0.01)
        // Ignoring the shape fits worse.
        let flat = try HawkesFit.fit(eventTimes: times, horizon: 4_000)
        #expect(flat.logLikelihood < fit.logLikelihood)
        #expect(throws: RiskError.self) { try HawkesFit.fit(eventTimes: times, horizon: 3_000, background: shape) }
    }
}
