/// Precision, recall and F1 of one kind of item.
public struct PRF: Sendable, Codable, Hashable, CustomStringConvertible {
    public var truePositives: Int
    public var predicted: Int
    public var expected: Int

    public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    public var recall: Double { expected == 0 ? 0 : Double(truePositives) / Double(expected) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public var description: String {
        func f(_ x: Double) -> String { String(Double(Int(x * 1000 + 0.5)) / 1000) }
        return "P \(f(precision)) R \(f(recall)) F1 \(f(f1)) (\(truePositives)/\(predicted) predicted, \(expected) gold)"
    }
}

/// The extractor's accuracy against a gold file.
public struct AccuracyReport: Sendable, Codable, Hashable, CustomStringConvertible {
    /// Dated events matched on document, type, date and end date.
    public var events: PRF
    /// Distinct event dates (with end dates) per document, whatever the type.
    public var dates: PRF
    /// Distinct day-precise dates per document that are gold event dates.
    public var daysToTheDay: PRF
    /// Numbers matched on document, value and unit.
    public var numbers: PRF
    /// Of matched gold events that name a place, how many the extractor placed right.
    public var placesCorrect: Int
    public var placesScored: Int
    /// Of matched events, how many cite a sentence overlapping the gold sentence.
    public var evidenceOverlap: Int
    /// Of matched events, how many agree on planned versus happened.
    public var plannedAgree: Int

    public var description: String {
        """
        events (type+date): \(events)
        dates:              \(dates)
        dates to the day:   \(daysToTheDay)
        numbers:            \(numbers)
        places:             \(placesCorrect)/\(placesScored) right
        evidence overlap:   \(evidenceOverlap)/\(events.truePositives) matched events
        planned agrees:     \(plannedAgree)/\(events.truePositives) matched events
        """
    }
}
