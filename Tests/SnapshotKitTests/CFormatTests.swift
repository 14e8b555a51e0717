import SnapshotKit
import Testing

@Suite("String(cFormat:)")
struct CFormatTests {
  @Test("numbers, widths and %% as printf formats them")
  func numbers() {
    #expect(String(cFormat: "%.2f ms", 1.25) == "1.25 ms")
    #expect(String(cFormat: "%.3f", 2.0 / 3.0) == "0.667")
    #expect(String(cFormat: "%7.2f|", 3.14159) == "   3.14|")
    #expect(String(cFormat: "%.1f%%", 12.34) == "12.3%")
    #expect(String(cFormat: "%ld acquires", 1 << 40) == "1099511627776 acquires")
  }

  @Test("%@ takes a String, with flags and width")
  func strings() {
    #expect(String(cFormat: "%@ median %.3f ms", "warm", 1.5) == "warm median 1.500 ms")
    #expect(String(cFormat: "[%-6@]", "ab") == "[ab    ]")
    #expect(String(cFormat: "[%6@]", "ab") == "[    ab]")
    #expect(String(cFormat: "fill=\"%@\"", "#d5d8de") == "fill=\"#d5d8de\"")
  }

  @Test("output longer than the first buffer, and a lone % at the end")
  func longAndTrailing() {
    let long = String(repeating: "x", count: 1000)
    #expect(String(cFormat: "%@!", long) == long + "!")
    #expect(String(cFormat: "100%") == "100%")
  }
}
