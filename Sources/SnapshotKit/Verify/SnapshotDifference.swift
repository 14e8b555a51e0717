/// Where two snapshot files first differ, named by the format's regions: a header field, the
/// metadata (with the metadata keys that differ), the padding or a payload offset.
public struct SnapshotDifference: Codable, Equatable, Sendable, CustomStringConvertible {
  /// Byte offset of the first difference in the file.
  public var offset: Int
  /// `header.<field>`, `metadata`, `padding`, `payload` or `length`.
  public var region: String
  /// Offset inside the payload when the region is `payload`.
  public var payloadOffset: Int?
  /// Top-level metadata keys whose values differ (both files must have valid metadata).
  public var metadataKeys: [String]
  /// Every region that differs, in file order.
  public var regions: [String]

  /// Compares two files; nil when they are identical.
  public static func compare(_ expected: [UInt8], _ actual: [UInt8]) -> SnapshotDifference? {
    guard expected != actual else { return nil }
    let common = min(expected.count, actual.count)
    var first = common
    for index in 0..<common where expected[index] != actual[index] {
      first = index
      break
    }
    let layoutA = Layout(expected)
    var regions: [String] = []
    var index = 0
    while index < common {
      if expected[index] != actual[index] {
        let name = layoutA.region(at: index)
        if regions.last != name && !regions.contains(name) { regions.append(name) }
        // Skip to the end of this region in the expected file.
        index = max(index + 1, layoutA.end(of: index))
        continue
      }
      index += 1
    }
    if expected.count != actual.count { regions.append("length") }
    var keys: [String] = []
    if let a = try? SnapshotFile.parse(expected).metadata, let b = try? SnapshotFile.parse(actual).metadata {
      keys = a.differingKeys(from: b)
    }
    let region = first < common ? layoutA.region(at: first) : "length"
    let payloadOffset = region == "payload" ? first - layoutA.headerSize : nil
    return SnapshotDifference(
      offset: first, region: region, payloadOffset: payloadOffset, metadataKeys: keys, regions: regions)
  }

  public var description: String {
    var text = "first difference at byte \(offset): \(region)"
    if let payloadOffset { text += " (payload byte \(payloadOffset))" }
    if !metadataKeys.isEmpty { text += "; metadata keys that differ: \(metadataKeys.joined(separator: ", "))" }
    if regions.count > 1 { text += "; regions that differ: \(regions.joined(separator: ", "))" }
    return text
  }

  /// The regions of one file, from its own size fields (clamped to the file).
  struct Layout {
    var headerSize: Int
    var metadataEnd: Int

    init(_ bytes: [UInt8]) {
      let prefix = SnapshotHeader.prefixSize
      func field(_ offset: Int) -> Int {
        guard bytes.count >= offset + 4 else { return 0 }
        return bytes.withUnsafeBytes { Int($0.littleEndianUInt32(at: offset)) }
      }
      headerSize = min(max(field(SnapshotHeader.Offset.headerSize), prefix), max(bytes.count, prefix))
      metadataEnd = min(prefix + field(SnapshotHeader.Offset.metadataSize), headerSize)
    }

    /// The header's fields, named as reports name them (`header.<field>`).
    static let fields = SnapshotHeader.fields.map { (range: $0.range, name: "header." + $0.name) }

    func region(at offset: Int) -> String {
      if let field = Self.fields.first(where: { $0.range.contains(offset) }) { return field.name }
      if offset < metadataEnd { return "metadata" }
      if offset < headerSize { return "padding" }
      return "payload"
    }

    func end(of offset: Int) -> Int {
      if let field = Self.fields.first(where: { $0.range.contains(offset) }) { return field.range.upperBound }
      if offset < metadataEnd { return metadataEnd }
      if offset < headerSize { return headerSize }
      return Int.max
    }
  }
}

extension SnapshotMetadata {
  /// Top-level keys (as in the JSON) whose values differ.
  func differingKeys(from other: SnapshotMetadata) -> [String] {
    var keys: [String] = []
    if snapgenVersion != other.snapgenVersion { keys.append("snapgenVersion") }
    if v8Version != other.v8Version { keys.append("v8Version") }
    if v8Flags != other.v8Flags { keys.append("v8Flags") }
    if platform != other.platform { keys.append("platform") }
    if ops != other.ops { keys.append("ops") }
    if opTableDigest != other.opTableDigest { keys.append("opTableDigest") }
    if inputDigest != other.inputDigest { keys.append("inputDigest") }
    if modules != other.modules { keys.append("modules") }
    if entryPoints != other.entryPoints { keys.append("entryPoints") }
    if options != other.options { keys.append("options") }
    return keys.sorted()
  }
}
