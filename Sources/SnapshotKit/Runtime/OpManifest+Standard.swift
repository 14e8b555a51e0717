extension OpManifest {
  /// The ops every snapgen runtime provides (see ``DefaultOps``).
  public static let standard: OpManifest = OpRegistry.standard.manifest
}
