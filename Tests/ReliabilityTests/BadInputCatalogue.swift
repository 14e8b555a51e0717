import Testing

/// The catalogue of bad inputs the README lists: each one makes `snapgen build` fail with a
/// clear message and a non-zero exit, writes nothing and keeps the previous snapshot.bin.
struct BadInput: Sendable, CustomTestStringConvertible {
  var name: String
  var category: String
  /// Files of the project folder; the build runs on the folder with `--entry main.js` unless
  /// the files include a snapgen.json.
  var files: [String: String]
  /// Files written byte for byte (for encodings a Swift string cannot hold).
  var rawFiles: [String: [UInt8]] = [:]
  var arguments: [String] = []
  /// Text the diagnostics must contain.
  var message: String
  /// Further text, e.g. the hint or the location.
  var alsoMentions: [String] = []

  var testDescription: String { "\(category): \(name)" }

  static let all: [BadInput] = [
    // MARK: JavaScript
    BadInput(name: "syntax error", category: "js", files: ["main.js": "let x = ;\n"],
      message: "main.js:1:9: error: SyntaxError"),
    BadInput(name: "top-level throw", category: "js", files: ["main.js": "throw new TypeError('boom');\n"],
      message: "TypeError: boom"),
    BadInput(name: "top-level await that never settles", category: "js",
      files: ["main.js": "await new Promise(() => {});\n"], message: "top-level await never settled"),
    BadInput(name: "rejected top-level await", category: "js",
      files: ["main.js": "await Promise.reject(new Error('rejected at build'));\n"], message: "rejected at build"),
    BadInput(name: "dynamic import while building", category: "js",
      files: ["main.js": "await import('./other.js');\n", "other.js": "export {};\n"],
      message: "cannot run while building a snapshot"),
    BadInput(name: "op call while building", category: "js",
      files: ["main.js": "core.ops.op_print('hi', false);\n"], message: "cannot run while building a snapshot"),
    BadInput(name: "endless recursion", category: "js",
      files: ["main.js": "function f() { return f() + 1; }\nf();\n"], message: "Maximum call stack size exceeded"),
    // MARK: Built-ins absent while building
    BadInput(name: "Array.prototype.at", category: "build-time built-ins",
      files: ["main.js": "export const last = [1, 2].at(-1);\n"], message: "main.js:1:",
      alsoMentions: ["Array.prototype.at does not exist while V8 10.2 builds a snapshot"]),
    BadInput(name: "Array.prototype.findLast", category: "build-time built-ins",
      files: ["main.js": "[1].findLast((x) => x);\n"], message: "Array.prototype.findLast does not exist"),
    BadInput(name: "Object.hasOwn", category: "build-time built-ins",
      files: ["main.js": "Object.hasOwn({}, 'a');\n"], message: "Object.hasOwn does not exist"),
    BadInput(name: "SharedArrayBuffer", category: "build-time built-ins",
      files: ["main.js": "new SharedArrayBuffer(8);\n"], message: "SharedArrayBuffer does not exist"),
    BadInput(name: "Atomics", category: "build-time built-ins",
      files: ["main.js": "Atomics.add(new Int32Array(1), 0, 1);\n"], message: "Atomics does not exist"),
    BadInput(name: "WebAssembly", category: "build-time built-ins",
      files: ["main.js": "WebAssembly.validate(new Uint8Array(0));\n"], message: "WebAssembly does not exist"),
    // MARK: Heap state
    BadInput(name: "live Intl object on a global", category: "heap state",
      files: ["main.js": "globalThis.money = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' });\n"],
      message: "main.js:1:", alsoMentions: ["a live Intl.NumberFormat object", "create it lazily"]),
    BadInput(name: "live Intl object in a module closure", category: "heap state",
      files: ["main.js": "import { format } from './dates.js';\nglobalThis.format = format;\n",
        "dates.js": "const formatter = new Intl.DateTimeFormat('en');\nexport const format = (d) => formatter.format(d);\n"],
      message: "dates.js:1:19: error: a live Intl.DateTimeFormat object"),
    BadInput(name: "asm.js directive", category: "heap state",
      files: ["main.js": "function Asm(stdlib) {\n  'use asm';\n  function f() { return 1; }\n  return { f: f };\n}\nglobalThis.asm = Asm(globalThis);\n"],
      message: "main.js:2:3: error: asm.js (\"use asm\") cannot be put in a snapshot"),
    BadInput(name: "asm.js compiled at run time (V8 segfaults)", category: "heap state",
      files: ["main.js": "globalThis.m = new Function('stdlib', '\"use asm\"; function f() { return 1; } return { f: f };')(globalThis);\n"],
      message: "V8 crashed while building the snapshot", alsoMentions: ["SIGSEGV", "use asm"]),
    BadInput(name: "FinalizationRegistry with pending cleanups (V8 aborts)", category: "heap state",
      files: ["main.js": "globalThis.registry = new FinalizationRegistry(() => {});\nfor (let i = 0; i < 1000; i++) registry.register({}, i);\n"],
      message: "a FinalizationRegistry has cleanup callbacks pending", alsoMentions: ["dirty_js_finalization_registries"]),
    // MARK: Resolution
    BadInput(name: "unresolvable relative import", category: "resolution",
      files: ["main.js": "import './missing.js';\n"], message: "main.js:1:8: error: cannot find module './missing.js'"),
    BadInput(name: "bare specifier", category: "resolution",
      files: ["main.js": "import 'left-pad';\n"], message: "main.js:1:8: error:", alsoMentions: ["'left-pad'"]),
    BadInput(name: "missing export", category: "resolution",
      files: ["main.js": "import { nope } from './lib.js';\n", "lib.js": "export const yes = 1;\n"],
      message: "nope"),
    BadInput(name: "missing entry point", category: "resolution",
      files: ["other.js": "export {};\n"], message: "cannot find entry point 'main.js'"),
    BadInput(name: "invalid UTF-8 in a module", category: "resolution",
      files: ["main.js": "import './bad.js';\n"], rawFiles: ["bad.js": Array("const s = '".utf8) + [0xC3, 0x28] + Array("';\n".utf8)],
      message: "UTF-8"),
    // MARK: Configuration
    BadInput(name: "unknown config key", category: "config",
      files: ["snapgen.json": #"{"entryPoints": ["main.js"], "entrypoint": 1}"#, "main.js": ""],
      message: "snapgen.json:1:30: error: unknown key 'entrypoint'"),
    BadInput(name: "config is not JSON", category: "config",
      files: ["snapgen.json": "{entryPoints: [main.js]}", "main.js": ""], message: "snapgen.json is not valid JSON"),
    BadInput(name: "duplicate op in config", category: "config",
      files: ["snapgen.json": #"{"entryPoints": ["main.js"], "ops": [{"name": "op_a", "kind": "sync", "arity": 0}, {"name": "op_a", "kind": "sync", "arity": 0}]}"#, "main.js": ""],
      message: "op 'op_a' is declared more than once"),
    BadInput(name: "malformed V8 flag", category: "config",
      files: ["main.js": "globalThis.x = 1;\n"], arguments: ["--v8-flag", "no-lazy"], message: "'no-lazy' is not a V8 flag"),
  ]
}
