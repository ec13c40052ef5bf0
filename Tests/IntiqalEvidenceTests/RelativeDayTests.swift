import IntiqalDomain
import Testing
@testable import IntiqalEvidence

/// How Arabic news anchors its days, and where a day cannot be justified (invented sentences; published Thursday
/// 25 July 2024 unless said).
@Suite struct RelativeDayTests {
    @Test func aDayOfTheCurrentOrLastMonthWrittenInDigits() {
        #expect(Support.dates("عقد الطرفان اجتماعا في 5 من الشهر الجاري في بغداد.") == ["2024-07-05"])
        #expect(Support.dates("عقد الطرفان اجتماعا في 15 الشهر الماضي في بغداد.") == ["2024-06-15"])
        #expect(Support.dates("سيعقد الطرفان اجتماعا في 3 من الشهر المقبل.") == ["2024-08-03"])
    }

    @Test func yesterdayWithAWeekdayThatDoesNotFallOnItGivesTheMonthOnly() {
        // Yesterday was Wednesday: "أمس الأربعاء" is a day, "أمس الأحد" contradicts the publication date.
        #expect(Support.dates("التقى الوزيران أمس الأربعاء في بغداد.") == ["2024-07-24"])
        #expect(Support.dates("التقى الوزيران أمس الأحد في بغداد.") == ["2024-07"])
        #expect(Support.dates("عقد المجلس اليوم الخميس اجتماعا طارئا.") == ["2024-07-25"])
        #expect(Support.dates("عقد المجلس اليوم الاثنين اجتماعا طارئا.") == ["2024-07"])
    }

    @Test func aWeekdayOfANamedMonthIsADayOnlyInsideThatMonth() {
        // Tuesday before 25 July is 23 July, not in February: the month stands.
        #expect(Support.dates("التقى الوزيران في فبراير الماضي، يوم الثلاثاء، في بغداد.") == ["2024-02"])
        // Published Tuesday 20 February 2024: Monday is the 19th, in this February.
        #expect(Support.dates("التقى الوزيران في فبراير الحالي، يوم الاثنين، في بغداد.", published: "2024-02-20") == ["2024-02-19"])
        #expect(Support.dates("The ministers met on Tuesday in February.", published: "2024-07-25") == ["2024-02"])
    }

    @Test func withAPublicationDateGuessedFromTheTextRelativeDaysGiveTheMonth() {
        // No --published and no date line: the anchor is the latest date the text names, a guess.
        let text = "وقعت الحكومة اتفاقا في 5/3/2024 مع الشركة.\nوالتقى الوزيران أمس في بغداد لبحث التنفيذ.\n"
        let r = Support.extract(text, published: nil)
        #expect(r.publishedSource == "inferred")
        #expect(r.events.compactMap(\.date) == ["2024-03-05", "2024-03"], "\(r.events.map { ($0.type, $0.date) })")
        // Given the publication date, the day stands.
        #expect(Support.dates(text, published: "2024-03-07") == ["2024-03-05", "2024-03-06"])
    }

    @Test func aWeekdayBeforeANumberThatIsNoDateStillDates() {
        // A count, or a Hijri date the reader does not convert, after the weekday: the weekday dates the sentence.
        #expect(Support.dates("قتل يوم الأحد 5 أشخاص في هجوم على القاعدة.") == ["2024-07-21"])
        #expect(Support.dates("أعلنت الوزارة يوم الثلاثاء 17 محرم عن الخطة.") == ["2024-07-23"])
        // An explicit Gregorian date after it still wins.
        #expect(Support.dates("أعلنت الوزارة يوم الثلاثاء 16/7/2024 عن الخطة.") == ["2024-07-16"])
    }

    static let appended = """
        وزير الدفاع في قاعدة عين الأسد
        زار وزير الدفاع العراقي قاعدة عين الأسد يوم الأحد، وفق بيان للوزارة.
        وقال الوزير إن القوات جاهزة لكل المهام.
        أعلنت وزارة الصحة المصرية، الثلاثاء، عن خطة جديدة للمستشفيات الحكومية في المحافظات.
        افتتح رئيس الوزراء الأردني، الإثنين، معرضا للكتاب في عمان بحضور عدد من الوزراء.

        """

    @Test func otherArticlesLeadsAfterTheBodyAreNotTheReport() {
        let dates = Support.dates(Self.appended)
        #expect(dates.contains("2024-07-21"))
        #expect(!dates.contains("2024-07-23") && !dates.contains("2024-07-22"), "\(dates)")
        // Their entity mentions go with them.
        let r = Support.extract(Self.appended)
        let leads = Self.appended.split(separator: "\n").prefix(3).reduce(0) { $0 + $1.unicodeScalars.count + 1 }
        #expect(r.entities.allSatisfy { $0.mentions.allSatisfy { $0.start < leads } })
        #expect(!r.entities.isEmpty)
    }

    @Test func oneBareParagraphAtTheEndOrABodyThatNeverChainsIsKept() {
        // A single paragraph opening a story may be the body's own last word: kept.
        let one = Self.appended.split(separator: "\n").prefix(4).joined(separator: "\n") + "\n"
        #expect(Support.dates(one).contains("2024-07-23"))
        // Paragraphs that never chain with a connective are the body's own style: kept.
        let never = """
            زار وزير الدفاع العراقي قاعدة عين الأسد يوم الأحد، وفق بيان للوزارة.
            أعلنت وزارة الصحة المصرية، الثلاثاء، عن خطة جديدة للمستشفيات الحكومية في المحافظات.
            افتتح رئيس الوزراء الأردني، الإثنين، معرضا للكتاب في عمان بحضور عدد من الوزراء.

            """
        let d = Support.dates(never)
        #expect(d.contains("2024-07-23") && d.contains("2024-07-22"), "\(d)")
    }

    @Test func paragraphOpenings() {
        func opening(_ s: String) -> ParagraphOpening {
            let scalars = s.unicodeScalars.map(\.value)
            var p = Paragraph()
            return scalars.withUnsafeBufferPointer { buf in
                p.analyze(buf, lexicon: .shared, gazetteer: .bundled, filter: Support.extractor.filter)
                return ParagraphOpening.of(p)
            }
        }
        #expect(opening("وقال الوزير إن القوات جاهزة.") == .connective)
        #expect(opening("كما أكد الوزير أن القوات جاهزة.") == .connective)
        #expect(opening("من جهته، أكد الوزير أن القوات جاهزة.") == .connective)
        #expect(opening("أعلنت الوزارة عن خطة جديدة.") == .newStory)
        #expect(opening("\"رسالة قوية\".. هكذا وصف الوزير الخطة.") == .neutral)
        #expect(opening("الوزير أعلن عن خطة جديدة.") == .neutral)
        #expect(opening("The minister announced a plan.") == .neutral)
    }
}
