import CSnapgenICU

/// A streaming ICU-backed decoder for one encoding of the Encoding Standard (all but UTF-8,
/// replacement and x-user-defined, which internal JS decodes itself). Freed on deinit.
/// Unchecked: a decoder is used only under its ``NativeResourceTable``'s lock.
final class NativeTextDecoder: @unchecked Sendable {
  private let handle: OpaquePointer

  /// nil when ICU has no converter for `encoding` (an Encoding Standard name).
  init?(encoding: String, fatal: Bool) {
    guard let handle = sg_text_decoder_open(encoding, fatal ? 1 : 0) else { return nil }
    self.handle = handle
  }

  deinit { sg_text_decoder_close(handle) }

  /// Decodes `bytes`; with `flush`, the end of the stream. Malformed input in fatal mode is a
  /// TypeError (and resets the decoder, as the standard's decode() does).
  func decode(_ bytes: [UInt8], flush: Bool) throws(OpError) -> String {
    var output: UnsafeMutablePointer<UInt16>?
    var length = 0
    let status = bytes.withUnsafeBufferPointer {
      sg_text_decoder_decode(handle, $0.baseAddress, $0.count, flush ? 1 : 0, &output, &length)
    }
    defer { sg_text_decoder_free(output) }
    switch status {
    case 0:
      guard let output else { return "" }
      return String(decoding: UnsafeBufferPointer(start: output, count: length), as: UTF16.self)
    case 1: throw .typeError("The encoded data was not valid")
    default: throw .rangeError("out of memory while decoding")
    }
  }
}
