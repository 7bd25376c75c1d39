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
        var documents: [Document] = []
        var impacts: [DocumentImpact] = []
        var ledger = CaseLedger()
        let summary = stream(
            paths: paths, options: options, engine: engine, filter: filter, jobs: jobs, maximumFileSize: maximumFileSize,
            keepText: keepText, progress: progress, standardInput: standardInput
        ) { document, impact in
            documents.append(document)
            if let impact { impacts.append(impact) }
            ledger.add(document, impact: impact)
        }
        guard let engine else {
            return AnalysisReport(
                documents: documents, errors: summary.errors, statusFilter: statusFilter, filter: filter, filteredOut: summary.filteredOut)
        }
        let (cases, supersededBy) = ledger.tracks()
        CaseTrack.markSuperseded(&impacts, by: supersededBy)
        return AnalysisReport(
            documents: documents, impacts: impacts, errors: summary.errors, statusFilter: statusFilter, rulesOrigin: engine.rules.origin,
            populationTable: engine.population?.name, unusedRules: engine.unusedPlacementRules(in: impacts), cases: cases,
            filter: filter, filteredOut: summary.filteredOut)
    }

    /// What a streamed run leaves besides its documents: the files that could not be read,
    /// sorted by path, and how many documents the filter left out.
    public struct StreamSummary: Sendable {
        public var errors: [ReadError]
        public var filteredOut: Int
    }

    /// Reads and analyses every file under `paths` and hands each document the filter admits,
    /// with its impact when an engine is given, to `each`: on the calling thread, in the
    /// report's order (by source), one at a time. Files are analysed in parallel up to sixteen a
    /// job (256 in all) ahead of the one handed over, so memory holds the facts of those
    /// documents (their text is dropped unless `keepText` is set), not the corpus.
    public static func stream(
        paths: [String], options: ExtractionOptions = ExtractionOptions(), engine: RuleEngine? = nil,
        filter: CorpusFilter = CorpusFilter(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        maximumFileSize: Int = MinutesReader.defaultMaximumFileSize, keepText: Bool = false,
        progress: (@Sendable (Int, Int) -> Void)? = nil, standardInput: () -> [UInt8] = { [] },
        each: (Document, DocumentImpact?) -> Void
    ) -> StreamSummary {
        stream(
            paths: paths, options: options, engine: engine, filter: filter, jobs: jobs, maximumFileSize: maximumFileSize,
            progress: progress, standardInput: standardInput,
            // Reports need the facts, not the text: a long run's memory stays small.
            prepare: { document, impact in AnalysedDocument(document: keepText ? document : document.droppingText(), impact: impact) },
            each: { each($0.document, $0.impact) })
    }

    /// As ``stream(paths:options:engine:filter:jobs:maximumFileSize:keepText:progress:standardInput:each:)``,
    /// but each admitted document and its impact go first to `prepare`, on the thread that
    /// analysed them, and only what it makes of them is handed to `each`. A document is then
    /// freed where it was made, and `each` does only the work that must be done in order.
    public static func stream<Prepared: Sendable>(
        paths: [String], options: ExtractionOptions = ExtractionOptions(), engine: RuleEngine? = nil,
        filter: CorpusFilter = CorpusFilter(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        maximumFileSize: Int = MinutesReader.defaultMaximumFileSize,
        progress: (@Sendable (Int, Int) -> Void)? = nil, standardInput: () -> [UInt8] = { [] },
        prepare: @escaping @Sendable (Document, DocumentImpact?) -> Prepared,
        each: (Prepared) -> Void
    ) -> StreamSummary {
        let (collected, pathErrors) = InputFiles.collect(paths)
        let files = collected.sorted()
        let stdin: [UInt8]? = files.contains("-") ? standardInput() : nil
        let sessions = ExtractionSessions()
        // Nil for a document the filter leaves out.
        let analyse: @Sendable (Int) -> Result<Prepared?, ReadError> = { index in
            let file = files[index]
            do {
                let read: Document
                if file == "-" {
                    let bytes = stdin ?? []
                    if MinutesReader.isBinary(bytes) { throw ReadError(path: "-", reason: .binary) }
                    read = MinutesReader.read(bytes, source: "-")
                } else {
                    read = try MinutesReader.read(contentsOf: file, maximumSize: maximumFileSize)
                }
                var session = sessions.borrow()
                let document = session.extract(read, options: options)
                sessions.giveBack(session)
                // Rules only for the meetings the filter keeps.
                guard filter.admits(document) else { return .success(nil) }
                return .success(prepare(document, engine?.apply(to: document)))
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError(path: file, reason: .cannotOpen("\(error)")))
            }
        }
        // Sixteen files a job: with four, a worker that finished the files after a large one
        // (1,5 MB, ten times the mean) waited for it, and two jobs kept their cores 93–94 %
        // busy on the generated 1 GB; 94–96 % with sixteen, peak memory 108–110 MB with two
        // jobs as before. At most 256 in all, so that many cores do not hold hundreds of
        // documents' facts.
        let slots = OrderedSlots<Result<Prepared?, ReadError>>(window: min(max(2, jobs) * 16, 256))
        if jobs > 1, files.count > 1 {
            // A feeder starts files as the window allows; this thread takes them in order.
            let queue = DispatchQueue(label: "konsekvens.analyze", attributes: .concurrent)
            let running = DispatchSemaphore(value: jobs)
            Thread.detachNewThread {
                for index in files.indices {
                    slots.waitForRoom(before: index)
                    running.wait()
                    queue.async {
                        slots.store(analyse(index), at: index)
                        running.signal()
                    }
                }
            }
        }
        var errors = pathErrors
        var filteredOut = 0
        for index in files.indices {
            let outcome = jobs > 1 && files.count > 1 ? slots.take(index) : analyse(index)
            // Reported from this thread, in order, as each file is handed over.
            progress?(index + 1, files.count)
            switch outcome {
            case .success(let prepared?): each(prepared)
            case .success(nil): filteredOut += 1
            case .failure(let error): errors.append(error)
            }
        }
        return StreamSummary(errors: errors.sorted { $0.path < $1.path }, filteredOut: filteredOut)
    }

    /// A document with its impact, as the plain stream hands them over.
    private struct AnalysedDocument: Sendable {
        var document: Document
        var impact: DocumentImpact?
    }

    /// The extraction sessions of the files being analysed: a file borrows one and gives it
    /// back, so that the next file finds the spellings made for the words they share. A
    /// spelling is made from the token's bytes alone, so which session a file gets changes no
    /// report.
    private final class ExtractionSessions: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [AmountExtractor.Session] = []

        func borrow() -> AmountExtractor.Session {
            lock.lock()
            defer { lock.unlock() }
            return idle.popLast() ?? AmountExtractor.Session()
        }

        func giveBack(_ session: AmountExtractor.Session) {
            lock.lock()
            idle.append(session)
            lock.unlock()
        }
    }

    /// The outcome of each file, stored by index from any thread and taken in order; at most
    /// `window` files are started ahead of the one taken.
    private final class OrderedSlots<Outcome>: @unchecked Sendable {
        private let condition = NSCondition()
        private var outcomes: [Int: Outcome] = [:]
        private var taken = 0
        private let window: Int

        init(window: Int) {
            self.window = window
        }

        func waitForRoom(before index: Int) {
            condition.lock()
            while index >= taken + window { condition.wait() }
            condition.unlock()
        }

        func store(_ outcome: Outcome, at index: Int) {
            condition.lock()
            outcomes[index] = outcome
            condition.broadcast()
            condition.unlock()
        }

        func take(_ index: Int) -> Outcome {
            condition.lock()
            while outcomes[index] == nil { condition.wait() }
            let outcome = outcomes.removeValue(forKey: index)!
            taken = index + 1
            condition.broadcast()
            condition.unlock()
            return outcome
        }

    }
}
