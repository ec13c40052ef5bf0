import IntiqalPlaces

extension Gazetteer {
    /// The reader's entries for Iraq's places, from the one gazetteer of Iraq (`IntiqalPlaces`):
    /// every governorate, district, town, site and area under its English name, with its Arabic
    /// and Latin forms and the same forms after a unit word ("محافظة الأنبار", "قضاء القائم",
    /// "Sinjar district"). A form that is also a common word (the gazetteer's `readerExclude`:
    /// "القائم", "Hit") is matched only after a unit word.
    static func iraqPlaces(_ places: IraqGazetteer) -> [GazetteerEntry] {
        places.units.map { unit in
            var forms: [String] = []
            func add(_ form: String) { if !forms.contains(form) { forms.append(form) } }
            for name in unit.names {
                let arabic = name.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
                if !places.readerExclude.contains(name) { add(name) }
                let prefixes: [String]
                switch unit.kind {
                case .governorate: prefixes = arabic ? ["محافظة"] : []
                case .district: prefixes = arabic ? ["قضاء", "مدينة", "منطقة"] : []
                case .town: prefixes = arabic ? ["مدينة", "ناحية", "بلدة", "منطقة"] : []
                case .site, .area: prefixes = []
                }
                for p in prefixes { add("\(p) \(name)") }
                if !arabic {
                    switch unit.kind {
                    case .governorate: add("\(name) province"); add("\(name) governorate")
                    case .district: add("\(name) district")
                    default: break
                    }
                }
            }
            return GazetteerEntry(name: unit.english, kind: unit.kind == .site ? .site : .place, aliases: forms)
        }
    }
}
