import Foundation
import SnapgenTestSupport
import Testing

/// Runs every folder of `Tests/Fixtures/bad-inputs`: each is refused with its expected exit code
/// and message, and nothing the user had is lost.
@Suite("bad-input catalogue")
struct BadInputFolderTests {
  static let previous = Data("previous snapshot.bin".utf8)

  @Test("a bad input is refused with a clear message and keeps the previous snapshot", arguments: BadInputFolder.all)
  func badInput(_ folder: BadInputFolder) async throws {
    let expected = try folder.expectation()
    let tree = try folder.copy()
    if expected.outputUntouched == true { try Self.previous.write(to: URL(fileURLWithPath: tree("snapshot.bin"))) }
    let arguments = expected.command.map { $0.replacingOccurrences(of: "$CASE", with: tree.path) }
    // Bad input must never hang snapgen: a case still running after two minutes fails.
    let result = try await SnapgenCLI.run(arguments, in: tree.path, timeLimit: .seconds(120))
    #expect(!result.timedOut, "\(folder.name): \(result)")
    #expect(result.status == expected.exitCode, "\(folder.name): \(result)")
    if let prefix = expected.stderrStartsWith {
      #expect(result.stderr.hasPrefix(prefix), "\(folder.name): \(result.stderr)")
    }
    for fragment in expected.stderrContains ?? [] {
      #expect(result.stderr.contains(fragment), "\(folder.name): '\(fragment)' not in \(result.stderr)")
    }
    for fragment in expected.stderrLacks ?? [] {
      #expect(!result.stderr.contains(fragment), "\(folder.name): '\(fragment)' leaked into \(result.stderr)")
    }
    if expected.outputUntouched == true {
      #expect(tree.contents(of: "snapshot.bin") == Self.previous, "\(folder.name): the previous snapshot.bin changed")
      #expect(tree.temporaries().isEmpty, "\(folder.name): \(tree.temporaries())")
    }
    if let absent = expected.outputAbsent {
      #expect(!FileManager.default.fileExists(atPath: tree(absent)), "\(folder.name): \(absent) was written")
    }
  }

  @Test("the catalogue holds every case it had as Swift, and each folder has an expected.json")
  func catalogueIsComplete() {
    let folders = BadInputFolder.all
    // 27 cases came from BadInputCatalogue.swift, 1 from ReliabilityTests' filesystem faults and
    // 8 from SnapgenCLITests' inline cases; a folder removed by mistake fails here.
    #expect(folders.count >= 36, "\(folders.map(\.name))")
    for folder in folders {
      #expect(FileManager.default.fileExists(atPath: folder.path + "/expected.json"), "\(folder.name)")
    }
  }

  @Test("no file of a case folder is one git ignores (a fresh clone would lack it, and the case would test something else)")
  func noCaseFileIsIgnored() throws {
    let folder = Repository.fixtures + "/bad-inputs"
    var files: [String] = []
    let walker = FileManager.default.enumerator(atPath: folder)
    while let name = walker?.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
        files.append("Tests/Fixtures/bad-inputs/" + name)
      }
    }
    #expect(files.count > 100)
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "-C", Repository.root, "check-ignore", "--no-index", "--stdin"]
    let input = Pipe()
    let output = Pipe()
    git.standardInput = input
    git.standardOutput = output
    try git.run()
    input.fileHandleForWriting.write(Data(files.joined(separator: "\n").utf8))
    try input.fileHandleForWriting.close()
    let ignored = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    git.waitUntilExit()
    // check-ignore exits 1 when nothing is ignored, 0 when something is, 128 on an error.
    #expect(git.terminationStatus == 1, "ignored by git: \(ignored)")
  }
}
