// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Konsekvens",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KonsekvensKit", targets: ["KonsekvensKit"]),
        .executable(name: "konsekvens", targets: ["konsekvens"]),
    ],
    targets: [
        .target(name: "KonsekvensKit", resources: [.copy("Rules/Resources")]),
        .executableTarget(name: "konsekvens", dependencies: ["KonsekvensKit"]),
        .executableTarget(name: "konsekvens-bench", dependencies: ["KonsekvensKit"]),
        .testTarget(name: "KonsekvensKitTests", dependencies: ["KonsekvensKit"]),
    ],
    swiftLanguageModes: [.v6]
)
