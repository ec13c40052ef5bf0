import IntiqalDomain
import Testing
@testable import IntiqalEvidence

@Suite struct DateTests {
    @Test func numericDayMonthYear() {
        #expect(Support.dates("أعلنت الوزارة، يوم الأحد 14/1/2024، عن اتفاق جديد.") == ["2024-01-14", "2024-01-14"])
        #expect(Support.dates("Officials met on 2024-02-03 in Baghdad.") == ["2024-02-03"])
        // Arabic-Indic and Persian digits.
        #expect(Support.dates("أعلنت الوزارة، يوم الأحد ١٤/١/٢٠٢٤، عن اتفاق جديد.") == ["2024-01-14", "2024-01-14"])
        #expect(Support.dates("اجتمع الوفدان في ۳ شباط ۲۰۲۳.") == ["2023-02-03"])
    }

    @Test func levantineMonthNames() {
        #expect(Support.dates("عقد الطرفان اجتماعاً في 3 شباط 2023 في بغداد.") == ["2023-02-03"])
        #expect(Support.dates("التقى الوزيران في 9 تشرين الثاني 2022.") == ["2022-11-09"])
        #expect(Support.dates("التقى الوزيران في 15 كانون الأول 2021.") == ["2021-12-15"])
        #expect(Support.dates("التقى الوزيران في 2 آب 2022.") == ["2022-08-02"])
    }

    @Test func egyptianAndGulfMonthNames() {
        #expect(Support.dates("اجتمع الوفدان في 4 فبراير 2023 في أربيل.") == ["2023-02-04"])
        #expect(Support.dates("اجتمع الوفدان في 12 يوليو 2023.") == ["2023-07-12"])
        #expect(Support.dates("اجتمع الوفدان في 1 إبريل 2023.") == ["2023-04-01"])
    }

    @Test func pairedMonthForms() {
        #expect(Support.dates("اجتمع الوفدان في 25 كانون الثاني/يناير 2024 في بغداد.") == ["2024-01-25"])
        #expect(Support.dates("اجتمع الوفدان في 7 أكتوبر/تشرين الأول 2023.") == ["2023-10-07"])
        #expect(Support.dates("وقعت الهجمات في يناير (كانون الثاني) 2020.") == ["2020-01"])
        #expect(Support.dates("التقى الوزيران في سبتمبر/ أيلول عام 2014.") == ["2014-09"])
    }

    @Test func monthWithoutYearResolvesAgainstPublication() {
        // Published March 2024: "last October" is 2023, "next November" is 2024.
        #expect(Support.dates("هاجمت الفصائل القاعدة في 7 أكتوبر/تشرين الأول الماضي.", published: "2024-03-10") == ["2023-10-07"])
        #expect(Support.dates("ستجرى الانتخابات في 5 نوفمبر/تشرين الثاني المقبل.", published: "2024-03-10") == ["2024-11-05"])
        #expect(Support.dates("واستؤنفت المحادثات في فبراير/شباط الماضي.", published: "2024-03-10") == ["2024-02"])
    }

    @Test func dayRanges() {
        #expect(Support.dates("عقد الحوار يومي 22 و23 تموز 2024 في واشنطن.") == ["2024-07-22..2024-07-23"])
        #expect(Support.dates("The dialogue was held July 22-23, 2024 in Washington.") == ["2024-07-22..2024-07-23"])
        #expect(Support.dates("عقدت الجولة من 25 إلى 27 كانون الثاني 2024.") == ["2024-01-25..2024-01-27"])
    }

    @Test func weekdaysResolveToTheDayBeforePublication() {
        // 2024-01-29 is a Monday.
        #expect(Support.dates("أعلنت الوزارة يوم السبت التوصل إلى اتفاق.", published: "2024-01-29") == ["2024-01-27", "2024-01-27"])
        #expect(Support.dates("قال الوزير، الخميس، إن الوضع مستقر.", published: "2024-01-29") == ["2024-01-25"])
        #expect(Support.dates("The minister said last Thursday that talks continue.", published: "2024-01-29") == ["2024-01-25"])
        #expect(Support.dates("The minister said on Monday that talks continue.", published: "2024-01-29") == ["2024-01-29"])
    }

    @Test func relativeWords() {
        #expect(Support.dates("قال الوزير أمس إن الحوار مستمر.", published: "2024-01-26") == ["2024-01-25"])
        #expect(Support.dates("قال الوزير اليوم إن الحوار مستمر.", published: "2024-01-26") == ["2024-01-26"])
        #expect(Support.dates("أعلن الوزير الشهر الماضي انتهاء المهمة.", published: "2024-07-22") == ["2024-06"])
        #expect(Support.dates("قال الوزير في العاشر من الشهر الحالي إن المفاوضات معلقة.", published: "2024-07-22") == ["2024-07-10"])
        #expect(Support.dates("The ministry said yesterday that the talks ended.", published: "2024-07-22") == ["2024-07-21"])
        #expect(Support.dates("The ministry announced last month that the talks ended.", published: "2024-07-22") == ["2024-06"])
    }

    @Test func englishForms() {
        #expect(Support.dates("The two sides met on January 27, 2024 in Baghdad.") == ["2024-01-27"])
        #expect(Support.dates("The two sides met on 27 January 2024 in Baghdad.") == ["2024-01-27"])
        #expect(Support.dates("The two sides met in Jan. 2024.") == ["2024-01"])
        #expect(Support.dates("The two sides signed the agreement in 2008.") == ["2008"])
    }

    @Test func bareYearStaysAYear() {
        let doc = Support.extract("وقعت الاتفاقية بين البلدين عام 2008.")
        #expect(doc.events.first?.date == "2008")
        #expect(doc.events.first?.precision == .year)
    }

    @Test func numbersThatAreNotDates() {
        // A resolution number and a troop count are not dates.
        #expect(Support.dates("وأعلن المجلس القرار الرقم 1483 بشأن العراق.").isEmpty)
        #expect(Support.dates("لدى واشنطن قرابة 2500 جندي منتشرين في البلاد.").isEmpty)
        #expect(Support.dates("وصل 2000 جندي إلى القاعدة.").isEmpty)
        #expect(Support.dates("The ministry said 2024 soldiers arrived.").isEmpty)
    }

    @Test func sinceDatesDoNotDateEvents() {
        #expect(Support.dates("أعلن التحالف الذي تقوده واشنطن منذ عام 2014 عن خطة جديدة.").isEmpty)
    }

    @Test func civilDateArithmetic() {
        let d = CivilDate(year: 2024, month: 2, day: 28)
        #expect(d?.adding(days: 1)?.iso == "2024-02-29")
        #expect(d?.adding(days: 2)?.iso == "2024-03-01")
        #expect(CivilDate(year: 2024, month: 7, day: 22)?.weekday == 1)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate("2024-13-01") == nil)
    }
}
