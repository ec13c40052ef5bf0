import Foundation
import IntiqalCommission
import Testing

@Suite struct TOTPTests {
    /// RFC 6238 appendix B, SHA-1, the last six of its eight digits.
    @Test(arguments: [(59.0, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"), (1_234_567_890, "005924"), (2_000_000_000, "279037")])
    func codesMatchTheRFCVectors(time: Double, code: String) {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        #expect(totp.code(at: Date(timeIntervalSince1970: time)) == code)
    }

    @Test func oneStepOfDriftEitherSideIsAcceptedAndNoMore() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_111_111_109)
        #expect(totp.accepts(totp.code(at: now.addingTimeInterval(-30)), at: now))
        #expect(totp.accepts(totp.code(at: now.addingTimeInterval(30)), at: now))
        #expect(!totp.accepts(totp.code(at: now.addingTimeInterval(-90)), at: now))
        #expect(!totp.accepts("", at: now) && !totp.accepts("28708", at: now))
    }

    @Test func base32RoundTripsAndRefusesOtherText() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        #expect(totp.base32 == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(TOTP(base32: totp.base32.lowercased()) == totp)
        #expect(TOTP(base32: "not base32!") == nil)
    }
}
