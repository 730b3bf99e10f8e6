// swift-tools-version:6.0
import PackageDescription

/// Every stage folder has `Sources/`, `Entry/`, `README.md` and `NOTICE`, and may have `data/` (its data
/// files) and `tools/` (the scripts that make them); its tests have `Fixtures/`.
///
/// Every stage is a plugin: a logic target `<Name>Stage` (unit-tested directly) and an entry target
/// `<Name>Plugin` that exports the factory symbol and carries the data files; the entry target is
/// built as the dynamic library `libtextpiped_<stage>.so` that the daemon loads with dlopen.
let stages: [(folder: String, stage: String, hasData: Bool, hasTools: Bool)] = [
    ("Clean", "clean", true, true),
    ("Segment", "segment", true, false),
    ("Entities", "entities", true, true),
    ("FAQ", "faq", false, true),
    ("Sentiment", "sentiment", true, true),
    ("Example", "wordcount", false, false),
]

let v5: [SwiftSetting] = [.swiftLanguageMode(.v5)]
let stageKit: Target.Dependency = .product(name: "StageKit", package: "StageKit")

var targets: [Target] = [
    .systemLibrary(
        name: "CYaml",
        path: "Sources/CYaml",
        pkgConfig: "yaml-0.1",
        providers: [.apt(["libyaml-dev"])]
    ),
    .target(name: "TextpipeCore", dependencies: ["CYaml", stageKit], swiftSettings: v5),
    .target(
        name: "TextpipeServer",
        dependencies: [
            "TextpipeCore", stageKit,
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ],
        swiftSettings: v5
    ),
    .executableTarget(
        name: "textpiped",
        dependencies: ["TextpipeServer", "TextpipeCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
        swiftSettings: v5
    ),
    .executableTarget(
        name: "textpipe",
        dependencies: ["TextpipeCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
        swiftSettings: v5
    ),
    .executableTarget(
        name: "textpipe-eval",
        dependencies: [stageKit] + stages.filter { $0.folder != "Example" }.map { .target(name: "\($0.folder)Stage") },
        swiftSettings: v5
    ),
    .executableTarget(
        name: "stage-bench",
        dependencies: ["TextpipeCore", stageKit],
        path: "Benchmarks/StageBench",
        swiftSettings: v5
    ),
    .testTarget(name: "TextpipeCoreTests", dependencies: ["TextpipeCore", stageKit], swiftSettings: v5),
    .testTarget(
        name: "TextpipeServerTests",
        dependencies: ["TextpipeServer", "TextpipeCore", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio")],
        swiftSettings: v5
    ),
    .testTarget(name: "IntegrationTests", dependencies: ["TextpipeCore", stageKit], swiftSettings: v5),
]
var products: [Product] = [
    .executable(name: "textpiped", targets: ["textpiped"]),
    .executable(name: "textpipe", targets: ["textpipe"]),
]
for s in stages {
    targets.append(.target(
        name: "\(s.folder)Stage", dependencies: [stageKit],
        path: "Plugins/\(s.folder)/Sources", swiftSettings: v5))
    targets.append(.target(
        name: "\(s.folder)Plugin", dependencies: [.target(name: "\(s.folder)Stage"), stageKit],
        path: "Plugins/\(s.folder)", exclude: ["Sources", "README.md", "NOTICE"] + (s.hasTools ? ["tools"] : []),
        sources: ["Entry"], resources: s.hasData ? [.copy("data")] : nil, swiftSettings: v5))
    products.append(.library(name: "textpiped_\(s.stage)", type: .dynamic, targets: ["\(s.folder)Plugin"]))
    if s.folder != "Example" {
        targets.append(.testTarget(
            name: "\(s.folder)Tests", dependencies: [.target(name: "\(s.folder)Stage"), stageKit],
            exclude: ["Fixtures"], swiftSettings: v5))
    }
}

let package = Package(
    name: "textpiped",
    products: products,
    dependencies: [
        .package(path: "Plugins/StageKit"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: targets
)
