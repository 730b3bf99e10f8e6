// swift-tools-version:6.0
// StageKit is its own package so that the daemon and every plugin link ONE shared copy of it
// (a dynamic library). A plain target dependency would be linked statically into each side and
// Swift type casts across the dlopen boundary would then fail.
import PackageDescription

let package = Package(
    name: "StageKit",
    products: [
        .library(name: "StageKit", type: .dynamic, targets: ["StageKit"]),
    ],
    targets: [
        .target(name: "StageKit", swiftSettings: [.swiftLanguageMode(.v5)]),
    ]
)
