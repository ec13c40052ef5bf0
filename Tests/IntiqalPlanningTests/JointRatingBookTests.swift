import IntiqalDomain
import Testing

/// Joint ratings: carried forward, combined cautiously, disputed beyond the tolerance, resolved
/// by the commission, and converted between scale versions.
@Suite struct JointRatingBookTests {
    typealias F = GateFixture
    static let threat = RatingSubject(factor: .threat, region: "anbar", capability: nil)
    static let requirement = RatingSubject(factor: .requirement, region: "anbar", capability: "isr")
    static let capability = RatingSubject(factor: .capability, region: "anbar", capability: "isr")

    static func book(_ assessments: [Assessment], tolerance: Double = 1, scales: [RatingScale] = [],
                     resolutions: [Resolution] = []) -> JointRatingBook {
        var scenario = F.scenario(threat: [], requirement: [], capability: [], scales: scales, resolutions: resolutions)
        scenario.assessments = assessments
        scenario.policy.disputeTolerance = tolerance
        return JointRatingBook(scenario: scenario)
    }

    @Test func latestRatingIsCarriedForward() {
        let book = Self.book([F.rating("IRQ", .threat, 4, at: 0, trend: .steady), F.rating("USA", .threat, 4, at: 0, trend: .steady),
                              F.rating("IRQ", .threat, 3, at: 3, trend: .falling), F.rating("USA", .threat, 3, at: 3, trend: .falling)])
        #expect(book.rating(Self.threat, asOf: F.month(-1)) == nil)
        #expect(book.rating(Self.threat, asOf: F.month(2))?.value == 4)
        #expect(book.rating(Self.threat, asOf: F.month(2))?.basisMonth == F.month(0))
        let later = book.rating(Self.threat, asOf: F.month(9))
        #expect(later?.value == 3)
        #expect(later?.trend == .falling)
        #expect(later?.basisMonth == F.month(3))
        #expect(book.earliestMonth == F.month(0))
    }

    @Test func noJointRatingUntilEveryRatingPartyHasRated() {
        let book = Self.book([F.rating("IRQ", .threat, 2, at: 0), F.rating("USA", .threat, 2, at: 2)])
        #expect(book.rating(Self.threat, asOf: F.month(1)) == nil)
        #expect(book.rating(Self.threat, asOf: F.month(2))?.value == 2)
    }

    @Test func combinationIsConservative() {
        let book = Self.book([
            F.rating("IRQ", .threat, 2, trend: .falling), F.rating("USA", .threat, 3, trend: .steady),
            F.rating("IRQ", .requirement, 3), F.rating("USA", .requirement, 2),
            F.rating("IRQ", .capability, 3), F.rating("USA", .capability, 2.5),
        ])
        let threat = book.rating(Self.threat, asOf: F.month(0))
        #expect(threat?.value == 3)        // the higher threat
        #expect(threat?.trend == .steady)  // the worse trend
        #expect(book.rating(Self.requirement, asOf: F.month(0))?.value == 3)   // the higher requirement
        #expect(book.rating(Self.capability, asOf: F.month(0))?.value == 2.5)  // the lower capability
        #expect(book.rating(Self.capability, asOf: F.month(0))?.byParty.map(\.party) == ["IRQ", "USA"])
    }

    @Test func anyRisingTrendMakesTheJointTrendRising() {
        let book = Self.book([F.rating("IRQ", .threat, 2, trend: .falling), F.rating("USA", .threat, 2, trend: .rising)])
        #expect(book.rating(Self.threat, asOf: F.month(0))?.trend == .rising)
    }

    @Test(arguments: [(1.0, 1.0, false), (1.0, 1.5, true), (2.0, 1.5, false), (0.0, 0.5, true), (0.0, 0.0, false)])
    func disputeBeyondTheTolerance(tolerance: Double, gap: Double, disputed: Bool) {
        let book = Self.book([F.rating("IRQ", .capability, 2 + gap), F.rating("USA", .capability, 2)], tolerance: tolerance)
        let rating = book.rating(Self.capability, asOf: F.month(0))
        #expect(rating?.disputed == disputed)
        #expect(rating?.value == (disputed ? nil : 2))
    }

    @Test func resolutionHoldsUntilEitherPartyRatesAgain() {
        let resolution = Resolution(subject: Self.capability, month: F.month(1), value: 2.5, decision: "HMC-1")
        let book = Self.book([F.rating("IRQ", .capability, 4), F.rating("USA", .capability, 1),
                              F.rating("IRQ", .capability, 3.5, at: 4)], resolutions: [resolution])
        #expect(book.rating(Self.capability, asOf: F.month(0))?.disputed == true)
        let resolved = book.rating(Self.capability, asOf: F.month(2))
        #expect(resolved?.disputed == false)
        #expect(resolved?.value == 2.5)
        #expect(resolved?.resolution?.decision == "HMC-1")
        #expect(resolved?.basisMonth == F.month(1))
        let rerated = book.rating(Self.capability, asOf: F.month(4))
        #expect(rerated?.resolution == nil)
        #expect(rerated?.disputed == true)   // 3.5 against 1
    }

    @Test func ratingsOnAnOlderScaleVersionAreConverted() {
        // Capability v1 is 0–4, v2 is 0–10; 3 on v1 is 7.5 on v2.
        let v2 = RatingScale(factor: .capability, version: 2, minimum: 0, maximum: 10)
        let book = Self.book([F.rating("IRQ", .capability, 3, version: 1), F.rating("USA", .capability, 7, version: 2)],
                             scales: [v2])
        let rating = book.rating(Self.capability, asOf: F.month(0))
        let irq = rating?.byParty.first { $0.party == "IRQ" }
        #expect(irq?.value == 7.5)
        #expect(irq?.ratedValue == 3)
        #expect(irq?.scale == ScaleReference(factor: .capability, version: 1))
        #expect(rating?.disputed == false)
        #expect(rating?.value == 7)
    }

    @Test func threatScaleConversionMapsEndPointsToEndPoints() {
        let v2 = RatingScale(factor: .threat, version: 2, minimum: 0, maximum: 10)
        let book = Self.book([F.rating("IRQ", .threat, 5, version: 1), F.rating("USA", .threat, 10, version: 2)],
                             scales: [v2])
        let rating = book.rating(Self.threat, asOf: F.month(0))
        #expect(rating?.byParty.map(\.value) == [10, 10])
        #expect(rating?.value == 10)
    }
}
