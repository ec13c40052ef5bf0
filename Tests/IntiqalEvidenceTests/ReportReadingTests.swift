import IntiqalDomain
import Foundation
import Testing
@testable import IntiqalEvidence

/// Reports read from disk in bounded chunks give what the whole file in memory gives, and hostile
/// files (huge lines, digit runs, masses of dates, NULs, UTF-16, oversize) end in bounded work with a
/// clear message or a clean result.
@Suite struct ReportReadingTests {
    static func temporaryFile(_ bytes: [UInt8], name: String = "report.txt") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("intiqal-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    /// A report whose lines straddle chunk boundaries: ordinary paragraphs, a line longer than the
    /// paragraph limit, an invalid byte and a split multi-byte character near a boundary.
    static func awkwardReport() -> [UInt8] {
        var text = "تاريخ النشر: 26/1/2024\n"
        for i in 0..<40 {
            text += "أعلن وزير الدفاع يوم الأحد \(i % 28 + 1)/3/2025 أن اللجنة العسكرية العليا عقدت اجتماعها في بغداد. "
            text += "About 2,500 U.S. troops remain in Iraq, officials said on Monday.\n"
        }
        var bytes = Array(text.utf8)
        bytes += Array(String(repeating: "وقال المتحدث إن نحو 150 هجوما استهدفت القواعد ", count: 2000).utf8)
        bytes += [0x0A, 0xFF, 0xD8, 0x0A]
        bytes += Array(String(repeating: "قصف", count: 30000).utf8)
        bytes += Array("\nThe two sides agreed on January 27, 2024 to form working groups.\n".utf8)
        return bytes
    }

    @Test func readingInSmallChunksGivesWhatTheWholeFileGives() throws {
        let bytes = Self.awkwardReport()
        let path = try Self.temporaryFile(bytes)
        defer { Self.remove(path) }
        let whole = bytes.withUnsafeBufferPointer { Support.extractor.extract(bytes: $0, document: "r") }
        for chunk in [1, 7, 1000, 65_536, 1 << 20] {
            let read = try Support.extractor.extract(path: path, name: "r", chunkBytes: chunk)
            #expect(read == whole, "chunks of \(chunk) bytes")
        }
        #expect(whole.diagnostics.contains { $0.code == .evidenceInvalidUTF8 })
        #expect(whole.diagnostics.contains { [.evidenceLineSplit, .evidenceSentenceSplit].contains($0.code) })
        #expect(!whole.events.isEmpty && !whole.numbers.isEmpty)
    }

    @Test func seedArticlesReadFromDiskMatchTheirTextInMemory() throws {
        guard let dir = Support.seedsDirectory else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let path = (dir as NSString).appendingPathComponent(name)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let whole = Support.extractor.extract(data: data, document: path)
            #expect(try Support.extractor.extract(path: path, chunkBytes: 4096) == whole, "\(name)")
            #expect(JSONLines.encode(try Support.extractor.extract(path: path)) == JSONLines.encode(whole))
        }
    }

    @Test func aLineWrittenInPiecesIsTheLineEncodedWhole() {
        let doc = Self.awkwardReport().withUnsafeBufferPointer { Support.extractor.extract(bytes: $0, document: "r") }
        var pieces: [UInt8] = []
        var count = 0
        JSONLines.write(doc, chunk: 256) { pieces.append(contentsOf: $0); count += 1 }
        #expect(pieces == JSONLines.encode(doc))
        #expect(count > 10)
    }

    @Test func aFileOverTheSizeLimitIsRefusedNamingTheLimit() throws {
        let path = try Self.temporaryFile(Array(repeating: 0x41, count: 5000))
        defer { Self.remove(path) }
        #expect {
            _ = try Support.extractor.extract(path: path, limit: 4096)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("limit of 4096 bytes")
        }
        #expect(ReportFile.problem(at: path, limit: 4096)?.description.contains("more than the limit") == true)
        #expect(ReportFile.problem(at: path) == nil)
    }

    @Test func utf16FilesAreRefusedWithTheEncodingNamed() throws {
        let text = "أعلن الوزير يوم السبت 27/1/2024 التوصل إلى اتفاق."
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let path = try Self.temporaryFile(le)
        defer { Self.remove(path) }
        #expect {
            _ = try Support.extractor.extract(path: path)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("UTF-16LE") && "\(error)".contains("iconv")
        }
        #expect(ReportFile.problem(at: path)?.reason.contains("UTF-16LE") == true)
        let inMemory = le.withUnsafeBufferPointer { Support.extractor.extract(bytes: $0, document: "u") }
        #expect(inMemory.events.isEmpty && inMemory.diagnostics.first?.severity == .error)
        let be: [UInt8] = [0xFE, 0xFF, 0x06, 0x27]
        #expect(be.withUnsafeBufferPointer { ReportFile.foreignEncoding($0)?.name } == "UTF-16BE")
    }

    @Test func nulBytesGiveACleanResult() throws {
        var bytes = Array("أعلن وزير الدفاع يوم الأحد 12/3/2025 أن اللجنة عقدت اجتماعها في بغداد.\n".utf8)
        bytes += [UInt8](repeating: 0, count: 3000)
        bytes += Array("\nThe two sides agreed on January 27, 2024 to form working groups.\n".utf8)
        let path = try Self.temporaryFile(bytes)
        defer { Self.remove(path) }
        let doc = try Support.extractor.extract(path: path)
        #expect(doc.events.contains { $0.date == "2025-03-12" })
        #expect(doc.events.contains { $0.date == "2024-01-27" })
        // A file named on purpose is read; a directory walk skips it as not text.
        #expect(ReportFile.problem(at: path) == nil)
        #expect(ReportFile.problem(at: path, requireText: true)?.reason.contains("NUL byte at offset") == true)
    }

    @Test func oneHugeLineWithoutSpacesIsCutAtCharacterBoundaries() {
        let line = String(repeating: "ب", count: 200_000) + "\n"
        let doc = Support.extract(line)
        #expect(doc.diagnostics.contains { [.evidenceLineSplit, .evidenceSentenceSplit].contains($0.code) })
        #expect(!doc.diagnostics.contains { $0.code == .evidenceInvalidUTF8 })
        let digits = String(repeating: "7", count: 300_000)
        let d = Support.extract(digits + " جندي " + digits)
        #expect(d.numbers.allSatisfy { $0.value.isFinite })
    }

    @Test func aSentenceOfEndlessDatesIsCutAndStaysBounded() {
        // No sentence end in 4,000 date-and-trigger pairs: the sentence is cut every 512 tokens.
        let text = String(repeating: "اجتماع 27/1/2024 ", count: 4000)
        let doc = Support.extract(text, published: "2024-07-25")
        #expect(doc.diagnostics.contains { $0.code == .evidenceSentenceSplit && $0.message.en.contains("longer than \(DocumentBuilder.maxSentenceTokens) tokens") })
        for e in doc.events {
            #expect(e.evidence.end - e.evidence.start <= DocumentBuilder.maxSentenceTokens * 12)
        }
        // Repeated events of the same day merge into one.
        #expect(doc.events.filter { $0.type == .meeting }.count == 1)
    }

    @Test func aDocumentStopsAtTheItemLimitWithAWarning() {
        var extractor = Support.extractor
        extractor.maxItemsPerDocument = 100
        let line = "أعلن وزير الدفاع يوم الأحد 12/3/2025 أن نحو 2500 عسكري سيغادرون بغداد.\n"
        let text = String(repeating: line, count: 200)
        let doc = extractor.extract(text: text, document: "many", published: CivilDate("2025-03-14"))
        #expect(doc.events.count + doc.numbers.count < 100 + 10)
        #expect(doc.entities.reduce(0) { $0 + $1.mentions.count } < 800 + 10)
        #expect(doc.diagnostics.contains { $0.code == .evidenceDocumentTruncated && $0.message.en.contains("after 100 events and numbers or 800 entity mentions") })
        #expect(!Support.extract(String(repeating: line, count: 5)).diagnostics.contains { $0.code == .evidenceDocumentTruncated })
    }

    @Test func ordinarySentencesAreNotCut() {
        let text = "أعلن وزير الدفاع يوم الأحد 12/3/2025 أن اللجنة العسكرية العليا عقدت اجتماعها الخامس في بغداد."
        let doc = Support.extract(String(repeating: text + " ", count: 50))
        #expect(!doc.diagnostics.contains { $0.code == .evidenceSentenceSplit })
    }

    @Test func missingFilesAndDirectoriesAreNamed() {
        #expect(ReportFile.problem(at: "/nonexistent/report.txt")?.description == "/nonexistent/report.txt: cannot read: no such file")
        #expect(ReportFile.problem(at: NSTemporaryDirectory())?.reason == "is a directory")
    }
}
