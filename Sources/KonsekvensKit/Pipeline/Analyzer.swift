import Foundation

/// Runs the pipeline over files: reads each into a document, extracts its amounts, applies the
/// rules, and collects what could not be read. Files are analysed in parallel; the report is
/// sorted, so it is the same byte for byte whatever the number of jobs.
public enum Analyzer {
    /// The rules shipped with the library and the Region Sjælland population table.
    public static func defaultEngine() throws(RulesError) -> RuleEngine {
        RuleEngine(rules: try RuleSet.defaults(), population: try PopulationTable.regionSjælland2021())
    }

    /// Reads every file under `paths`; `standardInput` supplies the bytes for "-". Without an
    /// engine no rules are applied. `progress` is called with files done and files in all.
    /// The documents' section text is dropped once analysed unless `keepText` is set.
    public static func analyze(
        paths: [String], options: ExtractionOptions = ExtractionOptions(), engine: RuleEngine? = nil,
        statusFilter: StatusFilter = .all, filter: CorpusFilter = CorpusFilter(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        maximumFileSize: Int = MinutesReader.defaultMaximumFileSize, keepText: Bool = false,
        progress: (@Sendable (Int, Int) -> Void)? = nil, standardInput: () -> [UInt8] = { [] }
    ) -> AnalysisReport {
        let (files, pathErrors) = InputFiles.collect(paths)
        let stdin: [UInt8]? = files.contains("-") ? standardInput() : nil
        let results = Results(count: files.count, progress: progress)
        let work: @Sendable (Int) -> Void = { index in
            let file = files[index]
            let outcome: Result<(Document, DocumentImpact?), ReadError>
            do {
                let read: Document
                if file == "-" {
                    let bytes = stdin ?? []
                    if MinutesReader.isBinary(bytes) { throw ReadError(path: "-", reason: .binary) }
                    read = MinutesReader.read(bytes, source: "-")
                } else {
                    read = try MinutesReader.read(contentsOf: file, maximumSize: maximumFileSize)
                }
                let document = AmountExtractor.extract(read, options: options)
                // Rules only for the meetings the filter keeps.
                let impact = filter.admits(document) ? engine?.apply(to: document) : nil
                // Reports need the facts, not the text: a long run's memory stays small.
                outcome = .success((keepText ? document : document.droppingText(), impact))
            } catch let error as ReadError {
                outcome = .failure(error)
            } catch {
                outcome = .failure(ReadError(path: file, reason: .cannotOpen("\(error)")))
            }
            results.store(outcome, at: index)
        }
        if jobs > 1, files.count > 1 {
            let queue = DispatchQueue(label: "konsekvens.analyze", attributes: .concurrent)
            let group = DispatchGroup()
            let slots = DispatchSemaphore(value: jobs)
            for index in files.indices {
                slots.wait()
                queue.async(group: group) {
                    work(index)
                    slots.signal()
                }
            }
            group.wait()
        } else {
            files.indices.forEach(work)
        }

        var documents: [Document] = []
        var impacts: [DocumentImpact] = []
        var errors = pathErrors
        var filteredOut = 0
        for outcome in results.outcomes {
            switch outcome {
            case .success((let document, let impact))?:
                guard filter.admits(document) else {
                    filteredOut += 1
                    continue
                }
                documents.append(document)
                if let impact { impacts.append(impact) }
            case .failure(let error)?: errors.append(error)
            case nil: break
            }
        }
        guard let engine else {
            return AnalysisReport(documents: documents, errors: errors, statusFilter: statusFilter, filter: filter, filteredOut: filteredOut)
        }
        var cases = CaseTrack.tracks(in: documents)
        CaseTrack.markSuperseded(&impacts, tracks: &cases)
        return AnalysisReport(
            documents: documents, impacts: impacts, errors: errors, statusFilter: statusFilter, rulesOrigin: engine.rules.origin,
            populationTable: engine.population?.name, unusedRules: engine.unusedPlacementRules(in: impacts), cases: cases,
            filter: filter, filteredOut: filteredOut)
    }

    /// The outcome of each file, stored by index from any thread.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var outcomes: [Result<(Document, DocumentImpact?), ReadError>?]
        private var done = 0
        private let progress: (@Sendable (Int, Int) -> Void)?

        init(count: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            outcomes = Array(repeating: nil, count: count)
            self.progress = progress
        }

        func store(_ outcome: Result<(Document, DocumentImpact?), ReadError>, at index: Int) {
            lock.lock()
            outcomes[index] = outcome
            done += 1
            let finished = done
            lock.unlock()
            progress?(finished, outcomes.count)
        }
    }
}
