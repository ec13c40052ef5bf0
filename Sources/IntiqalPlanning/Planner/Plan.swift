import IntiqalDomain

/// A month-by-month transition plan, with the reason for every line and its verification.
public struct Plan: Sendable, Hashable, Codable {
    public var scenario: String
    public var mode: PlanMode
    public var start: YearMonth
    public var end: YearMonth
    public var phases: [PhaseOutcome]
    public var handovers: [Handover]
    public var sites: [SiteOutcome]
    public var moves: [Move]
    public var riskDebt: [RiskDebt]
    public var findings: [Finding]
    public var totals: Totals
    public var verification: Verification
    /// Risk of resurgence of this plan, the other mode and no change, where it was estimated.
    public var risk: RiskSummary?

    public struct PhaseOutcome: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var nameAr: String?
        public var deadline: YearMonth?
        /// The month the phase completes in this plan; nil when not within the horizon.
        public var completes: YearMonth?
        /// Months between completion and deadline (negative when late); nil without both.
        public var slackMonths: Int?
        /// Whether the deadline is met (nil without a deadline).
        public var meetsDeadline: Bool?
        /// The month the phase was in fact completed, where the scenario records it.
        public var actual: YearMonth?
        /// What holds the phase back, when it misses its deadline or the horizon.
        public var explanation: String?
        public var explanationAr: String?
    }

    /// Capability k in region r passes from coalition support to Iraqi lead.
    public struct Handover: Sendable, Hashable, Codable {
        public var region: String
        public var capability: String
        public var month: YearMonth
        /// True when the last advisers left before the gate held (deadline-first only).
        public var forced: Bool
        public var gate: GateCheck
    }

    public struct SiteOutcome: Sendable, Hashable, Codable {
        public struct Count: Sendable, Hashable, Codable {
            public var month: YearMonth
            public var personnel: Int
        }

        public var id: String
        public var name: String
        public var nameAr: String?
        public var closes: YearMonth?
        /// Personnel present at the end of each month of the plan.
        public var headcount: [Count]
    }

    /// One line of the schedule.
    public struct Move: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// Advisers of a team leave the country.
            case depart
            /// A whole team moves to another site.
            case relocate
            /// The garrison leaves and the site closes.
            case close
        }

        public var month: YearMonth
        public var kind: Kind
        public var site: String
        public var team: String?
        public var to: String?
        public var personnel: Int
        public var reason: String
        public var reasonAr: String?

        public init(month: YearMonth, kind: Kind, site: String, team: String?, to: String?, personnel: Int, reason: String,
                    reasonAr: String? = nil) {
            self.reasonAr = reasonAr
            self.month = month
            self.kind = kind
            self.site = site
            self.team = team
            self.to = to
            self.personnel = personnel
            self.reason = reason
        }
    }

    /// A handover made before its gate held: the unmet conditions and for how long.
    public struct RiskDebt: Sendable, Hashable, Codable {
        public var region: String
        public var capability: String
        public var month: YearMonth
        /// When the gate is projected to have held long enough; nil if not within the horizon.
        public var gateHoldsFrom: YearMonth?
        /// Months between the handover and the gate holding (to the horizon's end if it never does).
        public var months: Int
        /// Advisers of this region × capability who left before the gate held, times the months early.
        public var adviserMonths: Int
        public var unmet: [String]
    }

    public struct Finding: Sendable, Hashable, Codable {
        public enum Severity: String, Sendable, Hashable, Codable { case info, warning }
        public var severity: Severity
        public var phase: String?
        public var message: String
        public var messageAr: String?

        init(severity: Severity, phase: String?, _ text: LocalizedText) {
            self.severity = severity
            self.phase = phase
            message = text.en
            messageAr = text.ar
        }
    }

    public struct Totals: Sendable, Hashable, Codable {
        /// Personnel present summed over the plan's months (advisers and garrisons).
        public var personnelMonths: Int
        /// Handover months before the gates held, summed over the risk-debt entries.
        public var riskDebtMonths: Int
        /// Adviser-months of departures before their gates held: what deadline-first minimises.
        public var riskDebtAdviserMonths: Int
        public var handovers: Int
        public var forcedHandovers: Int
        /// Personnel still in country at the end of the horizon.
        public var remainingAtEnd: Int
    }

    public struct Verification: Sendable, Hashable, Codable {
        public var ok: Bool
        /// The rules broken, in English (what the plan file and `verify-plan` show).
        public var violations: [String]
        /// The rules broken, each with its code and its Arabic text; not written to the plan
        /// file, so a plan read back has none.
        public var diagnostics: [Diagnostic]

        public init(ok: Bool, diagnostics: [Diagnostic]) {
            self.ok = ok
            self.diagnostics = diagnostics
            violations = diagnostics.map(\.message.en)
        }

        private enum CodingKeys: String, CodingKey { case ok, violations }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            ok = try c.decode(Bool.self, forKey: .ok)
            violations = try c.decode([String].self, forKey: .violations)
            diagnostics = []
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(ok, forKey: .ok)
            try c.encode(violations, forKey: .violations)
        }
    }
}
