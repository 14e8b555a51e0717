import ConsumerApp
import SnapshotKit
import Testing

@Suite("an app target whose snapshot SnapgenBuildPlugin builds on another target's")
struct ConsumerAppTests {
  @Test("boots the app snapshot and its main runs with the base's modules and globals in place")
  func runsMainOnTheBase() throws {
    let (runtime, code) = try ConsumerApp.run(["app", "layer"])
    #expect(code == 2)
    #expect(try runtime.evaluate("appOutput") == "HELLO, APP! HELLO, LAYER!")
    #expect(try runtime.evaluate("appGreeting") == "hello, layer")
    #expect(try runtime.evaluate("consumer.hello('base')") == "HELLO, BASE!")
  }
}
