/// Text folded for matching, with a map from every folded scalar back to its original offset.
public struct NormalizedText: Sendable, Hashable {
    /// The folded text.
    public var text: String
    /// `offsets[i]` is the offset, in Unicode scalars of the original, of folded scalar `i`.
    public var offsets: [Int]

    /// Folds `original` (see ``Folding``). Every folded scalar maps back to the scalar it came from.
    public init(_ original: String) {
        var scalars = String.UnicodeScalarView()
        var offsets: [Int] = []
        var i = 0
        for s in original.unicodeScalars {
            let f = Folding.fold(s.value)
            if f != 0, let u = Unicode.Scalar(f) {
                scalars.append(u)
                offsets.append(i)
            }
            i += 1
        }
        self.text = String(scalars)
        self.offsets = offsets
    }
}
