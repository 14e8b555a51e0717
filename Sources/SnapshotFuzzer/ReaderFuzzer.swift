import SnapshotKit

/// A seeded mutation fuzzer for the `snapshot.bin` reader. It needs no V8: the seeds are
/// well-formed files around synthetic blobs, and every input goes through
/// ``SnapshotFile/parse(_:)`` and, when that accepts it, through decompression.
///
/// A third of the mutants get their CRCs re-sealed after mutation, so that the metadata JSON,
/// the size checks and the codecs are fuzzed too, not just the checksum guard.
public struct ReaderFuzzer {
  /// What a run did.
  public struct Summary: Sendable, CustomStringConvertible {
    public var inputs = 0
    /// Inputs the reader accepted (parsed and decompressed).
    public var accepted = 0
    /// Inputs whose CRCs were re-sealed after mutation.
    public var resealed = 0
    /// Rejections by reason (the error's case name).
    public var rejections: [String: Int] = [:]

    public init() {}

    public var description: String {
      let reasons = rejections.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      return "\(inputs) inputs, \(accepted) accepted, \(resealed) re-sealed; rejected: \(reasons)"
    }
  }

  private var random: SplitMix64
  private let seeds: [[UInt8]]

  public init(seed: UInt64) {
    random = SplitMix64(seed: seed)
    seeds = Self.makeSeeds()
  }

  /// Runs `count` mutated inputs through the reader. A crash ends the process (that is the
  /// failure a fuzzer looks for); everything else is counted.
  public mutating func run(count: Int) -> Summary {
    var summary = Summary()
    for _ in 0..<count {
      var input = seeds[Int(random.next() % UInt64(seeds.count))]
      let rounds = 1 + Int(random.next() % 4)
      for _ in 0..<rounds { mutate(&input) }
      if random.next() % 3 == 0 {
        Self.reseal(&input)
        summary.resealed += 1
      }
      summary.inputs += 1
      do {
        let file = try SnapshotFile.parse(input)
        _ = try file.blob()
        _ = file.serialized()
        summary.accepted += 1
      } catch {
        summary.rejections[Self.caseName(error), default: 0] += 1
      }
    }
    return summary
  }

  static func caseName(_ error: SnapshotFormatError) -> String {
    switch error {
    case .emptyFile: return "emptyFile"
    case .badMagic: return "badMagic"
    default: return Mirror(reflecting: error).children.first?.label ?? "unknown"
    }
  }

  // MARK: - Mutations

  private mutating func mutate(_ input: inout [UInt8]) {
    let choice = random.next() % 10
    let position = input.isEmpty ? 0 : Int(random.next() % UInt64(input.count))
    switch choice {
    case 0, 1:  // flip a bit
      if !input.isEmpty { input[position] ^= UInt8(1 << (random.next() % 8)) }
    case 2:  // random byte
      if !input.isEmpty { input[position] = UInt8(truncatingIfNeeded: random.next()) }
    case 3:  // interesting value in a header field
      let fields = [8, 12, 16, 24, 32, 44]
      let offset = fields[Int(random.next() % UInt64(fields.count))]
      let values: [UInt64] = [0, 1, 15, 16, 63, 64, 65, 0x7fff_ffff, 0xffff_ffff, 1 << 31, UInt64.max, UInt64(input.count)]
      let value = values[Int(random.next() % UInt64(values.count))]
      for index in 0..<8 where offset + index < input.count && (index < 4 || offset == 24 || offset == 32) {
        input[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))
      }
    case 4:  // truncate
      input.removeSubrange(position...)
    case 5:  // append junk
      input += (0..<(1 + random.next() % 32)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    case 6:  // delete a run
      let end = min(input.count, position + 1 + Int(random.next() % 16))
      input.removeSubrange(position..<end)
    case 7:  // insert a run
      input.insert(contentsOf: (0..<(1 + random.next() % 16)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
    case 8:  // JSON-significant characters inside the metadata
      let tokens = Array("{}[]\",:0123456789-etrufalsn\\".utf8)
      let start = min(64, input.count)
      if input.count > start {
        let index = start + Int(random.next() % UInt64(input.count - start))
        input[index] = tokens[Int(random.next() % UInt64(tokens.count))]
      }
    default:  // duplicate a slice over another place
      guard input.count > 2 else { return }
      let length = 1 + Int(random.next() % UInt64(min(64, input.count / 2)))
      let from = Int(random.next() % UInt64(input.count - length))
      let to = Int(random.next() % UInt64(input.count - length))
      let slice = Array(input[from..<(from + length)])
      input.replaceSubrange(to..<(to + length), with: slice)
    }
  }

  /// Recomputes both CRCs from the (possibly mutated) size fields, where they fit the input.
  static func reseal(_ input: inout [UInt8]) {
    guard input.count >= SnapshotHeader.prefixSize else { return }
    func u32(_ offset: Int) -> Int {
      Int(input[offset]) | Int(input[offset + 1]) << 8 | Int(input[offset + 2]) << 16 | Int(input[offset + 3]) << 24
    }
    func store(_ value: UInt32, at offset: Int) {
      for index in 0..<4 { input[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }
    let headerSize = u32(12)
    guard headerSize >= SnapshotHeader.prefixSize, headerSize <= input.count else { return }
    store(CRC32.checksum(Array(input[headerSize...])), at: 40)
    store(0, at: 20)
    store(CRC32.checksum(Array(input[0..<headerSize])), at: 20)
  }

  // MARK: - Seeds

  static func makeSeeds() -> [[UInt8]] {
    var seeds: [[UInt8]] = []
    let metadata = SnapshotMetadata(
      snapgenVersion: "0.1.0", v8Version: "10.2.154.26-node.37", v8Flags: ["--no-lazy"], platform: "linux-x86_64",
      ops: [OpDescriptor(name: "op_print", kind: .sync, arity: 2), OpDescriptor(name: "op_read", kind: .async, arity: 1)],
      opTableDigest: String(repeating: "ab", count: 32), inputDigest: String(repeating: "cd", count: 32),
      modules: [.init(name: "src/main.js", sha256: String(repeating: "0f", count: 32), size: 120)],
      entryPoints: ["src/main.js"], options: BuildOptions())
    var generator = SplitMix64(seed: 7)
    for (size, codec) in [(1, PayloadCodec.zlib), (300, .zlib), (4096, .none), (20_000, .zlib), (64, .none)] {
      // Compressible but not trivial, like a real blob.
      let blob = (0..<size).map { index in index % 7 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : UInt8(index % 251) }
      var options = metadata.options
      options.codec = codec
      var seedMetadata = metadata
      seedMetadata.options = options
      if let file = try? SnapshotFile(blob: blob, metadata: seedMetadata) { seeds.append(file.serialized()) }
    }
    return seeds
  }
}
