/// The runtime's own JavaScript. Its modules live in `src/` and are listed by `snapgen.json`;
/// `snapgen build internal-js` turns them into a snapshot.
public enum InternalJS {
  /// The folder of `snapgen.json` in the source tree this module was compiled from.
  public static var sourceFolder: String {
    let file = #filePath
    return String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)])
  }
}
