import Glibc

/// What the file system says about one version of a file: device, inode, size and the
/// modification and status-change times in nanoseconds.
///
/// Any write to a file, any `chmod`, `touch` or rename onto its path changes at least one of
/// these: a write moves the status-change time (`ctime`), which user programs cannot set back,
/// and a replaced file has another inode. The boot path relies on that to skip checking
/// a signature again for a file it checked before.
public struct FileIdentity: Hashable, Sendable {
  public let device: UInt64
  public let inode: UInt64
  public let size: Int64
  public let modified: Int64
  public let statusChanged: Int64

  init(_ status: stat) {
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
    statusChanged = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
  }
}
