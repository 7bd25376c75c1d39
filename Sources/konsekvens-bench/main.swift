import Foundation

/// `konsekvens-bench`: generates corpora of invented minutes and times the pipeline over them.
func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let arguments: BenchArguments
do {
    arguments = try BenchArguments.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    standardError("konsekvens-bench: \(error.message)")
    standardError("Try 'konsekvens-bench --help'.")
    exit(2)
}

switch arguments {
case .help:
    print(BenchArguments.usage)
case .generate(let folder, let megabytes, let singleMegabytes, let seed, let layout):
    let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    guard existing.isEmpty else {
        standardError("konsekvens-bench: \(folder) is not empty; a corpus is only written into an empty folder")
        exit(1)
    }
    do {
        let summary =
            if let singleMegabytes {
                try CorpusGenerator.single(into: folder, megabytes: singleMegabytes, seed: seed, layout: layout)
            } else {
                try CorpusGenerator.corpus(into: folder, megabytes: megabytes ?? 0, seed: seed)
            }
        print("\(folder): \(summary.files) files, \(summary.bytes) bytes (seed \(seed))")
    } catch {
        standardError("konsekvens-bench: \(folder): \(error.localizedDescription)")
        exit(1)
    }
case .run(let folder, let repetitions, let json, let stages, let jobs):
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
        standardError("konsekvens-bench: \(folder): no such file or directory")
        exit(1)
    }
    let figures = Benchmark.run(folder: folder, repetitions: repetitions, stages: stages, jobs: jobs)
    print(json ? figures.json() : figures.table(), terminator: "")
}
