import Foundation

/// A signed head: a party's co-chair key signs "the ledger had `seq` entries and entry `seq`'s
/// hash was `head`" at time `at`. Kept by the party, it shows any later truncation or rewrite
/// of the history it covers (docs/ledger-verification.md).
///
/// Text format, UTF-8, exactly these seven lines in this order, each ending in `\n`:
///
///     intiqal-ledger-receipt 1
///     seq 42
///     head <64 lower-case hex digits>
///     at 2026-12-01T14:00:00Z
///     party IRQ
///     public-key <base64 of the 32-byte Ed25519 public key>
///     signature <base64 Ed25519 signature>
///
/// The signature covers the RFC 8785 bytes of
/// `{"at":…,"head":…,"party":…,"publicKey":…,"seq":…,"type":"receipt"}`.
public struct LedgerReceipt: Sendable, Hashable {
    public var seq: Int
    public var head: String
    public var at: String
    public var party: String
    public var publicKey: String
    public var signature: String

    public static let magic = "intiqal-ledger-receipt 1"

    /// The bytes the signature covers.
    public var signedMessage: [UInt8] {
        CanonicalValue.object([
            "type": "receipt", "seq": .integer(Int64(seq)), "head": .string(head), "at": .string(at),
            "party": .string(party), "publicKey": .string(publicKey),
        ]).jcsBytes
    }

    /// A receipt as stored or sent (its signature not checked here: see `contradiction`).
    public init(seq: Int, head: String, at: String, party: String, publicKey: String, signature: String) {
        self.seq = seq
        self.head = head
        self.at = at
        self.party = party
        self.publicKey = publicKey
        self.signature = signature
    }

    /// Whether the signature verifies over this receipt's fields with its public key.
    public var signatureVerifies: Bool {
        PartyKey.verify(signature: signature, message: signedMessage, publicKey: publicKey)
    }

    /// Signs the head of a ledger (seq and hash of its last entry) with `key`.
    public init(seq: Int, head: String, at: String, key: PartyKey) throws {
        self.seq = seq
        self.head = head
        self.at = at
        party = key.party
        publicKey = key.publicKey
        signature = ""
        signature = try key.sign(message: signedMessage)
    }

    public var text: String {
        [Self.magic, "seq \(seq)", "head \(head)", "at \(at)", "party \(party)", "public-key \(publicKey)", "signature \(signature)"]
            .joined(separator: "\n") + "\n"
    }

    /// Reads a receipt's text; `name` (the file) is named in any error.
    public init(text: String, name: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count == 8, lines[7].isEmpty, lines[0] == Self.magic else {
            throw LedgerError.receipt("\(name): not an Intiqal ledger receipt (expected the 7 lines of `\(Self.magic)`)")
        }
        func field(_ line: Int, _ label: String) throws -> String {
            let prefix = label + " "
            guard lines[line].hasPrefix(prefix), lines[line].count > prefix.count else {
                throw LedgerError.receipt("\(name):\(line + 1): expected `\(label) …`")
            }
            return String(lines[line].dropFirst(prefix.count))
        }
        guard let seq = Int(try field(1, "seq")), seq >= 1 else { throw LedgerError.receipt("\(name):2: seq: expected a whole number ≥ 1") }
        let head = try field(2, "head")
        guard head.utf8.count == 64, Hex.decode(head) != nil else { throw LedgerError.receipt("\(name):3: head: expected 64 lower-case hex digits") }
        self.seq = seq
        self.head = head
        at = try field(3, "at")
        party = try field(4, "party")
        publicKey = try field(5, "public-key")
        guard Data(base64Encoded: publicKey)?.count == 32 else { throw LedgerError.receipt("\(name):6: public-key: expected base64 of 32 bytes") }
        signature = try field(6, "signature")
    }

    /// Why `entries` (the ledger as stored, `report` its verification) contradict this receipt,
    /// or nil when they bear it out: the receipt's signature, the entry count, the hash at `seq`,
    /// and the key registered for `party` at or before `seq`.
    /// `checkSignature: false` for a receipt whose signature was checked when it was received.
    public func contradiction(entries: [LedgerEntry], report: LedgerReport, checkSignature: Bool = true) -> String? {
        guard !checkSignature || signatureVerifies else {
            return "its signature does not verify"
        }
        guard entries.count >= seq else {
            return "the ledger has \(entries.count) entries, fewer than the receipt's \(seq): entries were deleted"
        }
        guard entries[seq - 1].seq == seq, entries[seq - 1].hash == head else {
            return "entry \(seq)'s hash is not the receipt's head: history was rewritten"
        }
        guard report.registrations.contains(where: { $0.party == party && $0.publicKey == publicKey && $0.seq <= seq }) else {
            return "its key is not a co-chair key registered for \(party) by entry \(seq)"
        }
        return nil
    }
}
