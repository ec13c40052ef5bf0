import IntiqalStorage

extension Commission {
    /// Adds documents and their extracted items (all proposed), each with the marking its
    /// author chose; returns the document ids.
    @discardableResult
    public func ingest(_ documents: [EvidenceInput], by viewer: Viewer) throws -> [Int64] {
        try run {
            try store.transaction { tx in
                try Self.authorize(tx, viewer.name, [.ingest])
                return try tx.addEvidence(documents, actor: viewer.name)
            }
        }
    }

    /// Accepts or rejects an evidence item; one the viewer may not read is not found. An accepted
    /// attack with a date and a place becomes an incident in its region, or joins the incident
    /// another source reports (`applyReview`); a rejected one leaves its incident.
    @discardableResult
    public func review(item id: Int64, status: EvidenceItemRecord.Status, by viewer: Viewer) throws -> EvidenceReviewOutcome {
        guard status != .proposed else { throw CommissionError.invalid(field: "status", "accepted or rejected") }
        let reader = try run { try self.reader(viewer) }
        return try run {
            try store.transaction { tx in
                guard let item = try tx.evidenceItem(id: id), reader.mayRead(item.marking) else {
                    throw CommissionError.notFound("evidence item \(id): no such item")
                }
                try Self.authorize(tx, viewer.name, [.reviewEvidence])
                try tx.reviewEvidenceItem(id: id, status: status, reviewer: viewer.name)
                return try Self.applyReview(tx, item: item, status: status, actor: viewer.name)
            }
        }
    }

    /// Evidence items the viewer may read.
    public func evidenceItems(for viewer: Viewer) throws -> [EvidenceItemRecord] {
        try run { try store.evidenceItems(readableBy: try reader(viewer)) }
    }
}
