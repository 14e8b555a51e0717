import Foundation
import SnapshotKit
import Testing

@Suite("atomic writes")
struct AtomicFileWriterTests {
  @Test("writes, then leaves identical bytes alone")
  func writeThenUnchanged() throws {
    let folder = try Fixtures.temporaryFolder()
    let path = folder + "/out.bin"
    #expect(try AtomicFileWriter.write([1, 2, 3], to: path) == .written)
    let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    #expect(try AtomicFileWriter.write([1, 2, 3], to: path) == .unchanged)
    let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    #expect(before == after)
    #expect(try AtomicFileWriter.write([4], to: path) == .written)
    #expect(FileManager.default.contents(atPath: path) == Data([4]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.bin"])
  }

  @Test("a target that is a folder, or in a missing folder, is an error and nothing is left behind")
  func unwritableTargets() throws {
    let folder = try Fixtures.temporaryFolder()
    try FileManager.default.createDirectory(atPath: folder + "/dir", withIntermediateDirectories: false)
    #expect(throws: AtomicFileWriter.WriteError.self) { try AtomicFileWriter.write([1], to: folder + "/dir") }
    #expect(throws: AtomicFileWriter.WriteError.self) { try AtomicFileWriter.write([1], to: folder + "/missing/out.bin") }
    try Data([9]).write(to: URL(fileURLWithPath: folder + "/file"))
    #expect(throws: AtomicFileWriter.WriteError.self) { try AtomicFileWriter.write([1], to: folder + "/file/out.bin") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["dir", "file"])
  }
}
