import CSnapgenBuildID

/// Which build of snapgen is running: the GNU build ID the linker wrote into the main
/// executable (a digest of its contents). Part of every cache key, so that a snapgen built from
/// other sources never reuses snapshots made by this one, even when its version string is the
/// same (a development build, a patched copy).
enum ExecutableIdentity {
  /// The build ID as hex, or `unknown` when the executable has none (stripped of its notes).
  static let buildID: String = {
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = min(sg_executable_build_id(&bytes, bytes.count), bytes.count)
    guard count > 0 else { return "unknown" }
    let digits = Array("0123456789abcdef")
    return String(bytes.prefix(count).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }()
}
