public import BundleResolver
import FoundationEssentials
import Glibc

/// A build whose heap was inspected just before serialisation (for `snapgen anatomy`).
public struct InspectedBuild: Sendable {
  /// The snapshot built from the inspected heap.
  public var output: BuildOutput
  /// The heap snapshot and space statistics.
  public var heap: HeapInspection
  /// What V8 printed on stdout while building (e.g. `--serialization-statistics` tables).
  public var printed: String
}

extension IsolatedBuild {
  static let inspectionKind: UInt8 = 0x41  // "A"
  static let inspectVariable = "SNAPGEN_CHILD_INSPECT"

  /// Builds in a child as ``build()`` does, and also brings back a heap snapshot taken right
  /// before `CreateBlob` and everything V8 printed on stdout.
  public func buildInspectingHeap() throws(DiagnosticError) -> InspectedBuild {
    var build = self
    build.inspectsHeap = true
    let answer = try build.runToAnswer()
    guard answer.kind == Self.inspectionKind else {
      if answer.kind == Self.diagnosticsKind { throw Self.diagnostics(in: answer.body) }
      throw DiagnosticError([.error("the build process returned no heap snapshot")])
    }
    let body = Array(answer.body)
    var offset = 0
    func chunk() throws(DiagnosticError) -> ArraySlice<UInt8> {
      guard body.count - offset >= 8 else { throw DiagnosticError([.error("the build process returned a truncated answer")]) }
      let length = body.withUnsafeBytes { $0.littleEndianUInt64(at: offset) }
      guard length <= UInt64(body.count - offset - 8) else {
        throw DiagnosticError([.error("the build process returned a truncated answer")])
      }
      defer { offset += 8 + Int(length) }
      return body[(offset + 8)..<(offset + 8 + Int(length))]
    }
    let spacesJSON = try chunk()
    let heapSnapshot = try chunk()
    let spaces: [HeapInspection.Space]
    do { spaces = try JSONDecoder().decode([HeapInspection.Space].self, from: Data(spacesJSON)) } catch {
      throw DiagnosticError([.error("the build process returned damaged heap statistics: \(error)")])
    }
    let output = try Self.decodeOutput(body[offset...])
    return InspectedBuild(
      output: output, heap: HeapInspection(heapSnapshot: Array(heapSnapshot), spaces: spaces),
      printed: String(decoding: answer.printed, as: UTF8.self))
  }

  /// The inspection part of an answer: two length-prefixed chunks (8 bytes little-endian each),
  /// the spaces as JSON and the heap snapshot; the ordinary answer follows.
  static func encodeInspection(_ inspection: HeapInspection) throws -> [UInt8] {
    let spaces = [UInt8](try JSONEncoder().encode(inspection.spaces))
    func prefixed(_ bytes: [UInt8]) -> [UInt8] {
      withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { Array($0) } + bytes
    }
    return prefixed(spaces) + prefixed(inspection.heapSnapshot)
  }
}
