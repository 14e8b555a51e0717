// swift-tools-version: 6.2
import Foundation
import PackageDescription

// MARK: - Where V8 10.2 lives
//
// scripts/install-deps.sh either uses the system's libnode-dev (headers in /usr/include/node)
// or unpacks Debian's packages into .deps/v8 when a third-party nodejs owns that folder.
// The shim's static_assert rejects any headers that are not V8 10.2.

let packageRoot = Context.packageDirectory
let localV8 = packageRoot + "/.deps/v8"
let usesLocalV8 = FileManager.default.fileExists(atPath: localV8 + "/include/v8-version.h")
let v8Include = usesLocalV8 ? localV8 + "/include" : "/usr/include/node"
// libnode-dev ships the inspector's header only with V8's full include folder.
let v8InspectorInclude = usesLocalV8 ? localV8 + "/inspector-include" : "/usr/include/nodejs/deps/v8/include"
let v8LinkerFlags: [String] = usesLocalV8
  ? ["-L" + localV8 + "/lib", "-Xlinker", "-rpath", "-Xlinker", localV8 + "/lib"]
  : []

// libnode.so.108 named as a linker input (not only as -lnode) becomes the executable's first
// DT_NEEDED, ahead of the Swift runtime libraries that swiftc's autolinking puts first. The
// dynamic loader then finds each of libnode's ~60,000 BIND_NOW symbol references after
// searching fewer libraries (measured with callgrind: about 15 M fewer instructions per process).
// Debian's library itself is used unchanged.
let libnodeFile = (usesLocalV8 ? [localV8 + "/lib"] : ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"])
  .map { $0 + "/libnode.so.108" }
  .first { FileManager.default.fileExists(atPath: $0) }
let libnodeFirstFlags: [String] = libnodeFile.map { [$0] } ?? []

let package = Package(
  name: "snapgen",
  products: [
    .executable(name: "snapgen", targets: ["snapgen"]),
    .executable(name: "snapgen-embedder-example", targets: ["EmbedderExample"]),
    .library(name: "SnapshotKit", targets: ["SnapshotKit"]),
    .library(name: "SnapshotKitBundle", targets: ["SnapshotKitBundle"]),
    .library(name: "BundleResolver", targets: ["BundleResolver"]),
    .plugin(name: "SnapgenBuildPlugin", targets: ["SnapgenBuildPlugin"]),
    .plugin(name: "SnapgenCommandPlugin", targets: ["SnapgenCommandPlugin"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.0"),
    // `swift package generate-documentation` for the DocC catalogs of SnapshotKit and BundleResolver.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    .target(
      name: "CV8Shim",
      cxxSettings: [
        .unsafeFlags(["-I" + v8Include, "-I" + v8InspectorInclude, "-Wno-deprecated-declarations"])
      ],
      linkerSettings: [
        .linkedLibrary("node"),
        .linkedLibrary("stdc++"),
        .unsafeFlags(v8LinkerFlags + libnodeFirstFlags),
      ]
    ),
    // zlib-format payloads are read and written with libdeflate (2–3× zlib's inflate speed);
    // lz4 is the fastest codec to boot from.
    .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
    .systemLibrary(name: "CLZ4", pkgConfig: "liblz4", providers: [.apt(["liblz4-dev"])]),
    // SHA-256 and Ed25519 from Debian's OpenSSL 3 (libnode already loads libcrypto.so.3).
    .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .target(name: "SnapgenCrypto", dependencies: ["COpenSSL"]),
    // Encoding Standard decoders and UTS #46 from Debian's ICU (libnode already loads libicu).
    // A C target with a plain header: Swift never sees ICU's own headers (see its header).
    .target(name: "CSnapgenICU", linkerSettings: [.linkedLibrary("icuuc")]),
    // The remote build cache's HTTP client: libcurl loaded with dlopen on first use (no link).
    .target(name: "CSnapgenHTTP"),
    // The running executable's GNU build ID, part of every cache key.
    .target(name: "CSnapgenBuildID"),
    // Pure Swift: takes its module parser through ModuleRequestParser (V8's lives in SnapshotKit).
    .target(name: "BundleResolver", dependencies: ["SnapgenCrypto"]),
    .target(
      name: "SnapshotKit",
      dependencies: [
        "CV8Shim",
        "CDeflate",
        "CLZ4",
        "BundleResolver",
        "SnapgenCrypto",
        "CSnapgenICU",
        "CSnapgenHTTP",
        "CSnapgenBuildID",
      ]
    ),
    // `BundledSnapshot(bundle:)` and `JSRuntime.boot(bundle:)`: the Bundle conveniences, kept out
    // of SnapshotKit so that a process using SnapshotKit links FoundationEssentials, not Foundation.
    .target(name: "SnapshotKitBundle", dependencies: ["SnapshotKit"]),
    .executableTarget(
      name: "snapgen",
      dependencies: [
        "SnapshotKit",
        "SnapgenCrypto",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // A seeded mutation fuzzer for the snapshot.bin reader (no V8 needed).
    .target(name: "SnapshotFuzzer", dependencies: ["SnapshotKit", "SnapgenCrypto"]),
    .executableTarget(name: "snapgen-fuzz", dependencies: ["SnapshotFuzzer", "SnapshotKit", "SnapgenCrypto"]),
    // Reports how long resolution takes for generated graphs (see README, "Resolver benchmark").
    .executableTarget(
      name: "snapgen-resolver-bench",
      dependencies: ["BundleResolver", "SnapshotKit"]
    ),
    // The runtime's own JavaScript. Its JS files are the inputs of the snapshot build.
    .target(
      name: "InternalJS",
      dependencies: ["SnapshotKit", "SnapshotKitBundle"],
      path: "internal-js",
      exclude: ["src", "snapgen.json", "warmup.js"],
      plugins: ["SnapgenBuildPlugin"]
    ),
    // Runs snapgen at build time; its snapshot.bin becomes the target's resource.
    .plugin(name: "SnapgenBuildPlugin", capability: .buildTool(), dependencies: ["snapgen"]),
    // `swift package snapgen …`: the CLI from SwiftPM (verify, bench, inspect, build).
    .plugin(
      name: "SnapgenCommandPlugin",
      capability: .command(intent: .custom(verb: "snapgen", description: "Run snapgen (verify, bench, inspect, build …)"))
    ),
    // A Swift program embedding SnapshotKit with its own ops (see its main.swift).
    .executableTarget(
      name: "EmbedderExample",
      dependencies: ["SnapshotKit"],
      path: "Examples/Embedder",
      exclude: ["js"]
    ),
    // Shared by the test targets: the CLI runner, temporary trees, fixture snapshots, goldens.
    .target(
      name: "SnapgenTestSupport",
      dependencies: [.product(name: "Subprocess", package: "swift-subprocess")],
      path: "Tests/SnapgenTestSupport"
    ),
    .testTarget(name: "BundleResolverTests", dependencies: ["BundleResolver", "SnapshotKit"]),
    .testTarget(name: "SnapshotKitTests", dependencies: ["SnapshotKit", "SnapgenTestSupport"]),
    .testTarget(name: "SnapgenCryptoTests", dependencies: ["SnapgenCrypto"]),
    .testTarget(name: "InternalJSTests", dependencies: ["InternalJS", "SnapshotKit", "SnapshotKitBundle"]),
    // Drives `swift build` on a copy of IntegrationTests/PluginConsumer (slow).
    .testTarget(name: "SnapgenPluginTests", dependencies: ["SnapgenTestSupport"]),
    .testTarget(
      name: "ReliabilityTests",
      dependencies: ["SnapshotKit", "SnapshotFuzzer", "SnapgenTestSupport"]
    ),
    .testTarget(
      name: "SnapgenCLITests",
      dependencies: ["SnapshotKit", "SnapgenTestSupport"],
      exclude: ["Goldens"]
    ),
    // Option parsing of every subcommand, without spawning a process (`@testable import snapgen`).
    .testTarget(name: "SnapgenCommandTests", dependencies: ["snapgen"]),
  ],
  cxxLanguageStandard: .cxx17
)

// Swift 6 language mode everywhere, with the upcoming features the project opts into.
for target in package.targets where target.type != .system && target.type != .plugin {
  var settings = target.swiftSettings ?? []
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  // Imports are internal unless a file says `public import`, so the V8 shim cannot leak out
  // of SnapshotKit/Engine through public API.
  settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
  settings.append(.enableUpcomingFeature("MemberImportVisibility"))
  target.swiftSettings = settings
}
