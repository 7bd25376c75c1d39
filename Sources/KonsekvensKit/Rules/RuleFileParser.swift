import Foundation

/// Reads a rules file strictly: unknown fields, unknown values and wrong types are errors that
/// name the rule and suggest the nearest known word.
enum RuleFileParser {
    static let topFields: Set<String> = ["about", "version", "extends", "totalsOverPeriod", "placement", "checks"]
    static let placementFields: Set<String> = ["name", "description", "match", "produce"]
    static let matchFields: Set<String> = [
        "section", "payer", "kind", "recurrence", "sign", "financing", "total", "rate", "fromTable", "years",
        "itemHasYearTable", "decision", "decisionWords", "pattern", "rowLabel", "yearsAgo",
    ]
    static let checkFields: Set<String> = [
        "name", "description", "check", "severity", "passSeverity", "kind", "toleranceKroner", "tolerancePercent", "enabled",
    ]

    /// Whether the file's top level names `field`.
    static func states(_ field: String, in data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object[field] != nil
    }

    static func extendsDefaults(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["extends"] as? String == "default"
    }

    static func parse(_ data: Data, file: String) throws(RulesError) -> RuleSet {
        func fail(_ rule: String?, _ message: String) -> RulesError { RulesError(file: file, rule: rule, message: message) }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw fail(nil, "not valid JSON (\(Self.jsonErrorDetail(error)))")
        }
        guard let object = root as? [String: Any] else { throw fail(nil, "the file must hold one JSON object") }
        try checkFields(object, known: topFields, rule: nil, fail)
        if let version = object["version"], (version as? Int) != 1 {
            throw fail(nil, "unsupported version \(version); this Konsekvens reads version 1")
        }
        if let extends = object["extends"], (extends as? String) != "default" {
            throw fail(nil, "\"extends\" can only be \"default\"")
        }
        var totals = RuleSet.TotalsOverPeriod.keepTotal
        if let value = object["totalsOverPeriod"] {
            totals = try enumValue(value, field: "totalsOverPeriod", rule: nil, fail)
        }
        let placementObjects = try list(object["placement"] ?? [Any](), field: "placement", rule: nil, fail)
        var names = Set<String>()
        var placements: [PlacementRule] = []
        for (index, element) in placementObjects.enumerated() {
            guard let rule = element as? [String: Any] else { throw fail(nil, "placement rule \(index + 1) is not an object") }
            guard let name = rule["name"] as? String, !name.isEmpty else { throw fail(nil, "placement rule \(index + 1) has no \"name\"") }
            guard names.insert(name).inserted else { throw fail(name, "the name is used twice") }
            try checkFields(rule, known: placementFields, rule: name, fail)
            guard let produceValue = rule["produce"] else { throw fail(name, "missing \"produce\"") }
            let produce: PlacementRule.Produce = try enumValue(produceValue, field: "produce", rule: name, fail)
            let match = try parseMatch(rule["match"] ?? [String: Any](), rule: name, fail)
            placements.append(PlacementRule(name: name, description: rule["description"] as? String ?? "", match: match, produce: produce))
        }
        var checks: [CheckRule] = []
        var disabled = Set<String>()
        for (index, element) in try list(object["checks"] ?? [Any](), field: "checks", rule: nil, fail).enumerated() {
            guard let rule = element as? [String: Any] else { throw fail(nil, "check \(index + 1) is not an object") }
            guard let name = rule["name"] as? String, !name.isEmpty else { throw fail(nil, "check \(index + 1) has no \"name\"") }
            guard names.insert(name).inserted else { throw fail(name, "the name is used twice") }
            try checkFields(rule, known: checkFields, rule: name, fail)
            if let enabled = rule["enabled"] {
                guard let flag = enabled as? Bool, isBoolean(enabled) else { throw fail(name, "\"enabled\" must be true or false") }
                if !flag {
                    disabled.insert(name)
                    continue
                }
            }
            guard let checkValue = rule["check"] else { throw fail(name, "missing \"check\"") }
            let check: CheckRule.Check = try enumValue(checkValue, field: "check", rule: name, fail)
            let severity: Finding.Severity = try enumValue(rule["severity"] ?? "warning", field: "severity", rule: name, fail)
            let pass: Finding.Severity? = try rule["passSeverity"].map { value throws(RulesError) in
                try enumValue(value, field: "passSeverity", rule: name, fail)
            }
            let kinds: Set<AmountKind>? = try rule["kind"].map { value throws(RulesError) in
                Set(try enumList(value, field: "kind", rule: name, fail))
            }
            checks.append(
                CheckRule(
                    name: name, check: check, severity: severity, passSeverity: pass, kinds: kinds,
                    toleranceKroner: try decimal(rule["toleranceKroner"], field: "toleranceKroner", rule: name, fail),
                    tolerancePercent: try decimal(rule["tolerancePercent"], field: "tolerancePercent", rule: name, fail)))
        }
        if placements.isEmpty, checks.isEmpty, disabled.isEmpty { throw fail(nil, "the file has no placement rules and no checks") }
        return RuleSet(totalsOverPeriod: totals, placements: placements, checks: checks, disabledChecks: disabled, origin: file)
    }

    private static func parseMatch(
        _ value: Any, rule: String, _ fail: (String?, String) -> RulesError
    ) throws(RulesError) -> AmountMatch {
        guard let object = value as? [String: Any] else { throw fail(rule, "\"match\" must be an object") }
        try checkFields(object, known: matchFields, rule: rule, fail)
        var match = AmountMatch()
        if let value = object["section"] { match.sections = Set(try enumList(value, field: "section", rule: rule, fail)) }
        if let value = object["kind"] { match.kinds = Set(try enumList(value, field: "kind", rule: rule, fail)) }
        if let value = object["recurrence"] { match.recurrences = Set(try enumList(value, field: "recurrence", rule: rule, fail)) }
        if let value = object["decision"] { match.decisions = Set(try enumList(value, field: "decision", rule: rule, fail)) }
        if let value = object["payer"] {
            match.payers = try wordList(value, allowed: AmountMatch.payerCategories, field: "payer", rule: rule, fail)
        }
        if let value = object["sign"] { match.signs = try wordList(value, allowed: AmountMatch.signNames, field: "sign", rule: rule, fail) }
        if let value = object["financing"] {
            match.financing = try wordList(value, allowed: AmountMatch.financingCategories, field: "financing", rule: rule, fail)
        }
        if let value = object["decisionWords"] {
            let words = try list(value, field: "decisionWords", rule: rule, fail)
            guard let strings = words as? [String], !strings.isEmpty else { throw fail(rule, "\"decisionWords\" must be a list of words") }
            match.decisionWords = strings.map { $0.fastLowercased() }
        }
        if let value = object["rowLabel"] {
            guard let words = value as? [String], !words.isEmpty else {
                throw fail(rule, "\"rowLabel\" must be a non-empty list of words; it would match nothing")
            }
            match.rowLabelWords = words.map { $0.fastLowercased() }
        }
        if let value = object["pattern"] {
            guard let words = value as? [String], !words.isEmpty else {
                throw fail(rule, "\"pattern\" must be a non-empty list of pattern names; it would match nothing")
            }
            match.patterns = Set(words)
        }
        match.total = try bool(object["total"], field: "total", rule: rule, fail)
        match.rate = try bool(object["rate"], field: "rate", rule: rule, fail)
        match.fromTable = try bool(object["fromTable"], field: "fromTable", rule: rule, fail)
        match.itemHasYearTable = try bool(object["itemHasYearTable"], field: "itemHasYearTable", rule: rule, fail)
        if let value = object["yearsAgo"] {
            guard !isBoolean(value), let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded(),
                (1...100).contains(number.intValue)
            else { throw fail(rule, "\"yearsAgo\" must be a whole number of years from 1 to 100") }
            match.yearsAgo = number.intValue
        }
        if let value = object["years"] {
            switch value as? String {
            case "none": match.hasYears = false
            case "some": match.hasYears = true
            default: throw fail(rule, "\"years\" must be \"none\" or \"some\"")
            }
        }
        return match
    }

    // MARK: Helpers

    private static func checkFields(
        _ object: [String: Any], known: Set<String>, rule: String?, _ fail: (String?, String) -> RulesError
    ) throws(RulesError) {
        for key in object.keys.sorted() where !known.contains(key) {
            throw fail(rule, "unknown field \"\(key)\"" + suggestion(key, among: known))
        }
    }

    private static func list(_ value: Any, field: String, rule: String?, _ fail: (String?, String) -> RulesError) throws(RulesError) -> [Any] {
        guard let array = value as? [Any] else { throw fail(rule, "\"\(field)\" must be a list") }
        return array
    }

    private static func wordList(
        _ value: Any, allowed: Set<String>, field: String, rule: String, _ fail: (String?, String) -> RulesError
    ) throws(RulesError) -> Set<String> {
        guard let words = value as? [String], !words.isEmpty else {
            throw fail(rule, "\"\(field)\" must be a non-empty list of words; it would match nothing")
        }
        for word in words where !allowed.contains(word) {
            throw fail(rule, "unknown \(field) \"\(word)\"" + suggestion(word, among: allowed))
        }
        return Set(words)
    }

    private static func enumList<Value: RawRepresentable & CaseIterable>(
        _ value: Any, field: String, rule: String, _ fail: (String?, String) -> RulesError
    ) throws(RulesError) -> [Value] where Value.RawValue == String {
        let allowed = Set(Value.allCases.map(\.rawValue))
        return try wordList(value, allowed: allowed, field: field, rule: rule, fail).sorted().compactMap(Value.init(rawValue:))
    }

    private static func enumValue<Value: RawRepresentable & CaseIterable>(
        _ value: Any, field: String, rule: String?, _ fail: (String?, String) -> RulesError
    ) throws(RulesError) -> Value where Value.RawValue == String {
        let allowed = Set(Value.allCases.map(\.rawValue))
        guard let text = value as? String, let result = Value(rawValue: text) else {
            let shown = (value as? String).map { "\"\($0)\"" } ?? "\(value)"
            throw fail(rule, "\"\(field)\" cannot be \(shown)" + suggestion(value as? String ?? "", among: allowed)
                + "; one of: " + allowed.sorted().joined(separator: ", "))
        }
        return result
    }

    private static func bool(_ value: Any?, field: String, rule: String, _ fail: (String?, String) -> RulesError) throws(RulesError) -> Bool? {
        guard let value else { return nil }
        guard isBoolean(value), let flag = value as? Bool else { throw fail(rule, "\"\(field)\" must be true or false") }
        return flag
    }

    private static func decimal(_ value: Any?, field: String, rule: String, _ fail: (String?, String) -> RulesError) throws(RulesError) -> Decimal? {
        guard let value else { return nil }
        guard !isBoolean(value), let number = value as? NSNumber, number.doubleValue >= 0 else {
            throw fail(rule, "\"\(field)\" must be a number of zero or more")
        }
        return Decimal(string: number.stringValue, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// JSONSerialization gives NSNumber for both numbers and booleans.
    private static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c" || type(of: value) == Bool.self
    }

    private static func jsonErrorDetail(_ error: Error) -> String {
        let text = "\(error)"
        if let range = text.range(of: "line ") { return String(text[range.lowerBound...].prefix(40)) }
        return "check brackets, commas and quotes"
    }

    static func suggestion(_ word: String, among candidates: Set<String>) -> String {
        NearestWord.suggestion(for: word, among: candidates)
    }
}
