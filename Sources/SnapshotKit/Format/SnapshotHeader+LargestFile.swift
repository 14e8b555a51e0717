extension SnapshotHeader {
  /// The largest snapshot file the format allows: the largest header, the largest blob stored
  /// with lz4's worst-case growth (n + n/255 + 16, rounded up here) and a signature trailer.
  /// Readers refuse bigger files before reading them.
  public static let largestFileSize = maximumHeaderSize + maximumRawSize + maximumRawSize / 128 + SnapshotSignature.trailerSize
}
