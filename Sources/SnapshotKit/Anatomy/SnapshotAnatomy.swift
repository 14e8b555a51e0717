public import BundleResolver
import FoundationEssentials
import Glibc

/// Builds a configuration twice in crash-isolated children — once as `snapgen build` would,
/// once with a heap snapshot and V8's serialisation statistics taken just before `CreateBlob` —
/// and says which module the heap, the blob and the boot time go to.
///
/// ```swift
/// var anatomy = SnapshotAnatomy(configuration: try BuildConfiguration.locate("internal-js"),
///                               executable: snapgenPath)
/// let report = try anatomy.run()
/// print(report.text)
/// ```
public struct SnapshotAnatomy: Sendable {
  public var configuration: BuildConfiguration
  /// The executable that serves build children (`snapgen`).
  public var executable: String
  /// How long each build may take.
  public var timeout: Duration = .seconds(300)
  /// Warm boots to measure in this process (0: none).
  public var boots = 30
  /// Phase medians from a `snapgen bench --json` report, used instead of this process's own.
  public var bench: BenchReport?
  /// How many objects to name per module.
  public var biggestObjects = 5
  /// Where to write V8's raw heap snapshot (Chrome DevTools reads it), if anywhere.
  public var heapSnapshotDestination: String?
  /// Where to write the report as HTML (``AnatomyReport/html``), if anywhere. Like the heap
  /// snapshot's destination, it is refused when it names one of the build's own inputs.
  public var htmlDestination: String?

  /// Creates an anatomy of `configuration`, built with `executable`.
  public init(configuration: BuildConfiguration, executable: String) {
    self.configuration = configuration
    self.executable = executable
  }

  /// The flag that makes V8 print its serialisation statistics.
  static let statisticsFlag = "--serialization-statistics"

  /// Builds, inspects, measures.
  /// - Throws: the build's diagnostics, or a diagnostic for a heap snapshot or boot that failed.
  public func run() throws(DiagnosticError) -> AnatomyReport {
    var inspecting = configuration
    // An app on a base must use the base's V8 flags, so it is inspected without V8's
    // serialisation statistics (which a flag turns on).
    if configuration.base == nil && !inspecting.v8Flags.contains(Self.statisticsFlag) {
      inspecting.v8Flags.append(Self.statisticsFlag)
    }
    var inspectedBuild = IsolatedBuild(configuration: inspecting, executable: executable)
    inspectedBuild.timeout = timeout
    let inspected = try inspectedBuild.buildInspectingHeap()
    var plainBuild = IsolatedBuild(configuration: configuration, executable: executable)
    plainBuild.timeout = timeout
    let shipped = try plainBuild.build()
    let destinations = [("the heap snapshot", heapSnapshotDestination), ("the HTML report", htmlDestination)]
    try OutputOverlap.check(outputs: destinations.compactMap { role, path in path.map { (role, $0) } }, inputs: shipped.inputFiles)

    if let path = heapSnapshotDestination {
      do { _ = try AtomicFileWriter.write(inspected.heap.heapSnapshot, to: path) } catch {
        throw DiagnosticError([.error("cannot write the heap snapshot: \(error.reason)", file: path)])
      }
    }
    let floor = try buildFloor()
    let graph: HeapGraph
    do { graph = try HeapGraph(json: inspected.heap.heapSnapshot) } catch {
      throw DiagnosticError([.error("V8's heap snapshot could not be read: \(error)")])
    }
    let metadata = shipped.file.metadata
    var analysis = HeapAnalysis(
      graph: graph, modules: metadata.modules.map { ($0.name, $0.size) }, biggest: biggestObjects)
    let blobBytes = shipped.file.header.rawSize
    for index in analysis.modules.indices {
      let serialisable = analysis.heapBytes - analysis.jitCodeBytes
      let module = analysis.modules[index]
      let share = serialisable > 0 ? Double(module.bytes - module.jitCodeBytes) / Double(serialisable) : 0
      analysis.modules[index].blobShare = share
      analysis.modules[index].estimatedBlobBytes = Int((share * Double(blobBytes)).rounded())
    }
    let boot = try measureBoot(shipped.file)
    if let boot {
      // The objects a bare V8 isolate has too cost the floor's boot, not this snapshot's.
      let objects = analysis.heapObjects - (floor?.heapObjects ?? 0)
      for index in analysis.modules.indices where objects > 0 {
        analysis.modules[index].estimatedBootMilliseconds =
          boot.deserializeMilliseconds * Double(analysis.modules[index].objects) / Double(objects)
      }
    }
    let report = AnatomyReport(
      configuration: configuration.configPath.map(FilePaths.display) ?? FilePaths.display(configuration.root),
      v8Version: metadata.v8Version, blobBytes: blobBytes, storedBytes: shipped.file.header.storedSize,
      inspectedBlobBytes: inspected.output.file.header.rawSize, heapObjects: analysis.heapObjects,
      heapBytes: analysis.heapBytes, modules: analysis.modules, unattributed: analysis.unattributed,
      spaces: inspected.heap.spaces, serialization: SerializationStatistics(parsing: inspected.printed), boot: boot,
      floor: floor)
    if let path = htmlDestination {
      do { _ = try AtomicFileWriter.write(Array(report.html.utf8), to: path) } catch {
        throw DiagnosticError([.error("cannot write the report: \(error.reason)", file: path)])
      }
    }
    return report
  }

  /// Builds an empty module with the same flags and options (and on the same base, for an app
  /// snapshot): what V8 itself, or V8 and the base, put in every such snapshot, to compare with.
  private func buildFloor() throws(DiagnosticError) -> AnatomyReport.Floor? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapgen-anatomy-floor-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data("export {};\n".utf8).write(to: URL(fileURLWithPath: folder + "/empty.js"))
    } catch {
      throw DiagnosticError([.error("cannot prepare the empty build to compare with: \(error)")])
    }
    var empty = BuildConfiguration(root: folder, entryPoints: ["empty.js"])
    empty.v8Flags = configuration.v8Flags
    empty.options = configuration.options
    empty.base = configuration.base
    empty.baseTrustedKeys = configuration.baseTrustedKeys
    empty.ops = configuration.ops
    var build = IsolatedBuild(configuration: empty, executable: executable)
    build.timeout = timeout
    let inspected = try build.buildInspectingHeap()
    guard let graph = try? HeapGraph(json: inspected.heap.heapSnapshot) else { return nil }
    return AnatomyReport.Floor(
      blobBytes: inspected.output.file.header.rawSize, heapObjects: graph.count, heapBytes: graph.selfSizes.reduce(0, +),
      base: configuration.base.map { BaseSnapshot.location(of: $0, from: configuration.root) })
  }

  static let estimateMethod =
    "boot time spent deserialising (median isolate + context of the snapshot minus a bare V8 isolate + context) "
    + "split by each module's share of the heap objects beyond an empty snapshot's: V8's deserialiser costs per "
    + "object more than per byte"

  /// Warm boots of the shipped snapshot beside bare isolates, or the phases of ``bench``.
  private func measureBoot(_ file: SnapshotFile) throws(DiagnosticError) -> AnatomyReport.BootEstimate? {
    var totals: [Double] = []
    var phases: [String: Double] = [:]
    var floor: [String: Double] = [:]
    var source = ""
    if boots > 0 {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("snapgen-anatomy-\(UUID().uuidString).bin").path
      defer { try? FileManager.default.removeItem(atPath: path) }
      do {
        try Data(file.serialized()).write(to: URL(fileURLWithPath: path))
        try V8Engine.initialize(flags: configuration.v8Flags)
        _ = try BootBenchmark.snapshotBoot(path: path, ops: .standard, firstCall: "typeof globalThis")
        _ = try BootBenchmark.bareBoot()
        var samples: [BootBenchmark.Sample] = []
        var floorSamples: [BootBenchmark.Sample] = []
        for _ in 0..<boots {
          samples.append(try BootBenchmark.snapshotBoot(path: path, ops: .standard, firstCall: "typeof globalThis"))
          floorSamples.append(try BootBenchmark.bareBoot())
        }
        totals = samples.compactMap { $0["total"] }
        phases = BootBenchmark.summarize(samples).mapValues(\.median)
        floor = BootBenchmark.summarize(floorSamples).mapValues(\.median)
        source = "\(boots) warm boots in this process"
      } catch {
        throw DiagnosticError([.error("the snapshot could not be booted to measure it: \(error)")])
      }
    }
    if let bench {
      phases = bench.warm.snapshot.mapValues(\.median)
      floor = bench.warm.floor.mapValues(\.median)
      source = "snapgen bench report (\(bench.iterations) warm boots)" + (boots > 0 ? "; histogram: \(source)" : "")
    }
    guard !phases.isEmpty else { return nil }
    let deserialize = max(0, (phases["isolate"] ?? 0) + (phases["context"] ?? 0) - (floor["isolate"] ?? 0) - (floor["context"] ?? 0))
    return AnatomyReport.BootEstimate(
      source: source, phases: phases, floor: floor, totals: totals, deserializeMilliseconds: deserialize,
      method: Self.estimateMethod)
  }
}
