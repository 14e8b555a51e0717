import Glibc
import Foundation

/// A process and everything it started, read from `/proc` (Linux).
///
/// The runner kills a timed-out program this way rather than through a process group of its own:
/// a child left in the test runner's process group is still reached when a caller (such as
/// `scripts/test.sh`'s timeout) kills that whole group.
enum ProcessTree {
  /// `root` and its descendants, parents before children.
  static func members(of root: pid_t) -> [pid_t] {
    var children: [pid_t: [pid_t]] = [:]
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
      guard let pid = pid_t(entry), let parent = parentID(of: pid) else { continue }
      children[parent, default: []].append(pid)
    }
    var found = [root]
    var index = 0
    while index < found.count {
      found += children[found[index]] ?? []
      index += 1
    }
    return found
  }

  /// Sends SIGKILL to `root` and every descendant.
  static func kill(_ root: pid_t) {
    for pid in members(of: root) { Glibc.kill(pid, SIGKILL) }
  }

  /// The parent from `/proc/<pid>/stat` ("pid (comm) state ppid …"; comm may hold spaces).
  private static func parentID(of pid: pid_t) -> pid_t? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    return fields.count > 1 ? pid_t(fields[1]) : nil
  }
}
