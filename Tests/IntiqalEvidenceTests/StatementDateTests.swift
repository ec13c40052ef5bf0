import Testing
@testable import IntiqalEvidence

/// English date forms of statements, readouts and letters (invented sentences in their style).
@Suite struct StatementDateTests {
    @Test func eachDateOfAListDatesTheSameHappening() {
        let text = "Drone attacks this spring struck the Harir base on June 2, June 19, and July 7, 2022; the airfield on July 11, 2022.\n"
        let dates = Support.extract(text, published: "2022-08-01").events.filter { $0.type == .attack }.compactMap(\.date)
        #expect(Set(dates) == ["2022-06-02", "2022-06-19", "2022-07-07", "2022-07-11"])
    }

    @Test func reportsOnSeveralDatesAreSeveralStatements() {
        let text = "As the Department reported on June 3, 2022, June 17, 2022, and July 1, 2022, the teams stayed in place.\n"
        let dates = Support.extract(text, published: "2022-07-10").events.filter { $0.type == .statement }.compactMap(\.date)
        #expect(Set(dates) == ["2022-06-03", "2022-06-17", "2022-07-01"])
    }

    @Test func aCallTodayIsAMeetingOfThePublicationDay() {
        let doc = Support.extract("The Secretary of State spoke today with the Foreign Minister of Jordan.\n", published: "2022-09-14")
        #expect(doc.events.contains { $0.type == .meeting && $0.date == "2022-09-14" })
    }

    @Test func thePreviousDayIsTheDayBeforePublication() {
        let doc = Support.extract("The envoy condemned the rocket attacks the previous day near Kirkuk.\n", published: "2022-11-08")
        #expect(doc.events.contains { $0.type == .attack && $0.date == "2022-11-07" })
    }

    @Test func arabicReportingVerbsMakeStatements() {
        let doc = Support.extract("وأورد المكتب الإعلامي، الأحد، أن الدورية تعرضت لإطلاق نار.\n", published: "2022-10-09")
        #expect(doc.events.contains { $0.type == .statement && $0.date == "2022-10-09" })
    }

    @Test func marchAndMayWithADayAreDatesWhereADateIsIntroduced() {
        let text = "Rocket attacks hit the base on March 2, March 19, and May 3, 2022.\n"
        let dates = Support.extract(text, published: "2022-06-01").events.filter { $0.type == .attack }.compactMap(\.date)
        #expect(Set(dates) == ["2022-03-02", "2022-03-19", "2022-05-03"])
        #expect(Support.extract("They may 5 times ask for more.\n", published: "2022-06-01").events.allSatisfy { $0.date == nil })
    }
}
