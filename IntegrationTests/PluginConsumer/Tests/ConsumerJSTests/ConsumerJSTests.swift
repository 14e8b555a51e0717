import ConsumerJS
import SnapshotKit
import Testing

@Suite("a package that applies SnapgenBuildPlugin")
struct ConsumerJSTests {
  @Test("boots from the snapshot that shipped as its resource and runs its JavaScript")
  func bootsFromBundledSnapshot() throws {
    let runtime = try ConsumerJS.boot()
    #expect(try runtime.evaluate("consumer.hello('plugin')") == "HELLO, PLUGIN!")
  }
}
