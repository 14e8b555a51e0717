import BundleResolver

/// Checks a snapshot-building isolate for heap states V8 cannot serialise, before
/// `CreateBlob` aborts the process on them, and names the JavaScript that caused them.
///
/// Used by ``SnapshotBuilder`` in three steps: ``prepare(_:graph:)`` before the modules run
/// (static checks, and hooks that record where `Intl` objects are created),
/// ``explain(_:)`` on an evaluation failure (built-ins that do not exist while a snapshot is
/// built), and ``check(_:graph:)`` after evaluation (live `Intl` objects, pending work).
struct Preflight {
  /// Built-ins V8 10.2 installs only after a snapshot is restored, absent in this isolate.
  private(set) var absentBuiltins: [String] = []
  /// Run a full garbage collection before looking for live `Intl` objects. Without it the
  /// `Intl` check reports nothing (every instance ever created would look live).
  var collectsGarbage = false

  /// Built-ins that the notes list as missing at build time and present after restore.
  static let buildTimeBuiltins = [
    "Array.prototype.at", "Array.prototype.findLast", "Array.prototype.findLastIndex",
    "TypedArray.prototype.at", "String.prototype.at", "Object.hasOwn", "SharedArrayBuffer", "Atomics",
    "WebAssembly",
  ]

  static let scriptName = "<snapgen-preflight>"

  // MARK: - Before evaluation

  /// Static checks over the sources, then installs the recording hooks.
  mutating func prepare(_ runtime: JSRuntime, graph: ModuleGraph) throws(DiagnosticError) {
    var problems: [Diagnostic] = []
    for module in graph.modules where module.kind != .json {
      for location in Self.asmDirectives(in: module.source) {
        problems.append(.error(
          "asm.js (\"use asm\") cannot be put in a snapshot: V8 10.2 crashes serialising it",
          file: FilePaths.display(module.path), line: location.line, column: location.column,
          notes: ["hint: remove the \"use asm\" directive (the code then runs as plain JavaScript) or load this module after boot"]))
      }
    }
    guard problems.isEmpty else { throw DiagnosticError(problems) }
    do {
      let absent = try runtime.evaluate(Self.absentBuiltinsProbe, name: Self.scriptName)
      absentBuiltins = absent.split(separator: ",").map(String.init)
      try runtime.evaluate(Self.intlHooks, name: Self.scriptName)
    } catch {
      throw DiagnosticError([.error("snapgen could not install its pre-flight checks: \(error.message)")])
    }
  }

  // MARK: - On failure

  /// Adds an explanation to evaluation errors caused by a built-in that does not exist while a
  /// snapshot is built.
  func explain(_ error: DiagnosticError) -> DiagnosticError {
    var error = error
    for index in error.diagnostics.indices {
      let message = error.diagnostics[index].message
      guard let builtin = absentBuiltins.first(where: { Self.mentions(message, builtin: $0) }) else { continue }
      error.diagnostics[index].notes.insert(
        "hint: \(builtin) does not exist while V8 10.2 builds a snapshot (it appears only after the snapshot is "
          + "restored); use it inside functions that run after boot, not in module top-level code",
        at: 0)
    }
    return error
  }

  static func mentions(_ message: String, builtin: String) -> Bool {
    let last = builtin.split(separator: ".").last.map(String.init) ?? builtin
    if builtin.contains(".prototype.") {
      return message.contains("TypeError") && message.contains(".\(last) is not a function")
    }
    if builtin.contains(".") {
      return message.contains("\(builtin) is not a function")
    }
    return message.contains("\(builtin) is not defined")
  }

  // MARK: - After evaluation

  /// Finds heap states that would abort `CreateBlob`. Leaves the heap as the modules left it
  /// (the hooks are removed).
  func check(_ runtime: JSRuntime, graph: ModuleGraph) throws(DiagnosticError) {
    let byName = Dictionary(graph.modules.map { ($0.name, $0.path) }, uniquingKeysWith: { a, _ in a })
    func file(_ name: String) -> String { byName[name].map(FilePaths.display) ?? name }
    var problems: [Diagnostic] = []
    do {
      try runtime.evaluate("globalThis[Symbol.for('snapgen.preflight')].restore()", name: Self.scriptName)
      // Without a full collection every Intl object ever created would look live. The collection
      // makes the snapshot's bytes depend on timing, so it only runs when diagnosing.
      if collectsGarbage { runtime.isolate.collectGarbage() }
      let report = try runtime.evaluate(
        "globalThis[Symbol.for('snapgen.preflight')].live(\(collectsGarbage))", name: Self.scriptName)
      for line in report.split(separator: "\n") where !line.isEmpty {
        let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
        let location = fields.count > 1 ? Self.location(inStackFrame: fields[1]) : nil
        problems.append(.error(
          "a live Intl.\(fields[0]) object is reachable when the build ends; V8 cannot put ICU objects in a snapshot",
          file: location.map { file($0.file) }, line: location?.line, column: location?.column,
          notes: ["hint: create it lazily on first use (after boot), e.g. let formatter; function format(x) { formatter ??= new Intl.\(fields[0])(); … }"]))
      }
    } catch {
      throw DiagnosticError([.error("snapgen's pre-flight checks failed: \(error.message)")])
    }
    // A global object that cannot take new properties builds, but no runtime can boot from it:
    // V8 10.2 fails a CHECK while it sets up the restored context.
    do {
      if try runtime.evaluate("Object.isExtensible(globalThis)", name: Self.scriptName) == "false" {
        // Hooking Object.freeze to find the call would leak the hook into every module that
        // captures Object.freeze at top level (primordials do), so the finding names the graph.
        let entry = graph.entryPoints.first.map { graph.modules[$0].path }
        problems.append(.error(
          "the global object was made non-extensible (Object.freeze, Object.seal or Object.preventExtensions of globalThis) while building; V8 cannot boot a runtime from such a heap",
          file: entry.map(FilePaths.display),
          notes: [
            "the call is in this module or one it imports: look for Object.freeze(globalThis), Object.seal(globalThis) or Object.preventExtensions(globalThis)",
            "hint: freeze the objects you install on globalThis, not globalThis itself",
          ]))
      }
    } catch {
      throw DiagnosticError([.error("snapgen's pre-flight checks failed: \(error.message)")])
    }
    guard problems.isEmpty else { throw DiagnosticError(problems) }
  }

  // MARK: - Helpers

  /// 1-based locations of `"use asm"` / `'use asm'` directives.
  static func asmDirectives(in source: [UInt8]) -> [(line: Int, column: Int)] {
    var found: [(Int, Int)] = []
    let patterns = [Array("\"use asm\"".utf8), Array("'use asm'".utf8)]
    var line = 1
    var lineStart = 0
    var index = 0
    while index < source.count {
      if source[index] == 0x0A {
        line += 1
        lineStart = index + 1
      } else if source[index] == 0x22 || source[index] == 0x27,
        patterns.contains(where: { index + $0.count <= source.count && source[index..<(index + $0.count)].elementsEqual($0) })
      {
        // A directive stands at the start of a body: only whitespace, `{` or `;` before it.
        var before = index - 1
        while before >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(source[before]) { before -= 1 }
        if before < 0 || source[before] == 0x7B || source[before] == 0x3B {
          found.append((line, String(decoding: source[lineStart..<index], as: UTF8.self).count + 1))
        }
        index += 9
        continue
      }
      index += 1
    }
    return found
  }

  /// `file:line:col` from a V8 stack frame (`    at f (main.js:3:7)` or `    at main.js:3:7`).
  static func location(inStackFrame frame: String) -> (file: String, line: Int, column: Int)? {
    var text = Substring(frame.trimmingPrefix(while: \.isWhitespace))
    if text.hasPrefix("at ") { text = text.dropFirst(3) }
    if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
      text = text[text.index(after: open)..<text.index(before: text.endIndex)]
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
      return nil
    }
    return (parts.dropLast(2).joined(separator: ":"), line, column)
  }

  /// Evaluates to the comma-separated list of ``buildTimeBuiltins`` that are absent.
  static var absentBuiltinsProbe: String {
    let list = buildTimeBuiltins.map { "\"\($0)\"" }.joined(separator: ",")
    return """
      (() => {
        const TypedArray = Object.getPrototypeOf(Uint8Array);
        const lookup = (path) => path.split(".").reduce(
          (value, key) => value == null ? undefined : value[key],
          { TypedArray, Array, Object, String, SharedArrayBuffer: globalThis.SharedArrayBuffer,
            Atomics: globalThis.Atomics, WebAssembly: globalThis.WebAssembly });
        return [\(list)].filter((path) => lookup(path) === undefined).join(",");
      })()
      """
  }

  /// Wraps the Intl constructors so that every instance is recorded (weakly) with the stack
  /// frame that created it. `restore()` puts the originals back; `live()` lists the instances
  /// that survived a full collection, one `name<TAB>frame` per line, and forgets them all.
  static let intlHooks = """
    (() => {
      const key = Symbol.for("snapgen.preflight");
      const records = [];
      const originals = [];
      let recording = true;
      const frameOf = (stack) => String(stack).split("\\n").slice(1)
        .find((frame) => !frame.includes("<snapgen-preflight>")) ?? "";
      for (const name of ["Collator", "DateTimeFormat", "DisplayNames", "ListFormat", "Locale", "NumberFormat",
                          "PluralRules", "RelativeTimeFormat", "Segmenter"]) {
        const original = Intl[name];
        if (typeof original !== "function") continue;
        const note = (instance) => {
          if (recording) records.push({ name, ref: new WeakRef(instance), frame: frameOf(new Error().stack) });
          return instance;
        };
        const hook = new Proxy(original, {
          construct: (target, args, newTarget) =>
            note(Reflect.construct(target, args, newTarget === hook ? target : newTarget)),
          apply: (target, self, args) => note(Reflect.apply(target, self, args)),
        });
        originals.push([name, original]);
        Intl[name] = hook;
      }
      Object.defineProperty(globalThis, key, { configurable: true, value: {
        restore() {
          recording = false;
          for (const [name, original] of originals) Intl[name] = original;
          originals.length = 0;
        },
        live(collected) {
          delete globalThis[key];
          const lines = records.filter((record) => collected && record.ref.deref() !== undefined)
            .map((record) => record.name + "\\t" + record.frame);
          records.length = 0;
          return lines.join("\\n");
        },
      } });
    })();
    """
}
