import IntiqalDomain
import IntiqalStorage

extension Commission {
    /// Records ratings. A working group's new rating is `REL` its own party until that party
    /// releases it (`release`); the holder of a file with no users records `JOINT` as before.
    /// The acting user must be allowed to rate each rating's party and group, checked inside
    /// the write's transaction. Returns the new records' ids.
    @discardableResult
    public func recordAssessments(_ ratings: [Assessment], by viewer: Viewer) throws -> [Int64] {
        let byParty = Dictionary(grouping: ratings, by: \.party)
        return try run {
            try store.transaction { tx in
                let needs = Set(ratings.map { Permission.assess(party: $0.party, group: $0.factor) })
                let user = try Self.authorize(tx, viewer.name, needs.sorted { "\($0)" < "\($1)" })
                var ids: [Int64] = []
                for party in byParty.keys.sorted() {
                    let marking: Marking = user == nil ? .joint : .rel([party])
                    ids += try tx.recordAssessments(byParty[party]!, marking: marking, actor: viewer.name)
                }
                return ids.sorted()
            }
        }
    }

    /// Parses a ratings CSV (`AssessmentCSV`) and records it, all rows or none.
    @discardableResult
    public func recordAssessments(csv text: String, file: String, by viewer: Viewer) throws -> [Int64] {
        let scenario = try run { try store.scenario() }
        let ratings = try run { try AssessmentCSV.parse(text, file: file, scenario: scenario) }
        return try recordAssessments(ratings, by: viewer)
    }

    /// Releases rating `id` from `REL` its party to `JOINT`: an audited act of that party. A
    /// rating the viewer may not read is not found.
    public func release(assessment id: Int64, by viewer: Viewer) throws -> AssessmentRecord {
        let reader = try run { try self.reader(viewer) }
        return try run {
            try store.transaction { tx in
                guard let record = try tx.assessment(id: id), reader.mayRead(record.marking) else {
                    throw CommissionError.notFound("assessment \(id): no such rating")
                }
                try Self.authorize(tx, viewer.name, [.release(party: record.assessment.party)])
                if case .rel = record.marking {} else {
                    throw CommissionError.conflict("assessment \(id) is already \(record.marking)")
                }
                try tx.setMarking(assessment: id, .joint, actor: viewer.name)
                var after = record
                after.marking = .joint
                return after
            }
        }
    }

    /// Ratings the viewer may read, oldest first, filtered; `current` keeps per slot only the
    /// latest the viewer may read.
    public func assessments(_ filter: AssessmentFilter = AssessmentFilter(), for viewer: Viewer) throws -> [AssessmentRecord] {
        filter.apply(try readableHistory(for: viewer))
    }

    /// Every rating the viewer may read, oldest first, links to unreadable ones cut (kept while
    /// the workspace does not change).
    func readableHistory(for viewer: Viewer) throws -> [AssessmentRecord] {
        try cached("history", viewer) {
            try run { Self.redacted(try store.assessmentHistory(readableBy: try reader(viewer))) }
        }
    }

    /// Readable records with every link to a record outside them cut: a rating superseding one
    /// the viewer may not read does not name it.
    static func redacted(_ records: [AssessmentRecord]) -> [AssessmentRecord] {
        let ids = Set(records.map(\.id))
        return records.map { r in
            var r = r
            if let old = r.supersedes, !ids.contains(old) { r.supersedes = nil }
            return r
        }
    }

    /// One rating, if the viewer may read it; else not found.
    public func assessment(id: Int64, for viewer: Viewer) throws -> AssessmentRecord {
        try run {
            let reader = try self.reader(viewer)
            guard var record = try store.assessment(id: id), reader.mayRead(record.marking) else {
                throw CommissionError.notFound("assessment \(id): no such rating")
            }
            // As in `redacted`: no link to a rating the viewer may not read.
            if let old = record.supersedes, !(try store.assessment(id: old).map { reader.mayRead($0.marking) } ?? false) {
                record.supersedes = nil
            }
            return record
        }
    }

    /// The version of `group`'s scale a rating given without one is expressed in: the one a binding
    /// adopt-scale decision put in force, else the newest in the scenario's structure.
    public func currentScaleVersion(for group: Factor, viewer: Viewer) throws -> Int {
        // The scenario as the viewer sees it: a binding adopt-scale decision names the scale in force.
        try cached("scale \(group.rawValue)", viewer) {
            try scenario(for: viewer).scenario.currentScale(for: group).version
        }
    }
}
