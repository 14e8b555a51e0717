/// The choices a snapshot was built with, recorded in its header.
public struct BuildOptions: Codable, Equatable, Sendable {
  /// Whether compiled bytecode is kept in the snapshot or functions are made lazy again.
  public enum FunctionCode: String, Codable, Sendable, CaseIterable {
    case keep, clear
  }

  public var functionCode: FunctionCode
  public var codec: PayloadCodec
  /// Compression level (1–12) for lz4 and zlib.
  public var compressionLevel: Int
  /// Whether V8's hash and random seeds were fixed so that builds are byte-identical.
  public var deterministic: Bool

  public init(
    functionCode: FunctionCode = .keep, codec: PayloadCodec = .lz4, compressionLevel: Int = 9,
    deterministic: Bool = true
  ) {
    self.functionCode = functionCode
    self.codec = codec
    self.compressionLevel = compressionLevel
    self.deterministic = deterministic
  }

  enum CodingKeys: String, CodingKey {
    case functionCode, codec, compressionLevel, deterministic
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    functionCode = try container.decode(FunctionCode.self, forKey: .functionCode)
    let codecName = try container.decode(String.self, forKey: .codec)
    guard let codec = PayloadCodec(name: codecName) else {
      throw DecodingError.dataCorruptedError(
        forKey: .codec, in: container, debugDescription: "unknown codec \(codecName)")
    }
    self.codec = codec
    compressionLevel = try container.decode(Int.self, forKey: .compressionLevel)
    deterministic = try container.decode(Bool.self, forKey: .deterministic)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(functionCode, forKey: .functionCode)
    try container.encode(codec.name, forKey: .codec)
    try container.encode(compressionLevel, forKey: .compressionLevel)
    try container.encode(deterministic, forKey: .deterministic)
  }
}
