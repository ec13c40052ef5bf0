import Foundation

/// The ledger as plain files an outsider can check without Intiqal (docs/ledger-verification.md):
///
/// - `entries/000001.json` …: each entry's body, byte for byte as stored (no trailing newline);
/// - `chain.txt`: one line per entry, `<seq> <type> <prev_hash> <hash>`, in order;
/// - `keys.json`: the key registrations with their countersignatures (RFC 8785): an array of
///   `{"countersignatures":[{"entry","party","publicKey","signature"}…],"entry","format","party","publicKey"}`;
/// - `head.txt`: `<seq> <hash>` of the last entry (`0` and 64 zeros when empty), unsigned;
/// - `receipts/<name>`: the signed heads given, in `LedgerReceipt`'s text format.
///
/// Written from the entries as stored, whether or not they verify: the point is to let
/// someone else check them.
public enum LedgerExport {
    public static func files(entries: [LedgerEntry], receipts: [(name: String, receipt: LedgerReceipt)] = []) -> [(path: String, data: Data)] {
        var out: [(path: String, data: Data)] = []
        out.reserveCapacity(entries.count + receipts.count + 3)
        var chain = ""
        chain.reserveCapacity(entries.count * 140)
        var keys: [CanonicalValue] = []
        var keyIndex: [Int: Int] = [:]
        for entry in entries {
            out.append((String(format: "entries/%06d.json", entry.seq), Data(entry.body.utf8)))
            chain += "\(entry.seq) \(entry.kind.rawValue) \(entry.prevHash) \(entry.hash)\n"
            guard entry.kind != .decision, let body = entry.parsedBody else { continue }
            if entry.kind == .key {
                keyIndex[entry.seq] = keys.count
                keys.append(["entry": .integer(Int64(entry.seq)), "party": body["party"] ?? .null, "publicKey": body["publicKey"] ?? .null,
                             "format": body["format"] ?? .integer(1), "countersignatures": []])
            } else if let target = body["entry"]?.intValue, let k = keyIndex[target], case .object(var key) = keys[k],
                      case .array(var signatures)? = key["countersignatures"] {
                signatures.append(["entry": .integer(Int64(entry.seq)), "party": body["party"] ?? .null,
                                   "publicKey": body["publicKey"] ?? .null, "signature": body["signature"] ?? .null])
                key["countersignatures"] = .array(signatures)
                keys[k] = .object(key)
            }
        }
        out.append(("chain.txt", Data(chain.utf8)))
        out.append(("keys.json", CanonicalValue.array(keys).jcsData + Data("\n".utf8)))
        let head = entries.last.map { "\($0.seq) \($0.hash)" } ?? "0 \(LedgerEntry.genesisHash)"
        out.append(("head.txt", Data((head + "\n").utf8)))
        for (name, receipt) in receipts { out.append(("receipts/\(name)", Data(receipt.text.utf8))) }
        return out
    }
}
