import Foundation

/// Runs the pipeline over files: reads each into a document and collects what could not be read.
public enum Analyzer {
    /// Reads every file under `paths`; `standardInput` supplies the bytes for "-".
    public static func analyze(
        paths: [String], options: ExtractionOptions = ExtractionOptions(), standardInput: () -> [UInt8] = { [] }
    ) -> AnalysisReport {
        let (files, pathErrors) = InputFiles.collect(paths)
        var documents: [Document] = []
        var errors = pathErrors
        for file in files {
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
        return AnalysisReport(documents: documents, errors: errors)
    }
}
