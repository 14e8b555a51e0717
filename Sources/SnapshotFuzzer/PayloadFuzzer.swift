public import SnapgenCrypto
public import SnapshotKit

/// A seeded mutation fuzzer for what lies behind the checksums: the V8 blob of a real snapshot.
///
/// Each mutant is the snapshot's blob with a few bytes changed, wrapped again into a
/// well-formed file (both CRCs valid, the same metadata), and disguised one of three ways: left
/// unsigned, signed by an attacker's own key, or carrying the original file's signature trailer.
/// ``run(count:ops:)`` boots every mutant with the original signer as the only trusted key and
/// counts how each was refused. A runtime that requires signatures must refuse every one of
/// them before V8 sees a byte; a mutant that boots, or a refusal for any other reason, is a
/// finding. (Without trusted keys nothing but V8 stands between such a blob and the heap: see
/// the README's "Fuzzing" section.)
public struct PayloadFuzzer {
  /// How a mutant tries to pass for a trusted file.
  public enum Disguise: String, CaseIterable, Sendable {
    case unsigned
    case attackerSigned
    case transplantedSignature
  }

  /// What a run did.
  public struct Summary: Sendable, CustomStringConvertible {
    public var inputs = 0
    /// Mutants refused because of their signature, by disguise.
    public var refusedUntrusted: [String: Int] = [:]
    /// Mutants that booted: each one is a hole.
    public var booted = 0
    /// Mutants refused for another reason (the reason's text, first 80 characters).
    public var otherRefusals: [String: Int] = [:]

    public init() {}

    public var description: String {
      let refused = refusedUntrusted.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      let other = otherRefusals.isEmpty ? "" : "; other refusals: \(otherRefusals)"
      return "\(inputs) mutants, \(booted) booted; refused as untrusted: \(refused)\(other)"
    }
  }

  private var random: SplitMix64
  private let original: SnapshotFile
  private let blob: [UInt8]
  private let attacker: Ed25519.PrivateKey
  /// The key the original file is signed with: the one trusted key of a run.
  public let trustedKey: Ed25519.PublicKey

  /// A fuzzer over `snapshot`, which is re-signed with a fresh key that becomes the trusted one.
  public init(snapshot: SnapshotFile, seed: UInt64) throws {
    random = SplitMix64(seed: seed)
    let signer = try Ed25519.PrivateKey()
    original = try snapshot.signed(with: signer)
    trustedKey = try signer.publicKey
    blob = try snapshot.blob()
    attacker = try Ed25519.PrivateKey()
  }

  /// The next mutant's bytes and its disguise (`only`, or one picked at random).
  public mutating func nextMutant(only: Disguise? = nil) throws -> (bytes: [UInt8], disguise: Disguise) {
    var mutated = blob
    for _ in 0..<(1 + Int(random.next() % 4)) { mutate(&mutated) }
    // A mutation can write what was there; the original blob under its own signature is no mutant.
    while mutated == blob { mutate(&mutated) }
    let rewrapped = try SnapshotFile(blob: mutated, metadata: original.metadata)
    let disguise = only ?? Disguise.allCases[Int(random.next() % UInt64(Disguise.allCases.count))]
    switch disguise {
    case .unsigned:
      return (rewrapped.serialized(), disguise)
    case .attackerSigned:
      return (try rewrapped.signed(with: attacker).serialized(), disguise)
    case .transplantedSignature:
      // The attacker's own signature, then the trusted signer's public key and signature
      // copied over it: a well-formed signed file whose signature belongs to another payload.
      var bytes = try rewrapped.signed(with: attacker).serialized()
      let trailer = original.signature!.trailer
      bytes.replaceSubrange((bytes.count - trailer.count)..., with: trailer)
      return (bytes, disguise)
    }
  }

  /// Boots `count` mutants with ``trustedKey`` required and counts how each ended. A crash
  /// ends the process, which is the failure a fuzzer looks for.
  public mutating func run(count: Int, ops: OpRegistry) throws -> Summary {
    var summary = Summary()
    for _ in 0..<count {
      let (bytes, disguise) = try nextMutant()
      summary.inputs += 1
      do {
        let file = try SnapshotFile.parse(bytes)
        _ = try JSRuntime.boot(from: file, ops: ops, trustedKeys: [trustedKey])
        summary.booted += 1
      } catch let error as RuntimeError {
        if case .untrusted = error {
          summary.refusedUntrusted[disguise.rawValue, default: 0] += 1
        } else {
          summary.otherRefusals[String(error.description.prefix(80)), default: 0] += 1
        }
      } catch {
        summary.otherRefusals[String(String(describing: error).prefix(80)), default: 0] += 1
      }
    }
    return summary
  }

  private mutating func mutate(_ bytes: inout [UInt8]) {
    guard !bytes.isEmpty else { return }
    let position = Int(random.next() % UInt64(bytes.count))
    switch random.next() % 4 {
    case 0: bytes[position] ^= UInt8(1 << (random.next() % 8))
    case 1: bytes[position] = UInt8(truncatingIfNeeded: random.next())
    case 2:  // copy a slice over another place (plausible object layouts)
      let length = 1 + Int(random.next() % UInt64(min(64, max(1, bytes.count / 2))))
      guard bytes.count > length else { return }
      let from = Int(random.next() % UInt64(bytes.count - length))
      let to = Int(random.next() % UInt64(bytes.count - length))
      let slice = Array(bytes[from..<(from + length)])
      bytes.replaceSubrange(to..<(to + length), with: slice)
    default:  // a 32-bit little-endian word set to a boundary value
      guard bytes.count >= 4 else { return }
      let at = Int(random.next() % UInt64(bytes.count - 3))
      let values: [UInt32] = [0, 1, 0x7fff_ffff, 0xffff_ffff, 0x8000_0000, UInt32(bytes.count)]
      let value = values[Int(random.next() % UInt64(values.count))]
      for index in 0..<4 { bytes[at + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }
  }
}
