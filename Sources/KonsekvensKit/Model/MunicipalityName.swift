import Foundation

/// A kommune's name as minutes write it before "Kommune" or "Rådhus": one word, capitalised, of
/// letters and inner hyphens ("Sorø", "Lyngby-Taarbæk"), as every kommune's name is. One written
/// in capitals is the same name ("KØGE" is "Køge").
enum MunicipalityName {
    /// Capitalised words that stand before "Kommune" or "Rådhus" without naming a kommune.
    static let notNames: Set<String> = [
        "hver", "den", "denne", "en", "samme", "vores", "egen", "anden", "enhver", "nabo", "hele", "din", "jeres", "hvilken",
        "det", "gamle", "nye",
    ]

    /// The 98 kommuner since 2007, lower-cased, as their names stand before "Kommune" ("Nordfyns").
    static let kommuner: Set<String> = [
        "albertslund", "allerød", "assens", "ballerup", "billund", "bornholm", "brøndby", "brønderslev", "dragør", "egedal",
        "esbjerg", "fanø", "favrskov", "faxe", "fredensborg", "fredericia", "frederiksberg", "frederikshavn", "frederikssund",
        "furesø", "faaborg-midtfyn", "gentofte", "gladsaxe", "glostrup", "greve", "gribskov", "guldborgsund", "haderslev",
        "halsnæs", "hedensted", "helsingør", "herlev", "herning", "hillerød", "hjørring", "holbæk", "holstebro", "horsens",
        "hvidovre", "høje-taastrup", "hørsholm", "ikast-brande", "ishøj", "jammerbugt", "kalundborg", "kerteminde", "kolding",
        "københavn", "køge", "langeland", "lejre", "lemvig", "lolland", "lyngby-taarbæk", "læsø", "mariagerfjord", "middelfart",
        "morsø", "norddjurs", "nordfyns", "nyborg", "næstved", "odder", "odense", "odsherred", "randers", "rebild",
        "ringkøbing-skjern", "ringsted", "roskilde", "rudersdal", "rødovre", "samsø", "silkeborg", "skanderborg", "skive",
        "slagelse", "solrød", "sorø", "stevns", "struer", "svendborg", "syddjurs", "sønderborg", "thisted", "tønder", "tårnby",
        "vallensbæk", "varde", "vejen", "vejle", "vesthimmerlands", "viborg", "vordingborg", "ærø", "aabenraa", "aalborg", "aarhus",
    ]

    /// The kommune `name` is, also in the genitive ("Københavns" is København), or nil when it
    /// is none of the 98 (a town of a kommune: Korsør is Slagelse's).
    static func kommune(_ name: String) -> String? {
        let lowered = name.fastLowercased()
        if kommuner.contains(lowered) { return name }
        guard lowered.hasSuffix("s"), kommuner.contains(String(lowered.dropLast())) else { return nil }
        return String(name.dropLast())
    }

    /// The kommune a folder's name is, capitalised as its name is written ("Greve",
    /// "Lyngby-Taarbæk"), or nil when it is none of the 98: the name in any case, spelt with
    /// "ae", "oe" and "aa" or "a", "o" and "a" for æ, ø and å ("koege", "Koge", "aero"), with
    /// "_", "." or a space for its hyphen, perhaps with "kommune" after it, and then perhaps in
    /// the genitive ("greve_kommune", "Køge Kommune", "Københavns Kommune").
    static func kommune(folder name: some StringProtocol) -> String? {
        var words = name.fastLowercased().split { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " }
        guard words.count > 1, words.last == "kommune" else { return folderNames[skeleton(words.joined(separator: "-"))] }
        words.removeLast()
        let joined = words.joined(separator: "-")
        return folderNames[skeleton(joined)] ?? (joined.hasSuffix("s") ? folderNames[skeleton(String(joined.dropLast()))] : nil)
    }

    /// ``kommuner`` by the ``skeleton(_:)`` of their folder names, each name capitalised.
    private static let folderNames: [String: String] = {
        var names: [String: String] = [:]
        for kommune in kommuner {
            let written = kommune.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
            names[skeleton(kommune)] = written
            // The genitive's "s" of two names ("Nordfyns") is no part of their folders' names.
            if kommune.hasSuffix("s") { names[skeleton(String(kommune.dropLast()))] = written }
        }
        return names
    }()

    /// A lower-cased name with æ, ø and å, and the "ae", "oe" and "aa" they are spelt with,
    /// written "a", "o" and "a", so that each spelling of a name is one.
    private static func skeleton(_ name: String) -> String {
        name.replacingOccurrences(of: "æ", with: "a").replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "å", with: "a")
            .replacingOccurrences(of: "ae", with: "a").replacingOccurrences(of: "oe", with: "o").replacingOccurrences(of: "aa", with: "a")
    }

    /// The name `word` spells, or nil when it is none (lower-case, with digits or punctuation,
    /// of two letters or fewer, or one of ``notNames``).
    static func named(by word: Substring) -> String? {
        guard let first = word.first, first.isUppercase, word.count > 2, word.last != "-",
            word.allSatisfy({ $0.isLetter || $0 == "-" }), !notNames.contains(word.fastLowercased())
        else { return nil }
        guard word.allSatisfy({ !$0.isLowercase }) else { return String(word) }
        // In capitals: each part capitalised ("LYNGBY-TAARBÆK" → "Lyngby-Taarbæk").
        return word.split(separator: "-").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: "-")
    }
}
