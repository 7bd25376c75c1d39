/// What one benchmark run measured, and the two ways it is printed.
struct BenchFigures {
    /// A part of the run that can be measured on its own.
    enum Stage: String, CaseIterable {
        case read, extract, stream, analyze, grep
        /// The rules applied to documents already read and extracted, in memory.
        case rules
        /// The streamed JSON, Markdown and HTML runs; not run unless named.
        case formats
        /// The streamed CSV run with one job and with several, taking turns; not run unless named.
        case scaling

        /// The stages a run measures when none are named.
        static let defaults: Set<Stage> = [.read, .extract, .rules, .stream, .analyze, .grep]
    }

    /// The streamed CSV run with one job and with `jobs`, in pairs run one after the other.
    struct Scaling {
        struct Run {
            var wallSeconds: Double
            /// User and system time of all the run's threads.
            var processorSeconds: Double
        }

        var jobs: Int
        var oneJob: [Run] = []
        var manyJobs: [Run] = []

        /// Each pair's one-job wall time over its many-job wall time.
        var speedups: [Double] {
            zip(oneJob, manyJobs).map { one, many in many.wallSeconds > 0 ? one.wallSeconds / many.wallSeconds : 0 }
        }

        /// How busy the cores were in each many-job run: processor time over `jobs` × wall time.
        var busy: [Double] {
            manyJobs.map { $0.wallSeconds > 0 ? $0.processorSeconds / (Double(jobs) * $0.wallSeconds) : 0 }
        }
    }

    var folder: String
    var repetitions: Int
    var documents = 0
    var bytes = 0
    var items = 0
    var amounts = 0
    var reportBytes = 0
    var streamBytes = 0
    var readSeconds: Double?
    var extractSeconds: Double?
    var rulesSeconds: Double?
    /// The budget lines the rules made.
    var budgetLines = 0
    var analyzeSeconds: Double?
    var renderSeconds: Double?
    /// grep's processor time (user and system), not the wall time of starting it and waiting.
    var grepSeconds: Double?
    /// The lines grep counted, which shows that it read every file to its end.
    var grepMatches: Int?
    /// The command's CSV run: files streamed to CSV, nothing held but the case ledger.
    var streamSeconds: Double?
    var streamPeakBytes: Int?
    /// The command's other streamed runs, by format, in the order run.
    var formatSeconds: [(format: String, seconds: Double)] = []
    var formatsPeakBytes: Int?
    var analyzePeakBytes: Int?
    var peakBytes: Int?
    var scaling: Scaling?

    var megabytes: Double { Double(bytes) / 1_048_576 }

    /// Analyze and both reports: what a user waits for.
    var wholeSeconds: Double? {
        guard let analyzeSeconds, let renderSeconds else { return nil }
        return analyzeSeconds + renderSeconds
    }

    var grepRatio: Double? {
        guard let wholeSeconds, let grepSeconds, grepSeconds > 0 else { return nil }
        return wholeSeconds / grepSeconds
    }

    func table() -> String {
        var rows: [[String]] = [["stage", "seconds", "MB/s", "docs/s"]]
        func row(_ name: String, _ seconds: Double?) {
            guard let seconds else { return }
            rows.append([name, fixed(seconds, 3), fixed(megabytes / seconds, 2), fixed(Double(documents) / seconds, 1)])
        }
        row("read", readSeconds)
        row("extract", extractSeconds)
        row("rules (documents → budget lines)", rulesSeconds)
        row("analyze (files → documents)", analyzeSeconds)
        row("render JSON + Markdown + CSV", renderSeconds)
        row("whole (analyze + render)", wholeSeconds)
        row("stream CSV (as the command)", streamSeconds)
        for (format, seconds) in formatSeconds { row("stream \(format)", seconds) }
        row("grep -rc 'kr\\.'" + (grepMatches.map { " (\($0) lines)" } ?? ""), grepSeconds)
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rulesSeconds == nil ? "" : ", \(budgetLines) budget lines"
        var out = "\(folder): \(documents) documents, \(fixed(megabytes, 1)) MB, \(items) items, \(amounts) amounts\(lines); median of \(repetitions)\n"
        for (index, cells) in rows.enumerated() {
            out += cells[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for column in 1..<4 { out += "  " + String(repeating: " ", count: widths[column] - cells[column].count) + cells[column] }
            out += "\n"
            if index == 0 { out += String(repeating: "-", count: widths.reduce(6, +)) + "\n" }
        }
        if streamSeconds != nil { out += "peak memory after streaming CSV: \(memory(streamPeakBytes))\n" }
        if !formatSeconds.isEmpty { out += "peak memory after streaming every format: \(memory(formatsPeakBytes))\n" }
        out += "peak memory: \(memory(peakBytes))"
        out += analyzeSeconds == nil ? "\n" : " (after analyze: \(memory(analyzePeakBytes)))\n"
        if grepSeconds != nil { out += "grep's time is its processor time (user and system), not the start of a process\n" }
        if let grepRatio { out += "whole run / grep: \(fixed(grepRatio, 1))×\n" }
        if let streamSeconds, let grepSeconds, grepSeconds > 0 { out += "stream CSV / grep: \(fixed(streamSeconds / grepSeconds, 1))×\n" }
        if let scaling {
            out += "stream CSV, 1 job and \(scaling.jobs) jobs taking turns:\n"
            for (index, (one, many)) in zip(scaling.oneJob, scaling.manyJobs).enumerated() {
                out += "  \(fixed(one.wallSeconds, 2)) s (processor \(fixed(one.processorSeconds, 2)) s)"
                out += " / \(fixed(many.wallSeconds, 2)) s (processor \(fixed(many.processorSeconds, 2)) s)"
                out += " = \(fixed(scaling.speedups[index], 2))×, cores busy \(fixed(scaling.busy[index] * 100, 1)) %\n"
            }
            out += "  median \(fixed(Self.median(scaling.speedups), 2))×\n"
        }
        return out
    }

    func json() -> String {
        func number(_ value: Double?) -> String { value.map { fixed($0, 6) } ?? "null" }
        func rate(_ amount: Double, _ seconds: Double?) -> String {
            guard let seconds, seconds > 0 else { return "null" }
            return fixed(amount / seconds, 3)
        }
        var fields: [(String, String)] = [
            ("folder", "\"\(folder.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""),
            ("repetitions", String(repetitions)), ("documents", String(documents)), ("bytes", String(bytes)),
            ("items", String(items)), ("amounts", String(amounts)), ("budgetLines", String(budgetLines)),
        ]
        // "streamJSONSeconds", "streamMarkdownSeconds", "streamHTMLSeconds" for the other formats.
        let formats = formatSeconds.map { ("stream" + $0.format.prefix { $0 != " " }, Optional($0.seconds)) }
        let stages: [(String, Double?)] = [
            ("read", readSeconds), ("extract", extractSeconds), ("rules", rulesSeconds), ("analyze", analyzeSeconds), ("render", renderSeconds),
            ("whole", wholeSeconds), ("stream", streamSeconds), ("grep", grepSeconds),
        ]
        for (name, seconds) in stages + formats {
            fields.append(("\(name)Seconds", number(seconds)))
            fields.append(("\(name)MegabytesPerSecond", rate(megabytes, seconds)))
            fields.append(("\(name)DocumentsPerSecond", rate(Double(documents), seconds)))
        }
        fields.append(("wholeToGrepRatio", number(grepRatio)))
        fields.append(("grepLines", grepMatches.map(String.init) ?? "null"))
        fields.append(("peakMemoryBytes", peakBytes.map(String.init) ?? "null"))
        fields.append(("analyzePeakMemoryBytes", analyzePeakBytes.map(String.init) ?? "null"))
        fields.append(("streamPeakMemoryBytes", streamPeakBytes.map(String.init) ?? "null"))
        if !formatSeconds.isEmpty { fields.append(("formatsPeakMemoryBytes", formatsPeakBytes.map(String.init) ?? "null")) }
        if let scaling {
            func list(_ values: [Double]) -> String { "[" + values.map { fixed($0, 6) }.joined(separator: ", ") + "]" }
            fields.append(("scalingJobs", String(scaling.jobs)))
            fields.append(("scalingOneJobSeconds", list(scaling.oneJob.map(\.wallSeconds))))
            fields.append(("scalingOneJobProcessorSeconds", list(scaling.oneJob.map(\.processorSeconds))))
            fields.append(("scalingManyJobsSeconds", list(scaling.manyJobs.map(\.wallSeconds))))
            fields.append(("scalingManyJobsProcessorSeconds", list(scaling.manyJobs.map(\.processorSeconds))))
            fields.append(("scalingSpeedups", list(scaling.speedups)))
            fields.append(("scalingMedianSpeedup", fixed(Self.median(scaling.speedups), 6)))
        }
        return "{\n" + fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// The middle value, or the mean of the two middle ones; 0 for none.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    private func memory(_ bytes: Int?) -> String {
        guard let bytes else { return "n/a" }
        return "\(fixed(Double(bytes) / 1_048_576, 0)) MB"
    }
}

/// `value` with `places` decimals, without Foundation's locale-dependent formatting.
func fixed(_ value: Double, _ places: Int) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = Int(scaled - Double(whole) * scale)
    var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
    if places > 0 {
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: places - digits.count) + digits
    }
    return text
}
