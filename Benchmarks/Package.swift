// swift-tools-version: 6.2
// Benchmarks for snapgen (ordo-one/benchmark). Run from this folder:
//   swift package --disable-sandbox benchmark
// or, to check the stored thresholds:
//   swift package --disable-sandbox benchmark thresholds check
import PackageDescription

let package = Package(
  name: "snapgen-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "snapgen", path: "../"),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "SnapgenBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "SnapshotKit", package: "snapgen"),
        .product(name: "BundleResolver", package: "snapgen"),
      ],
      path: "Benchmarks/SnapgenBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
