import Crypto
import Foundation

/// One row of the append-only ledger: its place in the chain, its canonical body and its hash.
///
/// `hash = SHA-256(prevHash bytes || body bytes)`, hex-encoded in lower case. The first entry's
/// `prevHash` is 64 zeros. Signatures sign the hash of the decision entry they approve.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A co-chair's public key registered for a party.
        case key
        /// A proposed decision.
        case decision
        /// A party's signature of a decision.
        case signature
    }

    public var seq: Int
    public var kind: Kind
    public var prevHash: String
    public var hash: String
    /// The canonical JSON body, as UTF-8 text.
    public var body: String

    public init(seq: Int, kind: Kind, prevHash: String, hash: String, body: String) {
        self.seq = seq
        self.kind = kind
        self.prevHash = prevHash
        self.hash = hash
        self.body = body
    }

    public static let genesisHash = String(repeating: "0", count: 64)

    /// Chains `body` after an entry whose hash is `prevHash`, adding `seq`, `type` and, in
    /// format 2, `format`. Format 2 (RFC 8785) is what new entries use; format 1 (the ledger's
    /// first canonical encoding, no `format` field) is kept for ledgers written before it.
    public static func make(seq: Int, kind: Kind, prevHash: String, body: CanonicalValue, format: LedgerFormat = .current) -> LedgerEntry {
        var members = body.objectValue ?? [:]
        members["seq"] = .integer(Int64(seq))
        members["type"] = .string(kind.rawValue)
        if format != .legacy { members["format"] = .integer(Int64(format.rawValue)) }
        let bytes = format.encode(.object(members))
        return LedgerEntry(seq: seq, kind: kind, prevHash: prevHash,
                           hash: chainHash(prevHash: prevHash, body: Data(bytes)), body: String(decoding: bytes, as: UTF8.self))
    }

    /// A format-2 key registration: pending until another party's co-chair countersigns it.
    public static func makeKey(seq: Int, prevHash: String, party: String, publicKey: String, by: String, at: String) -> LedgerEntry {
        make(seq: seq, kind: .key, prevHash: prevHash, body: LedgerVerifier.keyBody(party: party, publicKey: publicKey, by: by, at: at))
    }

    /// A format-2 signature of entry `target` (a decision, or another party's key registration)
    /// by `key`. The signature covers the whole body but its `signature` field, in RFC 8785
    /// bytes: the signed entry's hash, the chain's head (`head`, the previous entry's hash) and
    /// this entry's `seq`, so it pins all history before it.
    public static func makeSignature(seq: Int, prevHash: String, target: Int, targetHash: String, key: PartyKey,
                                     by: String, at: String) throws -> LedgerEntry {
        var members: [String: CanonicalValue] = [
            "entry": .integer(Int64(target)), "entryHash": .string(targetHash), "head": .string(prevHash),
            "party": .string(key.party), "publicKey": .string(key.publicKey), "by": .string(by), "at": .string(at),
            "seq": .integer(Int64(seq)), "type": .string(Kind.signature.rawValue), "format": .integer(Int64(LedgerFormat.current.rawValue)),
        ]
        members["signature"] = .string(try key.sign(message: CanonicalValue.object(members).jcsBytes))
        return make(seq: seq, kind: .signature, prevHash: prevHash, body: .object(members))
    }

    public static func chainHash(prevHash: String, body: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: Hex.decode(prevHash) ?? Data(prevHash.utf8))
        hasher.update(data: body)
        return Hex.encode(Data(hasher.finalize()))
    }

    /// The parsed body; nil when it is not JSON.
    public var parsedBody: CanonicalValue? { try? CanonicalValue(parsing: Data(body.utf8)) }
}

/// Lower-case hexadecimal.
public enum Hex {
    public static func encode(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(data.count * 2)
        for b in data {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> Data? {
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        var out = Data(capacity: bytes.count / 2)
        var i = 0
        while i < bytes.count {
            guard let hi = nibble(bytes[i]), let lo = nibble(bytes[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}

/// SHA-256 of a value's canonical encoding, hex.
public func canonicalHash(_ value: CanonicalValue) -> String {
    Hex.encode(Data(SHA256.hash(data: value.canonicalData)))
}

/// SHA-256 of bytes, hex (for fingerprints of documents).
public func sha256Hex(_ data: Data) -> String {
    Hex.encode(Data(SHA256.hash(data: data)))
}
