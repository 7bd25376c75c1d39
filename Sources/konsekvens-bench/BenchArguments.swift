/// The command line of `konsekvens-bench`, parsed without printing; `main.swift` prints.
enum BenchArguments {
    case help
    case generate(folder: String, megabytes: Double?, singleMegabytes: Double?, seed: UInt64, layout: CorpusGenerator.Layout)
    case run(folder: String, repetitions: Int, json: Bool, stages: Set<BenchFigures.Stage>, jobs: Int)

    struct UsageError: Error {
        var message: String
    }

    static let usage = """
        konsekvens-bench generate DIR --megabytes N [--seed S]
        konsekvens-bench generate DIR --single-megabytes N [--layout markdown|text|html] [--seed S]
        konsekvens-bench run DIR [--repeat R] [--json] [--stages read,extract,rules,stream,analyze,grep,formats,scaling] [--jobs N]

        generate  writes invented minutes (Markdown, PDF text, HTML; UTF-8 and Windows-1252) into
                  DIR/YEAR/, N megabytes in all, or one file of N megabytes; the same seed
                  (default 1) gives the same bytes. DIR must be empty or absent.
        run       times reading, extraction, the rules, the command's streamed CSV run, the
                  whole analyze run with its reports, and grep -rc 'kr\\.' over DIR; prints
                  the median of R runs (default 3).
                  The stage formats (only when named) times the command's streamed JSON,
                  Markdown (its default) and HTML runs too. The stage scaling (only when
                  named) runs the streamed CSV with one job and with N (at least 2) R times,
                  taking turns, and prints each pair's ratio.
        """

    static func parse(_ arguments: [String]) throws(UsageError) -> BenchArguments {
        guard let command = arguments.first else { throw UsageError(message: "missing command (generate or run)") }
        if command == "--help" || command == "-h" || command == "help" { return .help }
        var folder: String?
        var values: [String: String] = [:]
        var json = false
        var index = 1
        let valued: Set<String> = ["--megabytes", "--single-megabytes", "--seed", "--layout", "--repeat", "--stages", "--jobs"]
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--json" {
                json = true
            } else if valued.contains(argument) {
                guard index + 1 < arguments.count else { throw UsageError(message: "\(argument) needs a value") }
                values[argument] = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--") {
                throw UsageError(message: "unknown option '\(argument)'")
            } else if folder == nil {
                folder = argument
            } else {
                throw UsageError(message: "unexpected argument '\(argument)'")
            }
            index += 1
        }
        guard let folder else { throw UsageError(message: "missing DIR") }
        switch command {
        case "generate":
            let megabytes = try values["--megabytes"].map { (text) throws(UsageError) in try positive(text, "--megabytes") }
            let single = try values["--single-megabytes"].map { (text) throws(UsageError) in try positive(text, "--single-megabytes") }
            guard (megabytes == nil) != (single == nil) else {
                throw UsageError(message: "give either --megabytes or --single-megabytes")
            }
            let seed = try values["--seed"].map { (text) throws(UsageError) -> UInt64 in
                guard let seed = UInt64(text) else { throw UsageError(message: "--seed wants a whole number, not '\(text)'") }
                return seed
            }
            var layout = CorpusGenerator.Layout.markdown
            if let name = values["--layout"] {
                guard let chosen = CorpusGenerator.Layout(rawValue: name) else {
                    throw UsageError(message: "--layout is markdown, text or html, not '\(name)'")
                }
                layout = chosen
            }
            return .generate(folder: folder, megabytes: megabytes, singleMegabytes: single, seed: seed ?? 1, layout: layout)
        case "run":
            var repetitions = 3
            if let text = values["--repeat"] {
                guard let count = Int(text), count > 0 else { throw UsageError(message: "--repeat wants a count, not '\(text)'") }
                repetitions = count
            }
            var stages = BenchFigures.Stage.defaults
            if let list = values["--stages"] {
                stages = []
                for name in list.split(separator: ",") {
                    guard let stage = BenchFigures.Stage(rawValue: String(name)) else {
                        throw UsageError(message: "unknown stage '\(name)' (read, extract, rules, stream, analyze, grep, formats, scaling)")
                    }
                    stages.insert(stage)
                }
            }
            var jobs = 1
            if let text = values["--jobs"] {
                guard let count = Int(text), (1...256).contains(count) else { throw UsageError(message: "--jobs wants a count, not '\(text)'") }
                jobs = count
            }
            return .run(folder: folder, repetitions: repetitions, json: json, stages: stages, jobs: jobs)
        default:
            throw UsageError(message: "unknown command '\(command)' (generate or run)")
        }
    }

    private static func positive(_ text: String, _ option: String) throws(UsageError) -> Double {
        guard let value = Double(text), value > 0 else { throw UsageError(message: "\(option) wants a positive number, not '\(text)'") }
        return value
    }
}
