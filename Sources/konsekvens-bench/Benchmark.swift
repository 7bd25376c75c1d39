import Foundation
import KonsekvensKit

/// Times the pipeline's stages over a folder of minutes, with the bytes already in memory
/// where a stage does not itself read files.
enum Benchmark {
    /// `jobs` is the number of files the whole run analyses at a time (1: one core).
    static func run(folder: String, repetitions: Int, stages: Set<BenchFigures.Stage>, jobs: Int = 1) -> BenchFigures {
        let clock = ContinuousClock()
        var figures = BenchFigures(folder: folder, repetitions: repetitions)

        // The streamed CSV run first, then analyze, while the process holds nothing else, so
        // the peak each leaves is its own.
        if stages.contains(.stream) {
            var streamTimes: [Duration] = []
            for _ in 0..<repetitions {
                let engine = try? Analyzer.defaultEngine()
                streamTimes.append(clock.measure { figures.streamBytes = streamed(.csv(.excelDanish), folder, engine: engine, jobs: jobs) })
            }
            figures.streamSeconds = median(streamTimes)
            figures.streamPeakBytes = PeakMemory.current()
        }
        if stages.contains(.formats) {
            for (name, format) in [("JSON", StreamedReport.Format.json), ("Markdown (the default)", .markdown), ("HTML", .html)] {
                var times: [Duration] = []
                for _ in 0..<repetitions {
                    let engine = try? Analyzer.defaultEngine()
                    times.append(clock.measure { _ = streamed(format, folder, engine: engine, jobs: jobs) })
                }
                figures.formatSeconds.append((name, median(times)))
            }
            figures.formatsPeakBytes = PeakMemory.current()
        }
        if stages.contains(.scaling) {
            figures.scaling = scaling(folder, jobs: max(jobs, 2), repetitions: repetitions)
        }
        if stages.contains(.analyze) {
            var analyzeTimes: [Duration] = []
            var renderTimes: [Duration] = []
            for _ in 0..<repetitions {
                var report: AnalysisReport?
                // The whole run as `konsekvens analyze` makes it: with the default rules.
                let engine = try? Analyzer.defaultEngine()
                analyzeTimes.append(clock.measure { report = Analyzer.analyze(paths: [folder], engine: engine, jobs: jobs) })
                var characters = 0
                renderTimes.append(
                    clock.measure {
                        if let report {
                            characters = JSONReport.render(report).utf8.count + MarkdownReport.render(report).utf8.count
                                + CSVReport.render(report).utf8.count
                        }
                    })
                figures.reportBytes = characters
            }
            figures.analyzeSeconds = median(analyzeTimes)
            figures.renderSeconds = median(renderTimes)
            figures.analyzePeakBytes = PeakMemory.current()
        }

        let (files, _) = InputFiles.collect([folder])
        // The bytes are held only for the stages that read from memory: a gigabyte corpus held
        // for its size alone would be the peak the benchmark prints.
        let holdsBytes = stages.contains(.read) || stages.contains(.extract) || stages.contains(.rules)
        let inputs = holdsBytes ? files.compactMap { path in FileManager.default.contents(atPath: path).map { (path, [UInt8]($0)) } } : []
        figures.documents = holdsBytes ? inputs.count : files.count
        figures.bytes =
            holdsBytes
            ? inputs.reduce(0) { $0 + $1.1.count }
            : files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }

        var documents: [Document] = []
        if holdsBytes {
            var readTimes: [Duration] = []
            for _ in 0..<repetitions {
                documents = []
                documents.reserveCapacity(inputs.count)
                readTimes.append(clock.measure { for (path, bytes) in inputs { documents.append(MinutesReader.read(bytes, source: path)) } })
            }
            figures.readSeconds = median(readTimes)
            figures.items = documents.reduce(0) { $0 + $1.items.count }
        }
        var extracted: [Document] = []
        if stages.contains(.extract) || stages.contains(.rules) {
            var extractTimes: [Duration] = []
            var amounts = 0
            for _ in 0..<repetitions {
                extracted = []
                extracted.reserveCapacity(documents.count)
                // As the command extracts: one session for the documents of one thread.
                var session = AmountExtractor.Session()
                extractTimes.append(clock.measure { for document in documents { extracted.append(session.extract(document)) } })
                amounts = extracted.reduce(0) { sum, document in sum + document.items.reduce(0) { $0 + $1.amounts.count } }
            }
            documents = []
            if stages.contains(.extract) { figures.extractSeconds = median(extractTimes) }
            figures.amounts = amounts
        }
        if stages.contains(.rules), let engine = try? Analyzer.defaultEngine() {
            // Each document's budget lines and findings, as the command makes them after
            // extraction; the case tracks over documents are made once at the end of a run
            // and are in the whole run's figures only.
            var ruleTimes: [Duration] = []
            for _ in 0..<repetitions {
                var impacts: [DocumentImpact] = []
                impacts.reserveCapacity(extracted.count)
                ruleTimes.append(clock.measure { for document in extracted { impacts.append(engine.apply(to: document)) } })
                figures.budgetLines = impacts.reduce(0) { $0 + $1.budgetLines.count }
            }
            figures.rulesSeconds = median(ruleTimes)
        }

        if stages.contains(.grep) {
            var grepTimes: [Double] = []
            for _ in 0..<repetitions {
                guard let (lines, seconds) = grepCount(folder) else { break }
                grepTimes.append(seconds)
                figures.grepMatches = lines
            }
            if !grepTimes.isEmpty { figures.grepSeconds = BenchFigures.median(grepTimes) }
        }
        figures.peakBytes = PeakMemory.current()
        return figures
    }

    /// `konsekvens analyze DIR --format FORMAT` without the file: the bytes of the report it makes.
    private static func streamed(_ format: StreamedReport.Format, _ folder: String, engine: RuleEngine?, jobs: Int) -> Int {
        guard let engine, let report = try? StreamedReport(format: format, engine: engine),
            (try? report.analyze(paths: [folder], jobs: jobs)) != nil
        else { return 0 }
        var bytes = 0
        try? report.finish { bytes += $0.count }
        return bytes
    }

    /// The streamed CSV run with one job and with `jobs`, taking turns `repetitions` times: on a
    /// shared machine whose speed drifts, each pair sees about the same machine, so their ratio
    /// says more than two medians taken minutes apart.
    private static func scaling(_ folder: String, jobs: Int, repetitions: Int) -> BenchFigures.Scaling {
        var result = BenchFigures.Scaling(jobs: jobs)
        let clock = ContinuousClock()
        for _ in 0..<repetitions {
            for count in [1, jobs] {
                let engine = try? Analyzer.defaultEngine()
                let processorBefore = ProcessTime.current()
                let wall = seconds(clock.measure { _ = streamed(.csv(.excelDanish), folder, engine: engine, jobs: count) })
                let run = BenchFigures.Scaling.Run(wallSeconds: wall, processorSeconds: ProcessTime.current() - processorBefore)
                if count == 1 { result.oneJob.append(run) } else { result.manyJobs.append(run) }
            }
        }
        return result
    }

    /// `grep -rc 'kr\.'` over the folder, the floor any tool that looks at every byte meets:
    /// the lines it counted in all, and the processor time it used; nil when it failed.
    ///
    /// Its counts are read through a pipe: with its output sent to /dev/null, GNU grep stops
    /// reading a file at its first match, and the benchmark timed that until 2026-12-07 (0,11 s
    /// on the generated 1 GB, where counting takes 0,70 s). Its time is its own processor time
    /// (user and system, from `getrusage`): starting a process through Foundation takes some
    /// 0,05 s here, longer than grep takes over Greve's 30 MB, and the wall time counted it.
    private static func grepCount(_ folder: String) -> (lines: Int, seconds: Double)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["grep", "-rc", "kr\\.", folder]
        let output = Pipe()
        process.standardOutput = output
        let before = ProcessTime.children()
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("konsekvens-bench: cannot run grep: \(error)\n".utf8))
            return nil
        }
        let counts = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // 1 is "no line matched"; anything else (2, or 127 when there is no grep) is a failure.
        guard process.terminationReason == .exit, process.terminationStatus <= 1 else {
            FileHandle.standardError.write(Data("konsekvens-bench: grep failed (status \(process.terminationStatus)); its stage is left out\n".utf8))
            return nil
        }
        // "path:count" a line ("count" alone for a single file); a path may hold a colon, the
        // count never does.
        let lines = String(decoding: counts, as: UTF8.self).split(separator: "\n").reduce(0) { sum, line in
            sum + (line.split(separator: ":").last.flatMap { Int($0) } ?? 0)
        }
        return (lines, ProcessTime.children() - before)
    }

    private static func median(_ times: [Duration]) -> Double {
        BenchFigures.median(times.map(seconds))
    }

    private static func seconds(_ time: Duration) -> Double {
        Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
    }
}
