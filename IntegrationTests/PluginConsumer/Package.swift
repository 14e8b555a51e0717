// swift-tools-version: 6.2
import PackageDescription

// A runtime package as a snapgen user writes it: its JavaScript lives in its own target's
// folder, SnapgenBuildPlugin turns it into snapshot.bin at `swift build` time, and the code
// boots from it through Bundle.module. It finds snapgen by relative path (the repository root).
let package = Package(
  name: "PluginConsumer",
  dependencies: [
    .package(name: "snapgen", path: "../..")
  ],
  targets: [
    .target(
      name: "ConsumerJS",
      dependencies: [
        .product(name: "SnapshotKit", package: "snapgen"), .product(name: "SnapshotKitBundle", package: "snapgen"),
      ],
      exclude: ["js", "snapgen.json"],
      plugins: [.plugin(name: "SnapgenBuildPlugin", package: "snapgen")]
    ),
    .testTarget(name: "ConsumerJSTests", dependencies: ["ConsumerJS"]),
    // An app snapshot built on ConsumerJS's: its snapgen.json says "base": "target:ConsumerJS".
    .target(
      name: "ConsumerApp",
      dependencies: [
        .product(name: "SnapshotKit", package: "snapgen"), .product(name: "SnapshotKitBundle", package: "snapgen"),
      ],
      exclude: ["js", "snapgen.json"],
      plugins: [.plugin(name: "SnapgenBuildPlugin", package: "snapgen")]
    ),
    .testTarget(name: "ConsumerAppTests", dependencies: ["ConsumerApp"]),
  ]
)
