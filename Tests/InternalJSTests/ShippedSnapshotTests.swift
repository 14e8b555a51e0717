import Foundation
import InternalJS
import SnapshotKit
import SnapshotKitBundle
import Testing

@Suite("the snapshot that ships with InternalJS")
struct ShippedSnapshotTests {
  @Test("InternalJS's resource bundle holds a valid snapshot of its snapgen.json entry points")
  func shippedSnapshotIsValid() throws {
    let snapshot = try InternalJS.snapshot()
    #expect(snapshot.url.lastPathComponent == BundledSnapshot.fileName)
    let data = try #require(FileManager.default.contents(atPath: snapshot.url.path))
    let file = try SnapshotFile.parse([UInt8](data))
    #expect(file.metadata.entryPoints == ["src/main.js"])
    #expect(file.metadata.modules.contains { $0.name == "src/console/console.js" })
  }

  @Test("a runtime booted through Bundle.module has internal JS in place")
  func bootsThroughBundle() throws {
    let runtime = try InternalJS.boot()
    #expect(try runtime.evaluate("typeof console.log + ' ' + typeof TextEncoder + ' ' + typeof URL") == "function function function")
  }

  @Test("a bundle without snapshot.bin is refused with advice")
  func bundleWithoutSnapshot() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "snapgen-empty-\(UUID().uuidString).resources")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bundle = try #require(Bundle(url: folder))
    let error = #expect(throws: RuntimeError.self) { try BundledSnapshot(bundle: bundle) }
    #expect(error.map { "\($0)" }?.contains("apply SnapgenBuildPlugin") == true, "\(String(describing: error))")
  }

  @Test("a bundle is found beside an executable by package and module name, and not by another name")
  func besideExecutable() throws {
    let folder = FileManager.default.temporaryDirectory.appending(path: "snapgen-bin-\(UUID().uuidString)")
    let bundle = folder.appending(path: "demo_JS.resources")
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let shipped = try InternalJS.snapshot()
    try FileManager.default.copyItem(at: shipped.url, to: bundle.appending(path: "snapshot.bin"))
    let executable = folder.appending(path: "demo")
    let found = try #require(BundledSnapshot.beside(executable: executable, module: "JS", package: "demo"))
    #expect(found.url.standardizedFileURL.path == bundle.appending(path: "snapshot.bin").standardizedFileURL.path)
    #expect(BundledSnapshot.beside(executable: executable, module: "Other", package: "demo") == nil)
    let runtime = try found.boot()
    #expect(try runtime.evaluate("typeof URL + ' ' + typeof setTimeout") == "function function")
  }

  @Test("a resource folder holding a folder named snapshot.bin has no snapshot; a Darwin bundle's Contents/Resources is searched")
  func resourceDirectoryLayouts() throws {
    let root = FileManager.default.temporaryDirectory.appending(path: "snapgen-layouts-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let fake = root.appending(path: "fake.resources")
    try FileManager.default.createDirectory(at: fake.appending(path: "snapshot.bin"), withIntermediateDirectories: true)
    #expect(throws: RuntimeError.self) { try BundledSnapshot(resourceDirectory: fake) }
    let darwin = root.appending(path: "demo_JS.bundle/Contents/Resources")
    try FileManager.default.createDirectory(at: darwin, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: try InternalJS.snapshot().url, to: darwin.appending(path: "snapshot.bin"))
    let found = try BundledSnapshot(resourceDirectory: root.appending(path: "demo_JS.bundle"))
    #expect(found.url.standardizedFileURL.path == darwin.appending(path: "snapshot.bin").standardizedFileURL.path)
    #expect(BundledSnapshot.beside(executable: root.appending(path: "demo"), module: "JS", package: "demo") == found)
  }

  @Test("the running executable is this test process's own file")
  func runningExecutable() throws {
    let executable = try #require(BundledSnapshot.runningExecutable)
    let ours = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    #expect(executable.path == ours)
  }
}
