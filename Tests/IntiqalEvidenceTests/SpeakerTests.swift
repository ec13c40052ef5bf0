import Testing
@testable import IntiqalEvidence

/// Speakers the gazetteer does not know, named with their titles, in both languages (invented sentences).
@Suite struct SpeakerTests {
    static func speaker(_ text: String) -> String? {
        Support.extract(text + "\n").events.first { $0.type == .statement }?.speaker
    }

    @Test func arabicTitleThenName() {
        #expect(Self.speaker("أكد وزير المالية الأردني، سامر الحداد، الأحد، أن الموازنة جاهزة.") == "وزير المالية الأردني سامر الحداد")
        #expect(Self.speaker("قال الرئيس اللبناني نبيل عيسى الجمعة إن الحوار مستمر.") == "الرئيس اللبناني نبيل عيسى")
    }

    @Test func arabicNameThenTitle() {
        #expect(Self.speaker("وقال كريم ناصر، المتحدث باسم الشرطة المحلية، إن التحقيق بدأ.") == "كريم ناصر")
    }

    @Test func englishTitleBeforeTheVerb() {
        #expect(Self.speaker("In the same call, Deputy Secretary Morales noted the progress of the border talks.") == "Deputy Secretary Morales")
    }

    @Test func anonymousSpeakersAreNotNamed() {
        #expect(Self.speaker("وقال المسؤولون إن الموعد لم يتحدد.") == nil)
        #expect(Self.speaker("Officials said the date was not set.") == nil)
    }
}
