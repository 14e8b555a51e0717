/// An error an op implementation throws; it becomes a JS exception of the matching kind.
public enum OpError: Error, Equatable, Sendable {
  case typeError(String)
  case rangeError(String)
  case error(String)
}
