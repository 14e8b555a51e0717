/// Where a snapshot's heap, blob bytes and boot time go, module by module (`snapgen anatomy`).
public struct AnatomyReport: Sendable, Codable {
  /// One heap object worth naming: what it is, what it keeps alive, and how the root reaches it.
  public struct HeapObject: Sendable, Codable, Equatable {
    /// V8's node type (`closure`, `string`, `code` …).
    public var type: String
    /// The object's name (function or constructor name, the start of a string, `system / Map` …).
    public var name: String
    /// Its own size plus everything only it keeps alive, in bytes.
    public var retainedBytes: Int
    /// The shortest chain of references from V8's root, as edge names
    /// (`(Global handles)` → `[3]` → `URL` → `prototype` …).
    public var retainingPath: [String]
  }

  /// One compiled function and the size of its bytecode.
  public struct Function: Sendable, Codable, Equatable {
    /// The function's name, or `(top level or anonymous)`.
    public var name: String
    public var bytecodeBytes: Int
  }

  /// What one module costs.
  public struct Module: Sendable, Codable, Equatable {
    /// The module's name in the graph (its path relative to the root).
    public var name: String
    /// The size of its source text in bytes.
    public var sourceBytes: Int
    /// JavaScript functions (closures) compiled from it that are alive in the heap, its
    /// top-level module function included.
    public var functions: Int
    /// Bytes of bytecode those functions' compiled code holds.
    public var bytecodeBytes: Int
    /// Bytes of machine code the JIT compiled for it while building (the warm-up's), which V8
    /// drops when it serialises; part of ``bytes``, not of ``blobShare``.
    public var jitCodeBytes: Int
    /// Its functions with the most bytecode, biggest first (at most five). Only functions that
    /// ran while building (top level, warm-up) have bytecode; V8 compiles the others lazily.
    public var largestFunctions: [Function]
    /// Heap objects attributed to it.
    public var objects: Int
    /// Bytes of heap attributed to it (the objects' own sizes: modules and the remainder sum to the heap).
    public var bytes: Int
    /// Strings among its objects, and their bytes (its source text included).
    public var strings: Int
    public var stringBytes: Int
    /// Its share of the heap's bytes without JIT code (which V8 does not serialise), applied to
    /// the blob's size as an estimate.
    public var blobShare: Double
    /// Estimated blob bytes (``blobShare`` of the blob).
    public var estimatedBlobBytes: Int
    /// Estimated milliseconds of warm boot (see ``BootEstimate``).
    public var estimatedBootMilliseconds: Double?
    /// Its biggest objects, each with the path that retains it.
    public var biggestObjects: [HeapObject]
  }

  /// What no module alone keeps alive: V8's own heap, objects modules share, values put on the
  /// global object directly.
  public struct Remainder: Sendable, Codable, Equatable {
    public var objects: Int
    public var bytes: Int
    public var biggestObjects: [HeapObject]
  }

  /// How the boot time was measured and split.
  public struct BootEstimate: Sendable, Codable, Equatable {
    /// Where the phase figures come from (a measurement here, or a `snapgen bench --json` file).
    public var source: String
    /// Median milliseconds of each warm-boot phase of this snapshot (read, validate, decompress,
    /// isolate, context, firstCall, total).
    public var phases: [String: Double]
    /// Median milliseconds of each phase of a bare isolate and context (no runtime JS).
    public var floor: [String: Double]
    /// Every measured warm boot's total, in milliseconds (for the histogram).
    public var totals: [Double]
    /// Milliseconds attributed to deserialising the snapshot's own objects: the median of
    /// isolate + context minus the floor's.
    public var deserializeMilliseconds: Double
    /// How modules' shares of that are estimated.
    public var method: String
  }

  /// The config the snapshot was built from, as the user named it.
  public var configuration: String
  /// The V8 version that built it.
  public var v8Version: String
  /// The raw V8 blob of a normal build (what `snapgen build` ships), and its stored (compressed) size.
  public var blobBytes: Int
  public var storedBytes: Int
  /// The raw blob of the build whose heap was inspected (a heap snapshot collects garbage first,
  /// so it may differ a little from ``blobBytes``).
  public var inspectedBlobBytes: Int
  /// Heap objects and bytes in the heap snapshot, which modules and remainder add up to.
  public var heapObjects: Int
  public var heapBytes: Int
  /// Per module, in evaluation order.
  public var modules: [Module]
  /// What no module alone retains.
  public var unattributed: Remainder
  /// V8's heap spaces just before serialisation.
  public var spaces: [HeapInspection.Space]
  /// V8's own serialisation statistics.
  public var serialization: SerializationStatistics
  /// Boot time, when measured or given.
  public var boot: BootEstimate?
  /// The same build of an empty module: what V8 itself puts in every snapshot.
  public var floor: Floor?

  /// An empty module's snapshot, built with the same flags and options (on the same base, for an
  /// app snapshot).
  public struct Floor: Sendable, Codable, Equatable {
    public var blobBytes: Int
    public var heapObjects: Int
    public var heapBytes: Int
    /// The base snapshot the empty module was built on (as the configuration names it), or nil.
    public var base: String?
  }
}
