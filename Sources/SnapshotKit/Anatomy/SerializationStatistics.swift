/// What V8 10.2 prints with `--serialization-statistics` while it serialises: bytes per heap
/// space for each of its serialisers, and how the blob splits into its parts.
public struct SerializationStatistics: Sendable, Codable, Equatable {
  /// One serialiser's output (`StartupSerializer`, `ContextSerializer` …).
  public struct Serializer: Sendable, Codable, Equatable {
    public var name: String
    /// Bytes written per heap space (`old_space`, `code_space` …), in V8's order.
    public var spaces: [Space]
    /// The biggest instance types it wrote, by bytes.
    public var instanceTypes: [InstanceType]
  }

  /// Bytes of one space.
  public struct Space: Sendable, Codable, Equatable {
    public var name: String
    public var bytes: Int
  }

  /// Objects of one instance type that a serialiser wrote.
  public struct InstanceType: Sendable, Codable, Equatable {
    public var type: String
    public var space: String
    public var count: Int
    public var bytes: Int
  }

  /// The serialisers in the order V8 printed them.
  public var serializers: [Serializer] = []
  /// "Snapshot blob consists of": the parts of the blob (`startup`, `read-only`, `context #0` …).
  public var blobParts: [Space] = []
  /// "Deserialization will allocate": heap bytes per isolate and per context.
  public var deserializationAllocates: [Space] = []

  /// Whether V8 printed anything this parser understood.
  public var isEmpty: Bool { serializers.isEmpty && blobParts.isEmpty }

  /// Parses V8's text; lines it does not understand are skipped.
  public init(parsing text: String) {
    var section = ""
    var spaceNames: [String] = []
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let line = rawLine.trimmingCharacters(in: " \t\r")
      let words = line.split(separator: " ").map(String.init)
      if line.hasSuffix("Serializer:"), words.count == 1 {
        serializers.append(Serializer(name: String(line.dropLast()), spaces: [], instanceTypes: []))
        section = "serializer"
        spaceNames = []
      } else if line == "Snapshot blob consists of:" {
        section = "blob"
      } else if line == "Deserialization will allocate:" {
        section = "allocate"
      } else if section == "serializer", !serializers.isEmpty {
        if words.allSatisfy({ $0.hasSuffix("_space") }) {
          spaceNames = words
        } else if !spaceNames.isEmpty, words.count >= spaceNames.count,
          case let numbers = words.prefix(spaceNames.count).compactMap({ Int($0) }), numbers.count == spaceNames.count
        {
          serializers[serializers.count - 1].spaces = zip(spaceNames, numbers).map { Space(name: $0, bytes: $1) }
          spaceNames = []
        } else if words.count == 4, let count = Int(words[0]), let bytes = Int(words[1]) {
          serializers[serializers.count - 1].instanceTypes.append(
            InstanceType(type: words[3], space: words[2], count: count, bytes: bytes))
        }
      } else if section == "blob" || section == "allocate", words.count >= 3, let bytes = Int(words[0]), words[1] == "bytes" {
        let part = Space(name: words.dropFirst(words[2] == "for" || words[2] == "per" ? 3 : 2).joined(separator: " "), bytes: bytes)
        if section == "blob" { blobParts.append(part) } else { deserializationAllocates.append(part) }
      }
    }
    for index in serializers.indices {
      serializers[index].instanceTypes.sort { $0.bytes > $1.bytes }
    }
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var text = Substring(self)
    while let first = text.first, set.contains(first) { text.removeFirst() }
    while let last = text.last, set.contains(last) { text.removeLast() }
    return String(text)
  }
}
