import Foundation

/// Runs the pipeline over files: reads each into a document, extracts its amounts, applies the
/// rules, and collects what could not be read.
public enum Analyzer {
    /// The rules shipped with the library and the Region Sjælland population table.
    public static func defaultEngine() throws(RulesError) -> RuleEngine {
        RuleEngine(rules: try RuleSet.defaults(), population: try PopulationTable.regionSjælland2021())
    }

    /// Reads every file under `paths`; `standardInput` supplies the bytes for "-". Without an
    /// engine no rules are applied.
    public static func analyze(
        paths: [String], options: ExtractionOptions = ExtractionOptions(), engine: RuleEngine? = nil,
        statusFilter: StatusFilter = .all, filter: CorpusFilter = CorpusFilter(), progress: ((Int, Int) -> Void)? = nil,
        standardInput: () -> [UInt8] = { [] }
    ) -> AnalysisReport {
        let (files, pathErrors) = InputFiles.collect(paths)
        var documents: [Document] = []
        var errors = pathErrors
        for (index, file) in files.enumerated() {
            progress?(index, files.count)
            if file == "-" {
                documents.append(AmountExtractor.extract(MinutesReader.read(standardInput(), source: "-"), options: options))
                continue
            }
            do {
                documents.append(AmountExtractor.extract(try MinutesReader.read(contentsOf: file), options: options))
            } catch {
                errors.append(error)
            }
        }
        progress?(files.count, files.count)
        let admitted = documents.filter(filter.admits)
        let filteredOut = documents.count - admitted.count
        guard let engine else {
            return AnalysisReport(documents: admitted, errors: errors, statusFilter: statusFilter, filter: filter, filteredOut: filteredOut)
        }
        var impacts = admitted.map(engine.apply)
        let cases = CaseTrack.tracks(in: admitted)
        CaseTrack.markSuperseded(&impacts, tracks: cases)
        return AnalysisReport(
            documents: admitted, impacts: impacts, errors: errors, statusFilter: statusFilter, rulesOrigin: engine.rules.origin,
            populationTable: engine.population?.name, unusedRules: engine.unusedPlacementRules(in: impacts), cases: cases,
            filter: filter, filteredOut: filteredOut)
    }
}
