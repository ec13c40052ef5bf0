import Foundation

/// The verifier's in-order pass: one entry at a time, the state it leaves behind.
struct ChainWalk {
    var report: LedgerReport
    var prev = LedgerEntry.genesisHash
    var format = LedgerFormat.legacy
    var decisionIndex: [Int: Int] = [:]
    var registrationIndex: [Int: Int] = [:]
    var registrationByKey: [String: Int] = [:]
    /// Bootstrap countersignatures between pending keys: (signer registration, target registration).
    var bootstrap: Set<[Int]> = []
    var activeCount = 0
    var hashes: [String] = []

    init(report: LedgerReport) { self.report = report }

    /// Checks `entry` (prepared on its own) in its place; returns the reason it fails, or nil.
    mutating func step(_ entry: LedgerEntry, _ prepared: PreparedEntry, expectedSeq: Int) -> String? {
        let seq = entry.seq
        guard seq == expectedSeq else { return "out of sequence (expected entry \(expectedSeq)): an entry is missing or was inserted" }
        guard entry.prevHash == prev else { return "previous-hash link does not match entry \(expectedSeq - 1)'s hash" }
        let body: CanonicalValue, entryFormat: LedgerFormat
        switch prepared.body {
        case .invalidJSON: return "body is not valid JSON"
        case .unknownFormat(let text): return "unknown format \(text)"
        case .notCanonical(let f): return "body is not in canonical form (\(f == .jcs ? "RFC 8785" : "format 1"))"
        case .valid(let b, let f): (body, entryFormat) = (b, f)
        }
        // The stored prev_hash is `prev` (checked above), so the prepared hash check is the chain's.
        guard prepared.hashMatches else { return "hash does not match its body and previous hash" }
        guard body["seq"]?.intValue == seq else { return "body names sequence \(body["seq"]?.intValue.map(String.init) ?? "none")" }
        guard body["type"]?.stringValue == entry.kind.rawValue else { return "kind column does not match the body's type" }
        guard entryFormat >= format else { return "a format-1 entry after a format-2 entry (old-style entries cannot be appended to a new ledger)" }
        format = entryFormat
        let reason: String?
        switch entry.kind {
        case .key: reason = key(body, seq: seq)
        case .decision: reason = decision(body, seq: seq, hash: entry.hash)
        case .signature: reason = signature(body, seq: seq, valid: prepared.signatureValid)
        }
        if let reason { return reason }
        prev = entry.hash
        report.headSeq = seq
        report.headHash = entry.hash
        hashes.append(entry.hash)
        return nil
    }

    mutating func key(_ body: CanonicalValue, seq: Int) -> String? {
        guard let party = body["party"]?.stringValue, let pub = body["publicKey"]?.stringValue,
              let raw = Data(base64Encoded: pub), raw.count == 32
        else { return "key entry without a party and a 32-byte public key" }
        if format == .jcs, let earlier = registrationByKey[pub] {
            return "public key already registered by entry \(report.registrations[earlier].seq)"
        }
        var registration = KeyRegistration(seq: seq, party: party, publicKey: pub, format: format)
        if format == .legacy {
            registration.activeFrom = seq
            activeCount += 1
        }
        registrationIndex[seq] = report.registrations.count
        if registrationByKey[pub] == nil { registrationByKey[pub] = report.registrations.count }
        report.registrations.append(registration)
        return nil
    }

    mutating func decision(_ body: CanonicalValue, seq: Int, hash: String) -> String? {
        guard let decision = Decision(body: body) else { return "decision entry is missing a field" }
        decisionIndex[seq] = report.decisions.count
        report.decisions.append(.init(seq: seq, hash: hash, decision: decision, signedBy: []))
        return nil
    }

    /// The registration of `pub` for `party`, if any.
    func signer(party: String, publicKey pub: String) -> Int? {
        guard let i = registrationByKey[pub], report.registrations[i].party == party else { return nil }
        return i
    }

    mutating func signature(_ body: CanonicalValue, seq: Int, valid: Bool) -> String? {
        guard let target = body["entry"]?.intValue, let targetHash = body["entryHash"]?.stringValue,
              let party = body["party"]?.stringValue, let pub = body["publicKey"]?.stringValue,
              body["signature"]?.stringValue != nil
        else { return "signature entry is missing a field" }
        if format == .jcs {
            guard body["head"]?.stringValue == prev else { return "head does not match entry \(seq - 1)'s hash" }
        }
        if let d = decisionIndex[target] {
            guard report.decisions[d].hash == targetHash else { return "signs a hash that is not entry \(target)'s" }
            guard let s = signer(party: party, publicKey: pub) else { return "signed with a key not registered for \(party) before it" }
            guard report.registrations[s].active else {
                return "signed with a key of \(party) (entry \(report.registrations[s].seq)) that no other party has countersigned"
            }
            guard report.decisions[d].decision.requiredParties.contains(party) else {
                return "\(party) is not a required party of entry \(target)"
            }
            guard valid else { return "\(party)'s signature of entry \(target) does not verify" }
            if !report.decisions[d].signedBy.contains(party) { report.decisions[d].signedBy.append(party) }
            return nil
        }
        guard format == .jcs, let t = registrationIndex[target] else {
            return "signs entry \(target), which is not an earlier decision\(format == .jcs ? " or key registration" : "")"
        }
        guard hashes.indices.contains(target - 1), hashes[target - 1] == targetHash else { return "signs a hash that is not entry \(target)'s" }
        guard let s = signer(party: party, publicKey: pub) else { return "countersigned with a key not registered for \(party) before it" }
        let targetParty = report.registrations[t].party
        guard party != targetParty else { return "countersigns a key of its own party \(party); another party must" }
        guard !report.registrations[t].active else { return "countersigns entry \(target), a key that is already active" }
        guard valid else { return "\(party)'s countersignature of entry \(target) does not verify" }
        if report.registrations[s].active {
            activate(t, at: seq)
        } else if activeCount == 0 {
            // The first keys: active together once two keys of different parties have countersigned each other.
            bootstrap.insert([s, t])
            if bootstrap.contains([t, s]) {
                activate(t, at: seq)
                activate(s, at: seq)
            }
        } else {
            return "countersigned with a key of \(party) (entry \(report.registrations[s].seq)) that is not itself countersigned"
        }
        report.registrations[t].countersignatures.append(.init(seq: seq, party: party, publicKey: pub))
        return nil
    }

    mutating func activate(_ i: Int, at seq: Int) {
        guard report.registrations[i].activeFrom == nil else { return }
        report.registrations[i].activeFrom = seq
        activeCount += 1
    }
}
