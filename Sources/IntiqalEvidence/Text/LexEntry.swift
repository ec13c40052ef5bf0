/// What one (canonical) word means to the date, number and event recognisers.
struct LexEntry: Sendable {
    var month: Int8 = 0
    var monthAmbiguous = false
    /// 1: كانون (needs الأول/الثاني → 12/1); 2: تشرين (→ 10/11).
    var monthNeedsOrdinal: Int8 = 0
    var ordinal: Int8 = 0
    var weekday: Int8 = -1
    var needsArticle = false
    var relativeDay: Int8? = nil
    /// 1 week, 2 month, 3 year.
    var period: Int8 = 0
    /// -1 past, 0 current, 1 next.
    var direction: Int8? = nil
    var yearCue = false
    var rangeConnector = false
    var dayWord = false
    var trigger: EventType? = nil
    /// 2 strong (verbs, specific nouns), 1 weak (topic nouns, "began").
    var triggerStrength: Int8 = 0
    var speech = false
    var future = false
    var unit: String? = nil
    var qualifier: String? = nil
    var numberWord: Double? = nil
    var multiplier: Double? = nil
    var negation = false
    /// 1: a word of killing (قتل، مقتل، killed, deaths), 2: of wounding (جرح، أصيب، injured): it turns a count of
    /// people near it into a count of the killed or the wounded.
    var casualty: Int8 = 0
    /// A count of people (مدنيين، أشخاص، civilians, troops …): may become killed or wounded.
    var person = false
    /// مربع، square: turns km into km2.
    var squared = false
    var boilerplate = false
}
