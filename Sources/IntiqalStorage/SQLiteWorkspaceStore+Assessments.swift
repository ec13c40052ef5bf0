import Foundation
import GRDB
import IntiqalDomain

extension SQLiteWorkspaceStore {
    @discardableResult
    public func recordAssessments(_ assessments: [Assessment], actor: String) throws -> [Int64] {
        try transaction { try $0.recordAssessments(assessments, marking: .joint, actor: actor) }
    }

    /// How many ratings the workspace has ever recorded (superseded ones included).
    public func assessmentCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment") ?? 0 }
    }

    public func assessmentHistory() throws -> [AssessmentRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT \(Self.assessmentColumns) FROM assessment a ORDER BY a.id").map(Self.assessmentRecord) }
    }

    public func assessment(id: Int64) throws -> AssessmentRecord? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.assessmentColumns) FROM assessment a WHERE a.id = ?"), arguments: [id])
                .map(Self.assessmentRecord)
        }
    }

    public func ratingScales() throws -> [RatingScale] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT json FROM entity WHERE kind = 'scale' ORDER BY position, id").map {
                try decodeJSON(RatingScale.self, $0, what: "scale")
            }
        }
    }

    /// Checks a rating against the scenario (see `Scenario.validate(_:at:)`).
    public static func validate(_ a: Assessment, in s: Scenario, at path: String) throws {
        try s.validate(a, at: path)
    }

    func insertAssessments(_ db: Database, _ assessments: [Assessment], structure: Scenario, actor: String, at: String,
                           skipUnchanged: Bool, marking: Marking = .joint) throws -> [Int64] {
        // The slot's latest id alone (a bulk import mostly finds none), the whole row only when
        // it must be compared.
        let currentID = try db.cachedStatement(sql: """
            SELECT id FROM assessment WHERE party = ? AND working_group = ? AND region = ? AND capability = ? AND month = ?
            ORDER BY id DESC LIMIT 1
            """)
        let current = try db.cachedStatement(sql: "SELECT \(Self.assessmentColumns) FROM assessment a WHERE id = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO assessment (party, working_group, region, capability, month, value, trend, scale_version,
                                    confidence, evidence, illustrative, recorded_at, recorded_by, supersedes, marking)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var ids: [Int64] = []
        ids.reserveCapacity(assessments.count)
        var validator = AssessmentValidator(structure)
        let allNew = try Self.slotsAreNew(db, assessments)
        if allNew { return try insertNewAssessments(db, assessments, validator: &validator, actor: actor, at: at, marking: marking) }
        for (i, a) in assessments.enumerated() {
            try validator.validate(a, at: "assessments[\(i)]")
            let capability = a.capability ?? ""
            let previousID = allNew ? nil
                : try Int64.fetchOne(currentID, arguments: [a.party, a.factor.rawValue, a.region, capability, a.month.ordinal])
            if skipUnchanged, let previousID, let previous = try Row.fetchOne(current, arguments: [previousID]),
               try Self.assessmentRecord(previous).assessment == a { continue }
            let evidence = a.evidence.isEmpty ? nil : try jsonText(a.evidence)
            try insert.execute(arguments: [a.party, a.factor.rawValue, a.region, capability, a.month.ordinal, a.value,
                                           a.trend?.rawValue, a.scale.version, a.confidence.rawValue, evidence,
                                           a.illustrative, at, actor, previousID, marking.description])
            let id = db.lastInsertedRowID
            ids.append(id)
            try audit(db, at: at, actor: actor, action: previousID == nil ? "create" : "supersede", entity: "assessment",
                      id: String(id), before: previousID.map { #"{"assessment":\#($0)}"# }, after: Self.auditText(a), marking: marking)
        }
        return ids
    }

    /// Ratings none of which supersedes another (see `slotsAreNew`): inserted, with their audit
    /// rows, `batchRows` to a statement. The same rows, ids and audit records as one by one.
    private func insertNewAssessments(_ db: Database, _ assessments: [Assessment], validator: inout AssessmentValidator,
                                      actor: String, at: String, marking: Marking) throws -> [Int64] {
        let batchRows = 64
        func sql(_ head: String, columns: Int, rows: Int) -> String {
            let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            return head + Array(repeating: row, count: rows).joined(separator: ", ")
        }
        var ids: [Int64] = []
        ids.reserveCapacity(assessments.count)
        var start = 0
        while start < assessments.count {
            let end = min(assessments.count, start + batchRows)
            var values: [(any DatabaseValueConvertible)?] = []
            values.reserveCapacity((end - start) * 15)
            for i in start..<end {
                let a = assessments[i]
                try validator.validate(a, at: "assessments[\(i)]")
                let evidence = a.evidence.isEmpty ? nil : try jsonText(a.evidence)
                values += [a.party, a.factor.rawValue, a.region, a.capability ?? "", a.month.ordinal, a.value, a.trend?.rawValue,
                           a.scale.version, a.confidence.rawValue, evidence, a.illustrative, at, actor, nil as Int64?, marking.description]
            }
            try db.cachedStatement(sql: sql("INSERT INTO assessment (party, working_group, region, capability, month, value, trend, "
                                                + "scale_version, confidence, evidence, illustrative, recorded_at, recorded_by, supersedes, marking) VALUES ",
                                            columns: 15, rows: end - start)).execute(arguments: StatementArguments(values))
            // One statement's rows take consecutive ids, in order, ending at the last inserted.
            let first = db.lastInsertedRowID - Int64(end - start) + 1
            var audits: [(any DatabaseValueConvertible)?] = []
            audits.reserveCapacity((end - start) * 8)
            for i in start..<end {
                let id = first + Int64(i - start)
                ids.append(id)
                audits += [at, actor, "create", "assessment", String(id), nil as String?, Self.auditText(assessments[i]), marking.description]
            }
            try db.cachedStatement(sql: sql("INSERT INTO audit (at, actor, action, entity, entity_id, before, after, marking) VALUES ",
                                            columns: 8, rows: end - start)).execute(arguments: StatementArguments(audits))
            start = end
        }
        return ids
    }

    /// Whether no rating can supersede another: the workspace has none yet and no two of
    /// `assessments` share a slot (party, working group, subject, month). Then a bulk import skips
    /// looking each slot up. Slots are compared by hash; equal hashes (a duplicate, or a rare
    /// collision) mean every slot is looked up as usual.
    static func slotsAreNew(_ db: Database, _ assessments: [Assessment]) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM assessment)") == false else { return false }
        var hashes = assessments.map { a -> Int in
            var h = Hasher()
            h.combine(a.party)
            h.combine(a.factor)
            h.combine(a.region)
            h.combine(a.capability ?? "")
            h.combine(a.month.ordinal)
            return h.finalize()
        }
        hashes.sort()
        return !zip(hashes, hashes.dropFirst()).contains { $0 == $1 }
    }

    /// Compact JSON of a rating for the audit log (written by hand: bulk imports write many).
    package static func auditText(_ a: Assessment) -> String {
        var s = #"{"party":"\#(a.party)","factor":"\#(a.factor.rawValue)","region":"\#(a.region)""#
        if let c = a.capability { s += #","capability":"\#(c)""# }
        s += #","month":"\#(a.month)","value":\#(a.value)"#
        if let t = a.trend { s += #","trend":"\#(t.rawValue)""# }
        s += #","scale":\#(a.scale.version),"confidence":"\#(a.confidence.rawValue)"}"#
        return s
    }

    func currentAssessments(_ db: Database) throws -> [Assessment] {
        // Current: not superseded by a later record of its slot.
        var out: [Assessment] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(Self.assessmentColumns) FROM assessment a
            WHERE NOT EXISTS (SELECT 1 FROM assessment b WHERE b.supersedes = a.id)
            ORDER BY a.id
            """)
        while let row = try rows.next() { out.append(try Self.assessmentRecord(row).assessment) }
        return out
    }

    /// The columns `assessmentRecord` reads, in the order it reads them.
    static let assessmentColumns = """
        a.id, a.party, a.working_group, a.region, a.capability, a.month, a.value, a.trend, a.scale_version, a.confidence, \
        a.evidence, a.illustrative, a.recorded_at, a.recorded_by, a.supersedes, a.marking
        """

    /// Reads a row selected with `assessmentColumns` (by position: bulk reads are hot).
    static func assessmentRecord(_ row: Row) throws -> AssessmentRecord {
        let factor = Factor(rawValue: (try row.decode(atIndex: 2))) ?? .threat
        let capability: String = (try row.decode(atIndex: 4))
        let evidenceText: String? = (try row.decode(atIndex: 10))
        let evidence = evidenceText.flatMap { try? JSONDecoder().decode([EvidenceReference].self, from: Data($0.utf8)) } ?? []
        let trendText: String? = (try row.decode(atIndex: 7))
        let a = Assessment(party: (try row.decode(atIndex: 1)), factor: factor, region: (try row.decode(atIndex: 3)),
                           capability: capability.isEmpty ? nil : capability, month: YearMonth(ordinal: (try row.decode(atIndex: 5))),
                           value: (try row.decode(atIndex: 6)), trend: trendText.flatMap(Trend.init(rawValue:)),
                           scale: ScaleReference(factor: factor, version: (try row.decode(atIndex: 8))),
                           confidence: Assessment.Confidence(rawValue: (try row.decode(atIndex: 9))) ?? .medium,
                           evidence: evidence, illustrative: (try row.decode(atIndex: 11)))
        return AssessmentRecord(id: (try row.decode(atIndex: 0)), assessment: a, recordedAt: (try row.decode(atIndex: 12)), recordedBy: (try row.decode(atIndex: 13)), supersedes: (try row.decode(atIndex: 14)),
                                marking: Marking((try row.decode(String.self, atIndex: 15))) ?? .rel([]))
    }
}
