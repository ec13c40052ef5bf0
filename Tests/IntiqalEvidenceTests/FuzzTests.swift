import IntiqalDomain
import Foundation
import Testing
@testable import IntiqalEvidence

/// A small seeded generator (SplitMix64), so fuzz runs are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

@Suite struct FuzzTests {
    static let pieces: [String] = [
        "يوم السبت", "27/1/2024", "كانون الثاني/يناير", "2024", "يومي 22 و23 تموز", "أمس", "الشهر الماضي", "نحو 2500 عسكري",
        "أعلن", "قال", "والسوداني", "بالعراق", "للتحالف", "July 22-23, 2024", "last Thursday", "said", "attack", ".", "،", "\n",
        "«", "»", "\"", "(", ")", "/", "-", "٢٠٢٤", "۱۴", "ـــ", "َُِ", "😀", "\u{200F}", "\u{FEFF}", "الأربعاء المقبل", "العاشر من",
        "اقرأ أيضاً", "كلمات دلالية:", "29/02/2023", "99/99/9999", "31 شباط 2024", "0", "999999999999999999999", "1.2.3.4",
        "من 25 إلى", "المقرر", "ستبدأ", "عام", "منذ", "في", "U.S.", "ج.", "\r\n", " ",
    ]

    private func check(_ doc: DocumentEvidence, _ scalarCount: Int) {
        for e in doc.events {
            #expect(e.evidence.start >= 0 && e.evidence.start <= e.evidence.end && e.evidence.end <= scalarCount)
            if let d = e.date { #expect([4, 7, 10].contains(d.count)) }
        }
        for n in doc.numbers { #expect(n.evidence.end <= scalarCount) }
        for en in doc.entities { for m in en.mentions { #expect(m.start < m.end && m.end <= scalarCount) } }
    }

    @Test func randomBytesNeverCrash() {
        var rng = SeededGenerator(state: 42)
        for _ in 0..<1500 {
            let n = Int.random(in: 0..<400, using: &rng)
            var bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            // Bias toward UTF-8 lead bytes of Arabic and toward newlines.
            for i in bytes.indices where bytes[i] % 7 == 0 { bytes[i] = [0xD8, 0xD9, 0x0A, 0x20, 0x2E][Int(bytes[i]) % 5] }
            let doc = bytes.withUnsafeBufferPointer { Support.extractor.extract(bytes: $0, document: "fuzz") }
            let count = String(decoding: bytes, as: UTF8.self).unicodeScalars.count
            // Lossy decoding may merge invalid bytes differently; offsets must stay within one scalar per byte.
            check(doc, max(count, n))
        }
    }

    @Test func randomMixedScriptTextNeverCrashes() {
        var rng = SeededGenerator(state: 7)
        for _ in 0..<2000 {
            let k = Int.random(in: 0..<40, using: &rng)
            var s = ""
            for _ in 0..<k {
                s += FuzzTests.pieces[Int.random(in: 0..<FuzzTests.pieces.count, using: &rng)]
                if Bool.random(using: &rng) { s += " " }
            }
            let pub = ["2024-01-29", "2024-03-10", nil][Int.random(in: 0..<3, using: &rng)]
            let doc = Support.extract(s, published: pub)
            check(doc, s.unicodeScalars.count)
            for e in doc.events {
                let scalars = Array(s.unicodeScalars)
                let slice = String(String.UnicodeScalarView(scalars[e.evidence.start..<e.evidence.end]))
                #expect(slice == e.evidence.sentence)
            }
        }
    }

    @Test func emptyAndEndlessInputs() {
        #expect(Support.extract("").events.isEmpty)
        #expect(Support.extract("\n\n\n").events.isEmpty)
        // One line of 300,000 scalars without a newline is cut in pieces, not choked on.
        let endless = String(repeating: "أعلن الوزير يوم السبت التوصل إلى اتفاق، ", count: 8000)
        let doc = Support.extract(endless, published: "2024-01-29")
        #expect(doc.diagnostics.contains { [.evidenceLineSplit, .evidenceSentenceSplit].contains($0.code) })
        check(doc, endless.unicodeScalars.count)
        let digits = String(repeating: "9", count: 200_000)
        #expect(Support.extract(digits).numbers.isEmpty)
    }

    @Test func unreadableFilesNameTheFile() {
        #expect {
            _ = try Support.extractor.extract(path: "/nonexistent/report.txt")
        } throws: { error in
            "\(error)".contains("/nonexistent/report.txt")
        }
        #expect {
            _ = try Support.extractor.extract(path: NSTemporaryDirectory())
        } throws: { error in
            "\(error)".contains("directory")
        }
    }
}
