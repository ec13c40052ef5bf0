/// The stable name of one kind of problem, `stage.what` (`scenario.range`,
/// `verifier.capacity-exceeded`): callers and tests match codes, never wording. Every code the
/// package reports is listed here, once; a code is never renamed or reused once shipped.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

    /// The stage a code belongs to: the part before the first dot.
    public var stage: Substring { rawValue.prefix { $0 != "." } }
}

// MARK: - Scenario files
extension DiagnosticCode {
    public static let scenarioFileUnreadable = DiagnosticCode(rawValue: "scenario.file-unreadable")
    public static let scenarioNoBundled = DiagnosticCode(rawValue: "scenario.no-bundled")
    public static let scenarioNotUTF8 = DiagnosticCode(rawValue: "scenario.not-utf8")
    public static let scenarioBudget = DiagnosticCode(rawValue: "scenario.budget")
    public static let scenarioEmpty = DiagnosticCode(rawValue: "scenario.empty")
    public static let scenarioParse = DiagnosticCode(rawValue: "scenario.parse")
    public static let scenarioTooLarge = DiagnosticCode(rawValue: "scenario.too-large")
    public static let scenarioNesting = DiagnosticCode(rawValue: "scenario.nesting")
    public static let scenarioYAMLSyntax = DiagnosticCode(rawValue: "scenario.yaml-syntax")
    public static let scenarioDuplicateKeys = DiagnosticCode(rawValue: "scenario.duplicate-keys")
    public static let scenarioYAMLRead = DiagnosticCode(rawValue: "scenario.yaml-read")
    public static let scenarioYAMLInvalid = DiagnosticCode(rawValue: "scenario.yaml-invalid")
    public static let scenarioExpectedFields = DiagnosticCode(rawValue: "scenario.expected-fields")
    public static let scenarioUnknownField = DiagnosticCode(rawValue: "scenario.unknown-field")
    public static let scenarioExpectedList = DiagnosticCode(rawValue: "scenario.expected-list")
    public static let scenarioTooManyEntries = DiagnosticCode(rawValue: "scenario.too-many-entries")
    public static let scenarioExpectedMapping = DiagnosticCode(rawValue: "scenario.expected-mapping")
    public static let scenarioExpectedText = DiagnosticCode(rawValue: "scenario.expected-text")
    public static let scenarioInvalidID = DiagnosticCode(rawValue: "scenario.invalid-id")
    public static let scenarioExpectedInteger = DiagnosticCode(rawValue: "scenario.expected-integer")
    public static let scenarioRangeBelow = DiagnosticCode(rawValue: "scenario.range")
    public static let scenarioRangeAbove = DiagnosticCode(rawValue: "scenario.range-above")
    public static let scenarioExpectedNumber = DiagnosticCode(rawValue: "scenario.expected-number")
    public static let scenarioExpectedBoolean = DiagnosticCode(rawValue: "scenario.expected-boolean")
    public static let scenarioMissingField = DiagnosticCode(rawValue: "scenario.missing-field")
    public static let scenarioScaleBounds = DiagnosticCode(rawValue: "scenario.scale-bounds")
    public static let scenarioScaleLabel = DiagnosticCode(rawValue: "scenario.scale-label")
    public static let scenarioDuplicateScale = DiagnosticCode(rawValue: "scenario.duplicate-scale")
    public static let scenarioNegative = DiagnosticCode(rawValue: "scenario.negative")
    public static let scenarioNoRatingParty = DiagnosticCode(rawValue: "scenario.no-rating-party")
    public static let scenarioTeamRegionUnsupported = DiagnosticCode(rawValue: "scenario.team-region-unsupported")
    public static let scenarioMissingCapacity = DiagnosticCode(rawValue: "scenario.missing-capacity")
    public static let scenarioCapacityUnknownSite = DiagnosticCode(rawValue: "scenario.capacity-unknown-site")
    public static let scenarioGrowthUnknownCapability = DiagnosticCode(rawValue: "scenario.growth-unknown-capability")
    public static let scenarioDeadlineBeforeStart = DiagnosticCode(rawValue: "scenario.deadline-before-start")
    public static let scenarioUnknownPhase = DiagnosticCode(rawValue: "scenario.unknown-phase")
    public static let scenarioSiteInTwoPhases = DiagnosticCode(rawValue: "scenario.site-in-two-phases")
    public static let scenarioRegionInTwoPhases = DiagnosticCode(rawValue: "scenario.region-in-two-phases")
    public static let scenarioPhaseCycle = DiagnosticCode(rawValue: "scenario.phase-cycle")
    public static let scenarioThreatPerRegion = DiagnosticCode(rawValue: "scenario.threat-per-region")
    public static let scenarioRatingCapabilityRequired = DiagnosticCode(rawValue: "scenario.rating-capability-required")
    public static let scenarioAdmiraltyGrade = DiagnosticCode(rawValue: "scenario.admiralty-grade")
    public static let scenarioRatingMonth = DiagnosticCode(rawValue: "scenario.rating-month")
    public static let scenarioExpectedRating = DiagnosticCode(rawValue: "scenario.expected-rating")
    public static let scenarioUnknownTrend = DiagnosticCode(rawValue: "scenario.unknown-trend")
    public static let scenarioValuesAndMonth = DiagnosticCode(rawValue: "scenario.values-and-month")
    public static let scenarioUnknownScaleVersion = DiagnosticCode(rawValue: "scenario.unknown-scale-version")
    public static let scenarioRatingOutsideScale = DiagnosticCode(rawValue: "scenario.rating-outside-scale")
    public static let scenarioTrendNotThreat = DiagnosticCode(rawValue: "scenario.trend-not-threat")
    public static let scenarioRatingAfterEnd = DiagnosticCode(rawValue: "scenario.rating-after-end")
    public static let scenarioDuplicateRating = DiagnosticCode(rawValue: "scenario.duplicate-rating")
    public static let scenarioResolutionCapabilityRequired = DiagnosticCode(rawValue: "scenario.resolution-capability-required")
    public static let scenarioResolutionOutsideScale = DiagnosticCode(rawValue: "scenario.resolution-outside-scale")
    public static let scenarioCommitmentStatus = DiagnosticCode(rawValue: "scenario.commitment-status")
    public static let scenarioIncidentDate = DiagnosticCode(rawValue: "scenario.incident-date")
    public static let scenarioIncidentPeriod = DiagnosticCode(rawValue: "scenario.incident-period")
    public static let scenarioNegativeWeight = DiagnosticCode(rawValue: "scenario.negative-weight")
    public static let scenarioDeadlineAfterEnd = DiagnosticCode(rawValue: "scenario.deadline-after-end")
    public static let scenarioGarrisonOverCapacity = DiagnosticCode(rawValue: "scenario.garrison-over-capacity")
    public static let scenarioUnknownRatingParty = DiagnosticCode(rawValue: "scenario.unknown-rating-party")
    public static let scenarioGateUnrated = DiagnosticCode(rawValue: "scenario.gate-unrated")
    public static let scenarioMissingSection = DiagnosticCode(rawValue: "scenario.missing-section")
    public static let scenarioDuplicateID = DiagnosticCode(rawValue: "scenario.duplicate-id")
    public static let scenarioMonth = DiagnosticCode(rawValue: "scenario.month")
    public static let scenarioNotOneOf = DiagnosticCode(rawValue: "scenario.not-one-of")
    public static let scenarioUnknownReference = DiagnosticCode(rawValue: "scenario.unknown-reference")
}

// MARK: - Plan verifier
extension DiagnosticCode {
    public static let verifierInputOutOfRange = DiagnosticCode(rawValue: "verifier.input-out-of-range")
    public static let verifierWrongScenario = DiagnosticCode(rawValue: "verifier.wrong-scenario")
    public static let verifierWrongPeriod = DiagnosticCode(rawValue: "verifier.wrong-period")
    public static let verifierSiteHeadcountMismatch = DiagnosticCode(rawValue: "verifier.site-headcount-mismatch")
    public static let verifierSiteClosureMismatch = DiagnosticCode(rawValue: "verifier.site-closure-mismatch")
    public static let verifierSiteCountMismatch = DiagnosticCode(rawValue: "verifier.site-count-mismatch")
    public static let verifierHandoverUnreported = DiagnosticCode(rawValue: "verifier.handover-unreported")
    public static let verifierHandoverNotHappening = DiagnosticCode(rawValue: "verifier.handover-not-happening")
    public static let verifierHandoverTotalMismatch = DiagnosticCode(rawValue: "verifier.handover-total-mismatch")
    public static let verifierRemainingMismatch = DiagnosticCode(rawValue: "verifier.remaining-mismatch")
    public static let verifierPersonnelMonthsMismatch = DiagnosticCode(rawValue: "verifier.personnel-months-mismatch")
    public static let verifierPhaseCompletionMismatch = DiagnosticCode(rawValue: "verifier.phase-completion-mismatch")
    public static let verifierPhaseSlackMismatch = DiagnosticCode(rawValue: "verifier.phase-slack-mismatch")
    public static let verifierPhaseDeadlineMismatch = DiagnosticCode(rawValue: "verifier.phase-deadline-mismatch")
    public static let verifierDeadlineMissedUnexplained = DiagnosticCode(rawValue: "verifier.deadline-missed-unexplained")
    public static let verifierRiskDebtMissing = DiagnosticCode(rawValue: "verifier.risk-debt-missing")
    public static let verifierRiskDebtWrong = DiagnosticCode(rawValue: "verifier.risk-debt-wrong")
    public static let verifierRiskDebtExtra = DiagnosticCode(rawValue: "verifier.risk-debt-extra")
    public static let verifierRiskDebtAdviserMonthsMismatch = DiagnosticCode(rawValue: "verifier.risk-debt-adviser-months-mismatch")
    public static let verifierRiskDebtTotalMismatch = DiagnosticCode(rawValue: "verifier.risk-debt-total-mismatch")
    public static let verifierMoveOutsideHorizon = DiagnosticCode(rawValue: "verifier.move-outside-horizon")
    public static let verifierUnknownSite = DiagnosticCode(rawValue: "verifier.unknown-site")
    public static let verifierSiteAlreadyClosed = DiagnosticCode(rawValue: "verifier.site-already-closed")
    public static let verifierMoveNotPositive = DiagnosticCode(rawValue: "verifier.move-not-positive")
    public static let verifierMoveTooLarge = DiagnosticCode(rawValue: "verifier.move-too-large")
    public static let verifierUnknownTeam = DiagnosticCode(rawValue: "verifier.unknown-team")
    public static let verifierTeamElsewhere = DiagnosticCode(rawValue: "verifier.team-elsewhere")
    public static let verifierMoreLeaveThanRemain = DiagnosticCode(rawValue: "verifier.more-leave-than-remain")
    public static let verifierGateNotHeld = DiagnosticCode(rawValue: "verifier.gate-not-held")
    public static let verifierUnknownTarget = DiagnosticCode(rawValue: "verifier.unknown-target")
    public static let verifierTeamSplit = DiagnosticCode(rawValue: "verifier.team-split")
    public static let verifierTargetClosed = DiagnosticCode(rawValue: "verifier.target-closed")
    public static let verifierTargetUnsupported = DiagnosticCode(rawValue: "verifier.target-unsupported")
    public static let verifierAdvisersAtClosingSite = DiagnosticCode(rawValue: "verifier.advisers-at-closing-site")
    public static let verifierGarrisonMismatch = DiagnosticCode(rawValue: "verifier.garrison-mismatch")
    public static let verifierCapacityExceeded = DiagnosticCode(rawValue: "verifier.capacity-exceeded")
    public static let verifierSiteCapacityExceeded = DiagnosticCode(rawValue: "verifier.site-capacity-exceeded")
    public static let verifierAdvisersAtClosedSite = DiagnosticCode(rawValue: "verifier.advisers-at-closed-site")
    public static let verifierBelowGarrison = DiagnosticCode(rawValue: "verifier.below-garrison")
    public static let verifierPhaseOrder = DiagnosticCode(rawValue: "verifier.phase-order")
    public static let verifierNoReintervention = DiagnosticCode(rawValue: "verifier.no-reintervention")
    public static let verifierNotVerified = DiagnosticCode(rawValue: "verifier.not-verified")
}

// MARK: - Evidence
extension DiagnosticCode {
    public static let evidenceForeignEncoding = DiagnosticCode(rawValue: "evidence.foreign-encoding")
    public static let evidenceInvalidUTF8 = DiagnosticCode(rawValue: "evidence.invalid-utf8")
    public static let evidenceLineSplit = DiagnosticCode(rawValue: "evidence.line-split")
    public static let evidenceSentenceSplit = DiagnosticCode(rawValue: "evidence.sentence-split")
    public static let evidenceDocumentTruncated = DiagnosticCode(rawValue: "evidence.document-truncated")
}

// MARK: - CSV
extension DiagnosticCode {
    public static let csvLineTooLong = DiagnosticCode(rawValue: "csv.line-too-long")
    public static let csvTooManyRows = DiagnosticCode(rawValue: "csv.too-many-rows")
    public static let csvUnterminatedQuote = DiagnosticCode(rawValue: "csv.unterminated-quote")
}

// MARK: - Ratings CSV (intiqal assess --csv)
extension DiagnosticCode {
    public static let csvRatingsFile = DiagnosticCode(rawValue: "csv.ratings-file")
    public static let csvRatingsEmpty = DiagnosticCode(rawValue: "csv.ratings-empty")
    public static let csvRatingsMissingColumn = DiagnosticCode(rawValue: "csv.ratings-missing-column")
    public static let csvRatingsFieldCount = DiagnosticCode(rawValue: "csv.ratings-field-count")
    public static let csvRatingsGroup = DiagnosticCode(rawValue: "csv.ratings-group")
    public static let csvRatingsMonth = DiagnosticCode(rawValue: "csv.ratings-month")
    public static let csvRatingsValue = DiagnosticCode(rawValue: "csv.ratings-value")
    public static let csvRatingsTrend = DiagnosticCode(rawValue: "csv.ratings-trend")
    public static let csvRatingsConfidence = DiagnosticCode(rawValue: "csv.ratings-confidence")
    public static let csvRatingsScale = DiagnosticCode(rawValue: "csv.ratings-scale")
    public static let csvRatingsUnknownParty = DiagnosticCode(rawValue: "csv.ratings-unknown-party")
    public static let csvRatingsUnknownRegion = DiagnosticCode(rawValue: "csv.ratings-unknown-region")
    public static let csvRatingsThreatCapability = DiagnosticCode(rawValue: "csv.ratings-threat-capability")
    public static let csvRatingsUnknownCapability = DiagnosticCode(rawValue: "csv.ratings-unknown-capability")
    public static let csvRatingsCapabilityRequired = DiagnosticCode(rawValue: "csv.ratings-capability-required")
    public static let csvRatingsAfterEnd = DiagnosticCode(rawValue: "csv.ratings-after-end")
    public static let csvRatingsOutsideScale = DiagnosticCode(rawValue: "csv.ratings-outside-scale")
    public static let csvRatingsUnknownScale = DiagnosticCode(rawValue: "csv.ratings-unknown-scale")
}

// MARK: - Risk data files (incidents, UCDP GED and ACLED events, presence history)
extension DiagnosticCode {
    public static let riskIncidentsNoRegionColumn = DiagnosticCode(rawValue: "risk.incidents-no-region-column")
    public static let riskIncidentsUnknownColumn = DiagnosticCode(rawValue: "risk.incidents-unknown-column")
    public static let riskIncidentsTooFewFields = DiagnosticCode(rawValue: "risk.incidents-too-few-fields")
    public static let riskIncidentsTooManyFields = DiagnosticCode(rawValue: "risk.incidents-too-many-fields")
    public static let riskIncidentsDate = DiagnosticCode(rawValue: "risk.incidents-date")
    public static let riskIncidentsEmptyRegion = DiagnosticCode(rawValue: "risk.incidents-empty-region")
    public static let riskIncidentsCount = DiagnosticCode(rawValue: "risk.incidents-count")
    public static let riskEventsEmpty = DiagnosticCode(rawValue: "risk.events-empty")
    public static let riskEventsFieldCount = DiagnosticCode(rawValue: "risk.events-field-count")
    public static let riskEventsDate = DiagnosticCode(rawValue: "risk.events-date")
    public static let riskEventsNumber = DiagnosticCode(rawValue: "risk.events-number")
    public static let riskEventsUCDPNoAdm1 = DiagnosticCode(rawValue: "risk.events-ucdp-no-adm1")
    public static let riskEventsACLEDNoAdmin1 = DiagnosticCode(rawValue: "risk.events-acled-no-admin1")
    public static let riskEventsUnknownHeader = DiagnosticCode(rawValue: "risk.events-unknown-header")
    public static let riskEventsTooManyRecords = DiagnosticCode(rawValue: "risk.events-too-many-records")
    public static let riskEventsUnterminatedQuote = DiagnosticCode(rawValue: "risk.events-unterminated-quote")
    public static let riskPresenceNoHeader = DiagnosticCode(rawValue: "risk.presence-no-header")
    public static let riskPresenceMissingColumn = DiagnosticCode(rawValue: "risk.presence-missing-column")
    public static let riskPresenceFieldCount = DiagnosticCode(rawValue: "risk.presence-field-count")
    public static let riskPresenceDate = DiagnosticCode(rawValue: "risk.presence-date")
    public static let riskPresenceTroops = DiagnosticCode(rawValue: "risk.presence-troops")
    public static let riskPresenceSource = DiagnosticCode(rawValue: "risk.presence-source")
    public static let riskPresenceOrder = DiagnosticCode(rawValue: "risk.presence-order")
    public static let riskPresenceNoPositive = DiagnosticCode(rawValue: "risk.presence-no-positive")
}

// MARK: - Risk engine inputs other than CSV rows (parameters, plans, configurations) and the neighbour and
// exposure-history files
extension DiagnosticCode {
    public static let riskMontecarloNoPlans = DiagnosticCode(rawValue: "risk.montecarlo-no-plans")
    public static let riskMontecarloTooManyPlans = DiagnosticCode(rawValue: "risk.montecarlo-too-many-plans")
    public static let riskMontecarloPlanNoRegions = DiagnosticCode(rawValue: "risk.montecarlo-plan-no-regions")
    public static let riskMontecarloTooManyRegions = DiagnosticCode(rawValue: "risk.montecarlo-too-many-regions")
    public static let riskMontecarloBaselineRegionTwice = DiagnosticCode(rawValue: "risk.montecarlo-baseline-region-twice")
    public static let riskMontecarloTooManyMonths = DiagnosticCode(rawValue: "risk.montecarlo-too-many-months")
    public static let riskMontecarloTooManyCells = DiagnosticCode(rawValue: "risk.montecarlo-too-many-cells")
    public static let riskMontecarloPlanExposure = DiagnosticCode(rawValue: "risk.montecarlo-plan-exposure")
    public static let riskMontecarloPlanRegionTwice = DiagnosticCode(rawValue: "risk.montecarlo-plan-region-twice")
    public static let riskMontecarloPlanMonthsDiffer = DiagnosticCode(rawValue: "risk.montecarlo-plan-months-differ")
    public static let riskMontecarloBaselineMissingRegion = DiagnosticCode(rawValue: "risk.montecarlo-baseline-missing-region")
    public static let riskMontecarloBaselineMonthsDiffer = DiagnosticCode(rawValue: "risk.montecarlo-baseline-months-differ")
    public static let riskMontecarloExtraRegion = DiagnosticCode(rawValue: "risk.montecarlo-extra-region")
    public static let riskMontecarloTooManyIncidents = DiagnosticCode(rawValue: "risk.montecarlo-too-many-incidents")
    public static let riskSimulationHorizon = DiagnosticCode(rawValue: "risk.simulation-horizon")
    public static let riskSimulationExplosive = DiagnosticCode(rawValue: "risk.simulation-explosive")
    public static let riskSimulationExplosiveBackground = DiagnosticCode(rawValue: "risk.simulation-explosive-background")
    public static let riskMontecarloRuns = DiagnosticCode(rawValue: "risk.montecarlo-runs")
    public static let riskMontecarloParallelism = DiagnosticCode(rawValue: "risk.montecarlo-parallelism")
    public static let riskMultivariateStart = DiagnosticCode(rawValue: "risk.multivariate-start")
    public static let riskMultivariateNotFinite = DiagnosticCode(rawValue: "risk.multivariate-not-finite")
    public static let riskNeighboursRegionTwice = DiagnosticCode(rawValue: "risk.neighbours-region-twice")
    public static let riskNeighboursUnknownRegion = DiagnosticCode(rawValue: "risk.neighbours-unknown-region")
    public static let riskNeighboursUnknownNeighbour = DiagnosticCode(rawValue: "risk.neighbours-unknown-neighbour")
    public static let riskNeighboursSelf = DiagnosticCode(rawValue: "risk.neighbours-self")
    public static let riskMultivariateParameters = DiagnosticCode(rawValue: "risk.multivariate-parameters")
    public static let riskMultivariateExplosive = DiagnosticCode(rawValue: "risk.multivariate-explosive")
    public static let riskMultivariateTimes = DiagnosticCode(rawValue: "risk.multivariate-times")
    public static let riskMultivariateHorizon = DiagnosticCode(rawValue: "risk.multivariate-horizon")
    public static let riskMultivariateEventTime = DiagnosticCode(rawValue: "risk.multivariate-event-time")
    public static let riskNeighboursCsvHeader = DiagnosticCode(rawValue: "risk.neighbours-csv-header")
    public static let riskNeighboursCsvFields = DiagnosticCode(rawValue: "risk.neighbours-csv-fields")
    public static let riskNeighboursCsvSelf = DiagnosticCode(rawValue: "risk.neighbours-csv-self")
    public static let riskExposureCsvUnknownColumn = DiagnosticCode(rawValue: "risk.exposure-csv-unknown-column")
    public static let riskExposureCsvMissingColumn = DiagnosticCode(rawValue: "risk.exposure-csv-missing-column")
    public static let riskExposureCsvColumns = DiagnosticCode(rawValue: "risk.exposure-csv-columns")
    public static let riskExposureCsvFieldCount = DiagnosticCode(rawValue: "risk.exposure-csv-field-count")
    public static let riskExposureCsvMonth = DiagnosticCode(rawValue: "risk.exposure-csv-month")
    public static let riskExposureCsvEmptyRegion = DiagnosticCode(rawValue: "risk.exposure-csv-empty-region")
    public static let riskExposureCsvGap = DiagnosticCode(rawValue: "risk.exposure-csv-gap")
    public static let riskExposureCsvCoalitionShare = DiagnosticCode(rawValue: "risk.exposure-csv-coalition-share")
    public static let riskExposureCsvNoRows = DiagnosticCode(rawValue: "risk.exposure-csv-no-rows")
    public static let riskExposureCsvMonths = DiagnosticCode(rawValue: "risk.exposure-csv-months")
    public static let riskExposureCsvSpan = DiagnosticCode(rawValue: "risk.exposure-csv-span")
    public static let riskThresholdIncidents = DiagnosticCode(rawValue: "risk.threshold-incidents")
    public static let riskThresholdMonths = DiagnosticCode(rawValue: "risk.threshold-months")
    public static let riskFitGamma = DiagnosticCode(rawValue: "risk.fit-gamma")
    public static let riskFitIncidentDate = DiagnosticCode(rawValue: "risk.fit-incident-date")
    public static let riskFitIncidentRegion = DiagnosticCode(rawValue: "risk.fit-incident-region")
    public static let riskFitIncidentCount = DiagnosticCode(rawValue: "risk.fit-incident-count")
    public static let riskFitIncidentUntil = DiagnosticCode(rawValue: "risk.fit-incident-until")
    public static let riskFitIncidentPeriod = DiagnosticCode(rawValue: "risk.fit-incident-period")
    public static let riskFitNoIncidents = DiagnosticCode(rawValue: "risk.fit-no-incidents")
    public static let riskFitWindowYears = DiagnosticCode(rawValue: "risk.fit-window-years")
    public static let riskExposureEmptyRegion = DiagnosticCode(rawValue: "risk.exposure-empty-region")
    public static let riskExposureNoMonths = DiagnosticCode(rawValue: "risk.exposure-no-months")
    public static let riskExposureShareMonths = DiagnosticCode(rawValue: "risk.exposure-share-months")
    public static let riskExposureGap = DiagnosticCode(rawValue: "risk.exposure-gap")
    public static let riskExposureCoalitionShare = DiagnosticCode(rawValue: "risk.exposure-coalition-share")
    public static let riskHistoryStart = DiagnosticCode(rawValue: "risk.history-start")
    public static let riskHistoryNoRegions = DiagnosticCode(rawValue: "risk.history-no-regions")
    public static let riskHistoryRegionTwice = DiagnosticCode(rawValue: "risk.history-region-twice")
    public static let riskHistoryMonthsDiffer = DiagnosticCode(rawValue: "risk.history-months-differ")
    public static let riskModelRegionParameters = DiagnosticCode(rawValue: "risk.model-region-parameters")
    public static let riskModelFallbackParameters = DiagnosticCode(rawValue: "risk.model-fallback-parameters")
    public static let riskModelGammaGap = DiagnosticCode(rawValue: "risk.model-gamma-gap")
    public static let riskModelGammaDeparture = DiagnosticCode(rawValue: "risk.model-gamma-departure")
    public static let riskModelReferenceGap = DiagnosticCode(rawValue: "risk.model-reference-gap")
    public static let riskModelLogCovariance = DiagnosticCode(rawValue: "risk.model-log-covariance")
    public static let riskModelStandardError = DiagnosticCode(rawValue: "risk.model-standard-error")
    public static let riskBacktestIncidentDate = DiagnosticCode(rawValue: "risk.backtest-incident-date")
    public static let riskBacktestIncidentCount = DiagnosticCode(rawValue: "risk.backtest-incident-count")
    public static let riskBacktestIncidentRegion = DiagnosticCode(rawValue: "risk.backtest-incident-region")
    public static let riskBacktestTooManyIncidents = DiagnosticCode(rawValue: "risk.backtest-too-many-incidents")
    public static let riskBacktestIncidentUntil = DiagnosticCode(rawValue: "risk.backtest-incident-until")
    public static let riskBacktestNoIncidents = DiagnosticCode(rawValue: "risk.backtest-no-incidents")
    public static let riskBacktestYears = DiagnosticCode(rawValue: "risk.backtest-years")
    public static let riskBacktestTooManyRegions = DiagnosticCode(rawValue: "risk.backtest-too-many-regions")
    public static let riskDeparturePeriod = DiagnosticCode(rawValue: "risk.departure-period")
    public static let riskBacktestNoMonths = DiagnosticCode(rawValue: "risk.backtest-no-months")
    public static let riskBacktestThreshold = DiagnosticCode(rawValue: "risk.backtest-threshold")
    public static let riskBacktestConsecutive = DiagnosticCode(rawValue: "risk.backtest-consecutive")
    public static let riskBacktestHorizons = DiagnosticCode(rawValue: "risk.backtest-horizons")
    public static let riskBacktestPeriod = DiagnosticCode(rawValue: "risk.backtest-period")
    public static let riskBacktestWindow = DiagnosticCode(rawValue: "risk.backtest-window")
    public static let riskBacktestLevel = DiagnosticCode(rawValue: "risk.backtest-level")
    public static let riskBacktestVolatility = DiagnosticCode(rawValue: "risk.backtest-volatility")
    public static let riskBacktestRuns = DiagnosticCode(rawValue: "risk.backtest-runs")
    public static let riskBacktestLogFloor = DiagnosticCode(rawValue: "risk.backtest-log-floor")
    public static let riskFitTooFewEvents = DiagnosticCode(rawValue: "risk.fit-too-few-events")
    public static let riskFitNotFinite = DiagnosticCode(rawValue: "risk.fit-not-finite")
    public static let riskLikelihoodHorizon = DiagnosticCode(rawValue: "risk.likelihood-horizon")
    public static let riskLikelihoodEventTime = DiagnosticCode(rawValue: "risk.likelihood-event-time")
    public static let riskParametersMu = DiagnosticCode(rawValue: "risk.parameters-mu")
    public static let riskParametersAlpha = DiagnosticCode(rawValue: "risk.parameters-alpha")
    public static let riskParametersBeta = DiagnosticCode(rawValue: "risk.parameters-beta")
    public static let riskParametersStationary = DiagnosticCode(rawValue: "risk.parameters-stationary")
    public static let riskBackgroundSegments = DiagnosticCode(rawValue: "risk.background-segments")
    public static let riskBackgroundSegmentDays = DiagnosticCode(rawValue: "risk.background-segment-days")
    public static let riskBackgroundMultiplier = DiagnosticCode(rawValue: "risk.background-multiplier")
    public static let riskBackgroundTotalDays = DiagnosticCode(rawValue: "risk.background-total-days")
    public static let riskCSVUnreadable = DiagnosticCode(rawValue: "risk.csv-unreadable")
}

extension DiagnosticCode {
    /// Every code, in the order of the table above.
    public static let all: [DiagnosticCode] = [
        scenarioFileUnreadable, scenarioNoBundled, scenarioNotUTF8, scenarioBudget,
        scenarioEmpty, scenarioParse, scenarioTooLarge, scenarioNesting,
        scenarioYAMLSyntax, scenarioDuplicateKeys, scenarioYAMLRead, scenarioYAMLInvalid,
        scenarioExpectedFields, scenarioUnknownField, scenarioExpectedList, scenarioTooManyEntries,
        scenarioExpectedMapping, scenarioExpectedText, scenarioInvalidID, scenarioExpectedInteger,
        scenarioRangeBelow, scenarioRangeAbove, scenarioExpectedNumber, scenarioExpectedBoolean,
        scenarioMissingField, scenarioScaleBounds, scenarioScaleLabel, scenarioDuplicateScale,
        scenarioNegative, scenarioNoRatingParty, scenarioTeamRegionUnsupported, scenarioMissingCapacity,
        scenarioCapacityUnknownSite, scenarioGrowthUnknownCapability, scenarioDeadlineBeforeStart, scenarioUnknownPhase,
        scenarioSiteInTwoPhases, scenarioRegionInTwoPhases, scenarioPhaseCycle, scenarioThreatPerRegion,
        scenarioRatingCapabilityRequired, scenarioAdmiraltyGrade, scenarioRatingMonth, scenarioExpectedRating,
        scenarioUnknownTrend, scenarioValuesAndMonth, scenarioUnknownScaleVersion, scenarioRatingOutsideScale,
        scenarioTrendNotThreat, scenarioRatingAfterEnd, scenarioDuplicateRating, scenarioResolutionCapabilityRequired,
        scenarioResolutionOutsideScale, scenarioCommitmentStatus, scenarioIncidentDate, scenarioIncidentPeriod,
        scenarioNegativeWeight, scenarioDeadlineAfterEnd, scenarioGarrisonOverCapacity, scenarioUnknownRatingParty,
        scenarioGateUnrated, scenarioMissingSection, scenarioDuplicateID, scenarioMonth,
        scenarioNotOneOf, scenarioUnknownReference,
        verifierInputOutOfRange, verifierWrongScenario, verifierWrongPeriod, verifierSiteHeadcountMismatch,
        verifierSiteClosureMismatch, verifierSiteCountMismatch, verifierHandoverUnreported, verifierHandoverNotHappening,
        verifierHandoverTotalMismatch, verifierRemainingMismatch, verifierPersonnelMonthsMismatch,
        verifierPhaseCompletionMismatch, verifierPhaseSlackMismatch, verifierPhaseDeadlineMismatch,
        verifierDeadlineMissedUnexplained, verifierRiskDebtMissing, verifierRiskDebtWrong, verifierRiskDebtExtra,
        verifierRiskDebtAdviserMonthsMismatch, verifierRiskDebtTotalMismatch, verifierMoveOutsideHorizon,
        verifierUnknownSite, verifierSiteAlreadyClosed, verifierMoveNotPositive, verifierMoveTooLarge,
        verifierUnknownTeam, verifierTeamElsewhere, verifierMoreLeaveThanRemain, verifierGateNotHeld,
        verifierUnknownTarget, verifierTeamSplit, verifierTargetClosed, verifierTargetUnsupported,
        verifierAdvisersAtClosingSite, verifierGarrisonMismatch, verifierCapacityExceeded,
        verifierSiteCapacityExceeded, verifierAdvisersAtClosedSite, verifierBelowGarrison, verifierPhaseOrder,
        verifierNoReintervention, verifierNotVerified,
        evidenceForeignEncoding, evidenceInvalidUTF8, evidenceLineSplit, evidenceSentenceSplit,
        evidenceDocumentTruncated,
        csvLineTooLong, csvTooManyRows, csvUnterminatedQuote,
        riskIncidentsNoRegionColumn, riskIncidentsUnknownColumn, riskIncidentsTooFewFields, riskIncidentsTooManyFields,
        riskIncidentsDate, riskIncidentsEmptyRegion, riskIncidentsCount, riskEventsEmpty,
        riskEventsFieldCount, riskEventsDate, riskEventsNumber, riskEventsUCDPNoAdm1,
        riskEventsACLEDNoAdmin1, riskEventsUnknownHeader, riskPresenceNoHeader, riskPresenceMissingColumn,
        riskPresenceFieldCount, riskPresenceDate, riskPresenceTroops, riskPresenceSource,
        riskPresenceOrder, riskPresenceNoPositive, riskEventsTooManyRecords, riskEventsUnterminatedQuote,
        csvRatingsFile, csvRatingsEmpty, csvRatingsMissingColumn, csvRatingsFieldCount,
        csvRatingsGroup, csvRatingsMonth, csvRatingsValue, csvRatingsTrend,
        csvRatingsConfidence, csvRatingsScale, csvRatingsUnknownParty, csvRatingsUnknownRegion,
        csvRatingsThreatCapability, csvRatingsUnknownCapability, csvRatingsCapabilityRequired, csvRatingsAfterEnd,
        csvRatingsOutsideScale, csvRatingsUnknownScale,
        riskMontecarloNoPlans, riskMontecarloTooManyPlans, riskMontecarloPlanNoRegions, riskMontecarloTooManyRegions,
        riskMontecarloBaselineRegionTwice, riskMontecarloTooManyMonths, riskMontecarloTooManyCells, riskMontecarloPlanExposure,
        riskMontecarloPlanRegionTwice, riskMontecarloPlanMonthsDiffer, riskMontecarloBaselineMissingRegion, riskMontecarloBaselineMonthsDiffer,
        riskMontecarloExtraRegion, riskMontecarloTooManyIncidents, riskSimulationHorizon, riskSimulationExplosive,
        riskSimulationExplosiveBackground, riskMontecarloRuns, riskMontecarloParallelism, riskMultivariateStart,
        riskMultivariateNotFinite, riskNeighboursRegionTwice, riskNeighboursUnknownRegion, riskNeighboursUnknownNeighbour,
        riskNeighboursSelf, riskMultivariateParameters, riskMultivariateExplosive, riskMultivariateTimes,
        riskMultivariateHorizon, riskMultivariateEventTime, riskNeighboursCsvHeader, riskNeighboursCsvFields,
        riskNeighboursCsvSelf, riskExposureCsvUnknownColumn, riskExposureCsvMissingColumn, riskExposureCsvColumns,
        riskExposureCsvFieldCount, riskExposureCsvMonth, riskExposureCsvEmptyRegion, riskExposureCsvGap,
        riskExposureCsvCoalitionShare, riskExposureCsvNoRows, riskExposureCsvMonths, riskExposureCsvSpan,
        riskThresholdIncidents, riskThresholdMonths, riskFitGamma, riskFitIncidentDate,
        riskFitIncidentRegion, riskFitIncidentCount, riskFitIncidentUntil, riskFitIncidentPeriod,
        riskFitNoIncidents, riskFitWindowYears, riskExposureEmptyRegion, riskExposureNoMonths,
        riskExposureShareMonths, riskExposureGap, riskExposureCoalitionShare, riskHistoryStart,
        riskHistoryNoRegions, riskHistoryRegionTwice, riskHistoryMonthsDiffer, riskModelRegionParameters,
        riskModelFallbackParameters, riskModelGammaGap, riskModelGammaDeparture, riskModelReferenceGap,
        riskModelLogCovariance, riskModelStandardError, riskBacktestIncidentDate, riskBacktestIncidentCount,
        riskBacktestIncidentRegion, riskBacktestTooManyIncidents, riskBacktestIncidentUntil, riskBacktestNoIncidents,
        riskBacktestYears, riskBacktestTooManyRegions, riskDeparturePeriod, riskBacktestNoMonths,
        riskBacktestThreshold, riskBacktestConsecutive, riskBacktestHorizons, riskBacktestPeriod,
        riskBacktestWindow, riskBacktestLevel, riskBacktestVolatility, riskBacktestRuns,
        riskBacktestLogFloor, riskFitTooFewEvents, riskFitNotFinite, riskLikelihoodHorizon,
        riskLikelihoodEventTime, riskParametersMu, riskParametersAlpha, riskParametersBeta,
        riskParametersStationary, riskBackgroundSegments, riskBackgroundSegmentDays, riskBackgroundMultiplier,
        riskBackgroundTotalDays, riskCSVUnreadable,
    ]
}
