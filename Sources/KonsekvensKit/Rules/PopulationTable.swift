import Foundation

/// Inhabitants per kommune on a reference date, for distribution keys ("efter befolkningstal").
/// Read from a CSV of `kommune,population` lines; `#` lines are comments.
public struct PopulationTable: Sendable, Hashable {
    /// Where the figures come from ("region-sjaelland-2021-01-01.csv"), named in findings.
    public var name: String
    /// Population by kommune name as written in the table.
    public var counts: [String: Int] {
        didSet { keys = Self.keys(of: counts) }
    }
    /// The table's names by their lower case: a check looks a kommune up for every item that
    /// splits money by population, and lower-casing every name each time was 0,3 % of a run
    /// over generated minutes (callgrind).
    private var keys: [String: String]

    public init(name: String, counts: [String: Int]) {
        self.name = name
        self.counts = counts
        self.keys = Self.keys(of: counts)
    }

    public static func == (a: PopulationTable, b: PopulationTable) -> Bool { a.name == b.name && a.counts == b.counts }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(counts)
    }

    /// Each name by its lower case; of names alike but for case, the first in code-point order.
    private static func keys(of counts: [String: Int]) -> [String: String] {
        var keys: [String: String] = [:]
        for name in counts.keys {
            let lower = name.fastLowercased()
            if let kept = keys[lower], kept.unicodeScalars.lexicographicallyPrecedes(name.unicodeScalars) { continue }
            keys[lower] = name
        }
        return keys
    }

    /// The table shipped with the library: Region Sjælland's 17 kommuner on 1 January 2021
    /// (Danmarks Statistik, FOLK1A).
    public static func regionSjælland2021() throws(RulesError) -> PopulationTable {
        let file = "region-sjaelland-2021-01-01.csv"
        guard let url = Bundle.module.url(forResource: "region-sjaelland-2021-01-01", withExtension: "csv", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else {
            throw RulesError(file: file, rule: nil, message: "the population table is missing from the library")
        }
        return try parse(String(decoding: data, as: UTF8.self), name: file)
    }

    /// Reads a population table from a file (`--population FILE`).
    public static func load(contentsOf path: String) throws(RulesError) -> PopulationTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RulesError(file: path, rule: nil, message: "cannot read the population table")
        }
        return try parse(String(decoding: data, as: UTF8.self), name: (path as NSString).lastPathComponent)
    }

    static func parse(_ text: String, name: String) throws(RulesError) -> PopulationTable {
        var counts: [String: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmed
            if line.isEmpty || line.hasPrefix("#") || line.fastLowercased().hasPrefix("kommune") { continue }
            let fields = line.split(separator: line.contains(";") ? ";" : ",").map { $0.trimmed }
            guard fields.count == 2, let count = Int(fields[1].filter { $0 != "." }), count > 0, !fields[0].isEmpty else {
                throw RulesError(file: name, rule: nil, message: "line \(index + 1): expected \"kommune,population\", found \"\(line)\"")
            }
            counts[fields[0]] = count
        }
        guard !counts.isEmpty else { throw RulesError(file: name, rule: nil, message: "no kommuner in the population table") }
        return PopulationTable(name: name, counts: counts)
    }

    /// The table's name for a kommune, matched without regard to case ("kalundborg" → "Kalundborg").
    func key(for municipality: String) -> String? {
        keys[municipality.fastLowercased()]
    }
}
