import Glibc
import SnapgenCrypto
import Synchronization

/// The signature checks this process has already passed, by file version, so that booting the
/// same signed snapshot again (every boot after the first in a server, a pool or a benchmark)
/// does not hash its payload and verify its signature again.
///
/// A check is remembered under the file's ``FileIdentity`` (device, inode, size, modification
/// and status-change times, equal before and after the read) together with the key that
/// signed it. Changing the file's bytes moves its status-change time, and replacing it gives it
/// another inode, so a changed file is checked again. A file whose status changed less than
/// ``defaultSettleTime`` before the check is not remembered: a second write within the file system's
/// timestamp granularity could otherwise keep the same identity (Git treats "racily clean"
/// index entries the same way). Someone who can set the system clock back can defeat this,
/// and can also replace the trusted key or the runtime itself.
public final class SignatureCheckMemo: Sendable {
  /// The memo ``JSRuntime/boot(snapshotAt:ops:trustedKeys:)`` uses.
  public static let shared = SignatureCheckMemo()

  /// Files changed more recently than this (nanoseconds) before a check are not remembered.
  public static let defaultSettleTime: Int64 = 2_000_000_000
  /// At most this many file versions are remembered; the memo starts again when it is full.
  public static let capacity = 64

  private let signers = Mutex<[FileIdentity: Ed25519.PublicKey]>([:])
  let settleTime: Int64

  init(settleTime: Int64 = SignatureCheckMemo.defaultSettleTime) { self.settleTime = settleTime }

  /// True when this version of a file was checked before and its signer is among `keys`.
  func isTrusted(_ identity: FileIdentity, by keys: [Ed25519.PublicKey]) -> Bool {
    guard let signer = signers.withLock({ $0[identity] }) else { return false }
    return keys.contains(signer)
  }

  /// Remembers that `signer` signed this version of a file, unless it changed too recently.
  func remember(_ identity: FileIdentity, signer: Ed25519.PublicKey) {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    guard identity.statusChanged <= nanoseconds - settleTime else { return }
    signers.withLock { table in
      if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
      table[identity] = signer
    }
  }

  /// How many file versions are remembered.
  public var count: Int { signers.withLock { $0.count } }

  /// Forgets every check, so that the next boot of each file checks its signature again.
  public func removeAll() { signers.withLock { $0.removeAll() } }
}
