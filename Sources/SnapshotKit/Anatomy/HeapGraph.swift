import FoundationEssentials
import Glibc

/// A V8 heap snapshot (the `.heapsnapshot` JSON) as flat arrays: nodes with their type, name
/// and self size, and the edges between them. Node 0 is V8's synthetic root.
public struct HeapGraph: Sendable {
  /// A heap snapshot that is not what V8 writes.
  public struct FormatError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// V8's node type names (`hidden`, `array`, `string`, `object`, `code`, `closure` …).
  public let nodeTypeNames: [String]
  /// V8's edge type names (`context`, `element`, `property`, `internal`, `hidden`, `shortcut`, `weak`).
  public let edgeTypeNames: [String]
  /// The snapshot's string table.
  public let strings: [String]
  let nodeTypes: [Int32]
  let nodeNames: [Int32]
  /// Bytes each node occupies itself.
  public let selfSizes: [Int]
  /// Node `i`'s edges are `firstEdge[i]..<firstEdge[i + 1]`.
  let firstEdge: [Int]
  let edgeTypes: [Int32]
  /// The name's string index, or the element index, depending on the edge type.
  let edgeNames: [Int]
  let edgeTargets: [Int32]

  /// The number of nodes.
  public var count: Int { selfSizes.count }

  /// Parses V8's heap snapshot JSON.
  public init(json: [UInt8]) throws(FormatError) {
    let root: HeapSnapshotJSON
    do { root = try JSONDecoder().decode(HeapSnapshotJSON.self, from: Data(json)) } catch {
      throw FormatError(description: "the heap snapshot lacks its meta data, nodes, edges or strings, or is not JSON: \(error)")
    }
    let meta = root.snapshot.meta
    let nodeFields = meta.node_fields, edgeFields = meta.edge_fields
    let nodes = root.nodes, edges = root.edges, strings = root.strings
    guard let nodeTypeList = meta.node_types.first?.names, let edgeTypeList = meta.edge_types.first?.names else {
      throw FormatError(description: "the heap snapshot's meta data names no node or edge types")
    }
    func field(_ list: [String], _ name: String) throws(FormatError) -> Int {
      guard let index = list.firstIndex(of: name) else { throw FormatError(description: "the heap snapshot has no \(name) field") }
      return index
    }
    let typeField = try field(nodeFields, "type"), nameField = try field(nodeFields, "name")
    let sizeField = try field(nodeFields, "self_size"), edgeCountField = try field(nodeFields, "edge_count")
    let edgeTypeField = try field(edgeFields, "type"), edgeNameField = try field(edgeFields, "name_or_index")
    let targetField = try field(edgeFields, "to_node")
    let nodeWidth = nodeFields.count, edgeWidth = edgeFields.count
    guard nodes.count % nodeWidth == 0, edges.count % edgeWidth == 0, nodes.count > 0 else {
      throw FormatError(description: "the heap snapshot's node or edge table has a partial row")
    }
    let nodeCount = nodes.count / nodeWidth
    var nodeTypes = [Int32](), nodeNames = [Int32](), selfSizes = [Int](), firstEdge = [0]
    nodeTypes.reserveCapacity(nodeCount)
    for node in 0..<nodeCount {
      let base = node * nodeWidth
      let type = nodes[base + typeField], name = nodes[base + nameField], edgeCount = nodes[base + edgeCountField]
      guard (0..<nodeTypeList.count).contains(type), (0..<strings.count).contains(name), edgeCount >= 0,
        nodes[base + sizeField] >= 0
      else { throw FormatError(description: "node \(node) of the heap snapshot is out of range") }
      nodeTypes.append(Int32(type))
      nodeNames.append(Int32(name))
      selfSizes.append(nodes[base + sizeField])
      firstEdge.append(firstEdge[node] + edgeCount)
    }
    guard firstEdge[nodeCount] * edgeWidth == edges.count else {
      throw FormatError(description: "the heap snapshot's edge counts do not match its edge table")
    }
    let edgeCount = edges.count / edgeWidth
    var edgeTypes = [Int32](), edgeNames = [Int](), edgeTargets = [Int32]()
    edgeTypes.reserveCapacity(edgeCount)
    for edge in 0..<edgeCount {
      let base = edge * edgeWidth
      let type = edges[base + edgeTypeField], target = edges[base + targetField]
      guard (0..<edgeTypeList.count).contains(type), target >= 0, target % nodeWidth == 0, target / nodeWidth < nodeCount
      else { throw FormatError(description: "edge \(edge) of the heap snapshot is out of range") }
      edgeTypes.append(Int32(type))
      edgeNames.append(edges[base + edgeNameField])
      edgeTargets.append(Int32(target / nodeWidth))
    }
    self.nodeTypeNames = nodeTypeList
    self.edgeTypeNames = edgeTypeList
    self.strings = strings
    self.nodeTypes = nodeTypes
    self.nodeNames = nodeNames
    self.selfSizes = selfSizes
    self.firstEdge = firstEdge
    self.edgeTypes = edgeTypes
    self.edgeNames = edgeNames
    self.edgeTargets = edgeTargets
  }

  /// Node `node`'s type name.
  public func type(of node: Int) -> String { nodeTypeNames[Int(nodeTypes[node])] }
  /// Node `node`'s name (a function's name, a constructor's, a string's text, `system / Map` …).
  public func name(of node: Int) -> String { strings[Int(nodeNames[node])] }

  /// The edges leaving `node`, as indices for ``edgeName(_:)``, ``edgeType(_:)`` and ``target(of:)``.
  public func edges(of node: Int) -> Range<Int> { firstEdge[node]..<firstEdge[node + 1] }
  /// The type name of edge `edge`.
  public func edgeType(_ edge: Int) -> String { edgeTypeNames[Int(edgeTypes[edge])] }
  /// The node edge `edge` points to.
  public func target(of edge: Int) -> Int { Int(edgeTargets[edge]) }
  /// A property or internal edge's name, or an element or hidden edge's index as text.
  public func edgeName(_ edge: Int) -> String {
    switch edgeType(edge) {
    case "element", "hidden":
      return "[\(edgeNames[edge])]"
    default:
      let index = edgeNames[edge]
      return (0..<strings.count).contains(index) ? strings[index] : "?"
    }
  }
  /// Whether edge `edge` keeps its target alive (every edge but V8's weak ones).
  public func isStrong(_ edge: Int) -> Bool { edgeType(edge) != "weak" }

  /// The first target of an edge named `name` leaving `node`.
  public func child(of node: Int, named name: String) -> Int? {
    for edge in edges(of: node) where edgeType(edge) != "element" && edgeType(edge) != "hidden" {
      if edgeName(edge) == name { return target(of: edge) }
    }
    return nil
  }
}

/// The parts of V8's heap snapshot JSON that ``HeapGraph`` reads.
private struct HeapSnapshotJSON: Decodable {
  struct Snapshot: Decodable { let meta: Meta }
  struct Meta: Decodable {
    // swift-format-ignore: AlwaysUseLowerCamelCase
    let node_fields: [String], edge_fields: [String], node_types: [FieldType], edge_types: [FieldType]
  }
  /// A field's type: the list of names of an enumerated field, or a type name ("string", "number").
  enum FieldType: Decodable {
    case names([String])
    case named(String)

    var names: [String]? {
      if case .names(let names) = self { return names }
      return nil
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let names = try? container.decode([String].self) { self = .names(names) } else { self = .named(try container.decode(String.self)) }
    }
  }
  let snapshot: Snapshot
  let nodes: [Int]
  let edges: [Int]
  let strings: [String]
}
