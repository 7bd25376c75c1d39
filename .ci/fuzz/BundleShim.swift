import Foundation

/// Outside SwiftPM there is no generated `Bundle.module`: the fuzz build points it at a folder
/// holding the library's resources (KONSEKVENS_RESOURCES, set by .ci/fuzz.sh).
extension Bundle {
    static var module: Bundle {
        Bundle(path: ProcessInfo.processInfo.environment["KONSEKVENS_RESOURCES"] ?? ".") ?? .main
    }
}
