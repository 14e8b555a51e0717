/// The runtime's own JavaScript. Its modules live in `src/` and are listed by `snapgen.json`;
/// `snapgen build internal-js` turns them into a snapshot (see `InternalJS+Snapshot.swift`).
public enum InternalJS {}
