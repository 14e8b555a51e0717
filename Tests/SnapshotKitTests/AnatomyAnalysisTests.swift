import Foundation
import SnapshotKit
import Testing

/// The heap-snapshot reader, dominators, module attribution, treemap and statistics parser of
/// `snapgen anatomy`, on small hand-made inputs whose answers are known.
@Suite("anatomy analysis")
struct AnatomyAnalysisTests {
  /// A heap snapshot in V8's JSON layout. Nodes: (type, name, self size, edges as (type, name, target)).
  static func heapSnapshot(_ nodes: [(String, String, Int, [(String, String, Int)])]) -> [UInt8] {
    let nodeTypes = ["hidden", "array", "string", "object", "code", "closure", "synthetic"]
    let edgeTypes = ["context", "element", "property", "internal", "hidden", "shortcut", "weak"]
    var strings: [String] = []
    func string(_ text: String) -> Int {
      if let index = strings.firstIndex(of: text) { return index }
      strings.append(text)
      return strings.count - 1
    }
    var nodeValues: [Int] = []
    var edgeValues: [Int] = []
    for (id, node) in nodes.enumerated() {
      nodeValues += [nodeTypes.firstIndex(of: node.0)!, string(node.1), id * 2 + 1, node.2, node.3.count, 0, 0]
      for edge in node.3 {
        let type = edgeTypes.firstIndex(of: edge.0)!
        let name = edge.0 == "element" || edge.0 == "hidden" ? Int(edge.1)! : string(edge.1)
        edgeValues += [type, name, edge.2 * 7]
      }
    }
    let document: [String: Any] = [
      "snapshot": [
        "meta": [
          "node_fields": ["type", "name", "id", "self_size", "edge_count", "trace_node_id", "detachedness"],
          "node_types": [nodeTypes, "string", "number", "number", "number", "number", "number"],
          "edge_fields": ["type", "name_or_index", "to_node"],
          "edge_types": [edgeTypes, "string_or_number", "node"],
        ],
        "node_count": nodes.count, "edge_count": edgeValues.count / 3,
      ],
      "nodes": nodeValues, "edges": edgeValues, "strings": strings,
    ]
    return [UInt8](try! JSONSerialization.data(withJSONObject: document))
  }

  @Test("dominators and retained sizes of a diamond with a weak edge")
  func dominators() throws {
    // root → a, root → b, a → c, b → c, c → d, a ⇢ e (weak only: unreachable)
    let graph = try HeapGraph(json: Self.heapSnapshot([
      ("synthetic", "", 0, [("element", "1", 1), ("element", "2", 2)]),
      ("object", "a", 10, [("property", "c", 3), ("weak", "e", 5)]),
      ("object", "b", 20, [("property", "c", 3)]),
      ("object", "c", 40, [("property", "d", 4)]),
      ("object", "d", 80, []),
      ("object", "e", 160, []),
    ]))
    let tree = DominatorTree(graph: graph)
    #expect(tree.immediateDominator == [0, 0, 0, 0, 3, -1])
    #expect(tree.retainedSizes == [150, 10, 20, 120, 80, 0])
    #expect(tree.depth == [0, 1, 1, 1, 2, -1])
  }

  @Test("modules own what their script, functions and closures alone keep alive; the rest adds up")
  func attribution() throws {
    let graph = try HeapGraph(json: Self.heapSnapshot([
      /* 0 */ ("synthetic", "", 0, [("element", "1", 1), ("element", "2", 5)]),
      /* 1 */ ("object", "global", 8, [("property", "f", 4), ("property", "g", 7), ("property", "shared", 10)]),
      /* 2 */ ("code", "a.js", 16, [("internal", "source", 3), ("internal", "name", 9)]),
      /* 3 */ ("string", "export function f() {}", 100, []),
      /* 4 */ ("closure", "f", 32, [("internal", "shared", 6), ("internal", "context", 8), ("property", "table", 11), ("internal", "code", 14)]),
      /* 5 */ ("object", "other root", 4, [("property", "h", 12)]),
      /* 6 */ ("code", "f", 24, [("internal", "script_or_debug_info", 2), ("internal", "function_data", 16)]),
      /* 7 */ ("closure", "g", 32, [("internal", "shared", 6), ("internal", "context", 8)]),
      /* 8 */ ("object", "system / Context", 48, [("property", "state", 13), ("property", "shared", 10)]),
      /* 9 */ ("string", "a.js", 20, []),
      /* 10 */ ("object", "shared with the global", 64, []),
      /* 11 */ ("array", "", 1000, []),
      /* 12 */ ("object", "h", 4, []),
      /* 13 */ ("object", "state", 12, []),
      /* 14 */ ("code", "(code for f)", 200, [("internal", "relocation_info", 15)]),
      /* 15 */ ("code", "(code relocation info)", 8, []),
      /* 16 */ ("code", "system / BytecodeArray", 64, []),
    ]))
    let tree = DominatorTree(graph: graph)
    let attribution = ModuleAttribution(graph: graph, tree: tree, moduleNames: ["a.js"])
    // Labelled: script, shared function info, both closures.
    #expect([2, 4, 6, 7].allSatisfy { attribution.label[$0] == 0 })
    // The table only f keeps; the context both closures keep (its dominator is the root, but
    // every retainer is a.js's), and the state only the context keeps.
    #expect([3, 9, 11, 8, 13].allSatisfy { attribution.owner[$0] == 0 })
    // Reached from outside a.js too, or never from it.
    #expect([0, 1, 5, 10, 12].allSatisfy { attribution.owner[$0] == -1 })

    let analysis = HeapAnalysis(graph: graph, modules: [("a.js", 22)])
    let module = try #require(analysis.modules.first)
    #expect(module.functions == 2)
    #expect(module.strings == 2)
    #expect(module.stringBytes == 120)
    #expect(module.bytes == 16 + 100 + 32 + 24 + 32 + 48 + 20 + 1000 + 12 + 200 + 8 + 64)
    #expect(module.bytecodeBytes == 64)
    #expect(module.largestFunctions.map(\.name) == ["f"])
    #expect(module.largestFunctions.map(\.bytecodeBytes) == [64])
    // f's optimised code and what only it keeps: heap, but not blob (V8 does not serialise it).
    #expect(module.jitCodeBytes == 208)
    #expect(analysis.jitCodeBytes == 208)
    #expect(module.bytes + analysis.unattributed.bytes == analysis.heapBytes)
    #expect(module.objects + analysis.unattributed.objects == analysis.heapObjects)
    // The biggest is f with its table (which is then not named again on its own).
    let biggest = try #require(module.biggestObjects.first)
    #expect(biggest.type == "closure" && biggest.name == "f")
    #expect(biggest.retainedBytes == 32 + 1000 + 208)
    #expect(biggest.retainingPath == ["global.f"])
    #expect(!module.biggestObjects.contains { $0.type == "array" })
  }

  @Test("a damaged heap snapshot is refused with a reason, not trusted")
  func damagedSnapshots() throws {
    #expect(throws: HeapGraph.FormatError.self) { try HeapGraph(json: Array("not json".utf8)) }
    #expect(throws: HeapGraph.FormatError.self) { try HeapGraph(json: Array("{\"snapshot\": {}}".utf8)) }
    var bytes = Self.heapSnapshot([("synthetic", "", 0, [("element", "1", 1)]), ("object", "a", 8, [])])
    // An edge that points past the last node.
    let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"edges\":[1,1,7]", with: "\"edges\":[1,1,70]")
    #expect(text != String(decoding: bytes, as: UTF8.self))
    bytes = Array(text.utf8)
    #expect(throws: HeapGraph.FormatError.self) { try HeapGraph(json: bytes) }
  }

  @Test("treemap cells fill the box, keep inside it, do not overlap, and follow the weights")
  func treemap() {
    let weights = [6.0, 3, 1, 0, 2]
    let cells = Treemap.layout(weights: weights, width: 300, height: 200)
    #expect(cells.map(\.item) == [0, 1, 2, 3, 4])
    let total = weights.reduce(0, +)
    for cell in cells {
      #expect(abs(cell.width * cell.height - weights[cell.item] / total * 60_000) < 1e-6)
      #expect(cell.x >= -1e-9 && cell.y >= -1e-9 && cell.x + cell.width <= 300 + 1e-6 && cell.y + cell.height <= 200 + 1e-6)
    }
    for a in cells {
      for b in cells where a.item < b.item {
        let overlapX = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
        let overlapY = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
        #expect(overlapX <= 1e-6 || overlapY <= 1e-6, "cells \(a.item) and \(b.item) overlap")
      }
    }
  }

  @Test("V8 10.2's --serialization-statistics text is parsed")
  func serializationStatistics() {
    // The layout V8 10.2 prints (numbers made up).
    let text = """
      ContextSerializer:
        Spaces (bytes):
       read_only_space       old_space      code_space       map_space
                     0            1200               0             300  Instance types (count and bytes):
             3         96  old_space  JS_MAP_TYPE
            10        800  old_space  FIXED_ARRAY_TYPE
      Deserialization will allocate:
         4000 bytes per isolate
          900 bytes per context #0
      Snapshot blob consists of:
         2500 bytes for startup
          700 bytes for context #0
      StartupSerializer:
        Spaces (bytes):
       read_only_space       old_space      code_space       map_space
                     0            2000              64               0  Instance types (count and bytes):
      """
    let statistics = SerializationStatistics(parsing: text)
    #expect(statistics.serializers.map(\.name) == ["ContextSerializer", "StartupSerializer"])
    #expect(statistics.serializers[0].spaces.map(\.bytes) == [0, 1200, 0, 300])
    let biggestType = statistics.serializers[0].instanceTypes.first
    #expect(biggestType?.type == "FIXED_ARRAY_TYPE" && biggestType?.space == "old_space")
    #expect(biggestType?.count == 10 && biggestType?.bytes == 800)
    #expect(statistics.serializers[1].spaces.first { $0.name == "code_space" }?.bytes == 64)
    #expect(statistics.blobParts.map(\.name) == ["startup", "context #0"])
    #expect(statistics.blobParts.map(\.bytes) == [2500, 700])
    #expect(statistics.deserializationAllocates.map(\.name) == ["isolate", "context #0"])
    #expect(statistics.deserializationAllocates.map(\.bytes) == [4000, 900])
    #expect(SerializationStatistics(parsing: "nothing V8 would print").isEmpty)
  }
}
