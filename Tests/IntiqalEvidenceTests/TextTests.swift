import IntiqalDomain
import Foundation
import Testing
@testable import IntiqalEvidence

@Suite struct TextTests {
    @Test func foldsAlefHamzaMaqsuraTaaMarbutaAndMarks() {
        let n = NormalizedText("إِنَّ أحمدَ وآمالُ ذهبا إلى المدرسةِ ـــ مؤتمر رئيس")
        #expect(n.text == "ان احمد وامال ذهبا الي المدرسه  موتمر رييس")
    }

    @Test func foldsDigitsAndPunctuation() {
        #expect(NormalizedText("٢٧/١/٢٠٢٤ ۱۴۰۳ ، ؛ ؟").text == "27/1/2024 1403 , ; ?")
    }

    @Test func foldedOffsetsPointIntoTheOriginal() {
        let original = "قالَ الوزيرُ ـ أمسِ: «٢٥٠٠ عسكري»"
        let n = NormalizedText(original)
        let scalars = Array(original.unicodeScalars)
        #expect(n.offsets.count == n.text.unicodeScalars.count)
        for (i, f) in n.text.unicodeScalars.enumerated() {
            let o = scalars[n.offsets[i]]
            #expect(Folding.fold(o.value) == f.value)
        }
        #expect(n.offsets == n.offsets.sorted())
    }

    @Test func evidenceOffsetsCountUnicodeScalarsOfTheFile() {
        let text = "عنوان قصير\n\nأعلنت الوزارة أمسِ التوصلَ إلى اتفاق مع الولايات المتحدة. 😀 وقال الوزير إن الوضع مستقر."
        let doc = Support.extract(text, published: "2024-01-26")
        let scalars = Array(text.unicodeScalars)
        #expect(!doc.events.isEmpty)
        for e in doc.events {
            let slice = String(String.UnicodeScalarView(scalars[e.evidence.start..<e.evidence.end]))
            #expect(slice == e.evidence.sentence)
        }
    }

    @Test func invalidUTF8IsReportedNotFatal() {
        var bytes = Array("أعلنت الوزارة أمس التوصل إلى اتفاق.".utf8)
        bytes.insert(0xFF, at: 4)
        bytes.append(contentsOf: [0xC3, 0x28, 0xE2, 0x82])
        let doc = bytes.withUnsafeBufferPointer {
            Support.extractor.extract(bytes: $0, document: "bad.txt", published: CivilDate("2024-01-26"))
        }
        #expect(doc.diagnostics.contains { $0.code == .evidenceInvalidUTF8 && $0.location.byteOffset == 4 })
        #expect(doc.diagnostics.first?.description.hasPrefix("bad.txt: byte 4") == true)
    }

    @Test func splitsSentencesOfBothScripts() {
        let text = "قال الوزير أمس إن الوضع مستقر. وأكد السفير اليوم أن الحوار مستمر! The U.S. envoy said on Monday that talks continue."
        let doc = Support.extract(text, published: "2024-01-29")
        let sentences = Set(doc.events.map(\.evidence.sentence))
        #expect(sentences.count == 3)
        #expect(sentences.contains("The U.S. envoy said on Monday that talks continue."))
    }

    @Test func boilerplateIsKeptOutOfEvents() {
        let text = """
            اخر الاخبار
            *وكالة الرصد/قسم الأخبار
            اقرأ أيضاً: الوزير يعلن يوم السبت انتهاء الاجتماع
            أعلنت الوزارة، يوم الأحد، التوصل إلى اتفاق.
            كلمات دلالية: العراق واشنطن
            وأعلن الوزير يوم الاثنين انسحاب القوات.
            """
        let doc = Support.extract(text, published: "2024-01-29")
        #expect(doc.events.count == 2)
        #expect(doc.events.allSatisfy { $0.evidence.sentence.hasPrefix("أعلنت الوزارة") })
    }

    @Test func publicationDateFromADateLine() {
        let text = "عنوان\nتاريخ النشر: 26th, January 2024 GMT\nوأعلن الوزير أمس التوصل إلى اتفاق."
        let doc = Support.extractor.extract(text: text, document: "t")
        #expect(doc.published == "2024-01-26")
        #expect(doc.publishedSource == "dateline")
        #expect(doc.events.first?.date == "2024-01-25")
    }

    @Test func publicationDateFromALoneDateAtTheEnd() {
        let text = "وأعلن الوزير يوم الخميس التوصل إلى اتفاق.\n\n29/01/2024\n"
        let doc = Support.extractor.extract(text: text, document: "t")
        #expect(doc.published == "2024-01-29")
        #expect(doc.events.first?.date == "2024-01-25")
    }

    @Test func withoutAnyDateRelativeDatesStayUnresolved() {
        let doc = Support.extractor.extract(text: "وأعلن الوزير يوم الخميس التوصل إلى اتفاق.", document: "t")
        #expect(doc.published == nil)
        #expect(doc.events.allSatisfy { $0.date == nil })
    }
}

@Suite struct OutputTests {
    @Test func jsonLineHasTheDesignKeysInOrderAndParses() throws {
        let doc = Support.extract("قال الوزير أمس \"إن الوضع مستقر\"\tونحو 2500 عسكري.\n", published: "2024-01-26")
        let bytes = JSONLines.encode(doc)
        #expect(bytes.last == 0x0A)
        #expect(bytes.dropLast().contains(0x0A) == false)
        let text = String(decoding: bytes, as: UTF8.self)
        let order = ["\"document\"", "\"published\"", "\"events\"", "\"numbers\"", "\"entities\""].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let events = object?["events"] as? [[String: Any]]
        #expect(events?.first?["date"] as? String == "2024-01-25")
        let evidence = events?.first?["evidence"] as? [String: Any]
        #expect((evidence?["sentence"] as? String)?.contains("\"إن الوضع مستقر\"") == true)
        #expect((object?["numbers"] as? [[String: Any]])?.first?["value"] as? Int == 2500)
    }
}
