import Foundation

/// Runs the pipeline over files: reads each into a document and collects what could not be read.
public enum Analyzer {
    /// Reads every file under `paths`; `standardInput` supplies the bytes for "-".
    public static func analyze(paths: [String], standardInput: () -> [UInt8] = { [] }) -> AnalysisReport {
        let (files, pathErrors) = InputFiles.collect(paths)
        var documents: [Document] = []
        var errors = pathErrors
        for file in files {
            if file == "-" {
                documents.append(MinutesReader.read(standardInput(), source: "-"))
                continue
            }
            do {
                documents.append(try MinutesReader.read(contentsOf: file))
            } catch {
                errors.append(error)
            }
        }
        return AnalysisReport(documents: documents, errors: errors)
    }
}
