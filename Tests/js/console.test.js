// console and its inspector. Output is captured through the console's internal writer hook,
// console[Symbol.for("snapgen.internal.console.setWriter")](fn), which returns the previous one.
import { assert, assertEquals, test } from "./harness.js";

const kSetWriter = Symbol.for("snapgen.internal.console.setWriter");

function capture(fn) {
  const out = [];
  const previous = console[kSetWriter]((text, toStderr) => out.push([toStderr ? "stderr" : "stdout", text]));
  try {
    fn();
  } finally {
    console[kSetWriter](previous);
  }
  return out;
}
// The text console.log(...args) prints, without the trailing newline.
const show = (...args) => capture(() => console.log(...args))[0][1].slice(0, -1);

test("console is installed as a non-enumerable global with the standard methods", () => {
  const desc = Object.getOwnPropertyDescriptor(globalThis, "console");
  assertEquals([desc.writable, desc.enumerable, desc.configurable], [true, false, true]);
  for (const m of ["log", "info", "warn", "error", "debug", "trace", "assert", "count", "countReset", "time", "timeLog", "timeEnd", "table", "group", "groupEnd", "dir"]) {
    assertEquals(typeof console[m], "function", m);
  }
});

test("stdout and stderr routing", () => {
  const out = capture(() => {
    console.log("l");
    console.info("i");
    console.debug("d");
    console.warn("w");
    console.error("e");
  });
  assertEquals(out, [["stdout", "l\n"], ["stdout", "i\n"], ["stdout", "d\n"], ["stderr", "w\n"], ["stderr", "e\n"]]);
});

test("methods work detached", () => {
  const { log } = console;
  assertEquals(capture(() => log("detached")), [["stdout", "detached\n"]]);
});

const formatCases = [
  [["%s is %d years", "Bob", 42], "Bob is 42 years"],
  [["%s", "a", "extra", 1], "a extra 1"],
  [["%d", "42.5"], "42.5"],
  [["%i", 42.9], "42"],
  [["%i", "0x1F"], "31"],
  [["%f", "3.25abc"], "3.25"],
  [["%d", "abc"], "NaN"],
  [["%d", 10n], "10n"],
  [["%s", 10n], "10n"],
  [["%s", -0], "-0"],
  [["%s", null], "null"],
  [["%s", undefined], "undefined"],
  [["%s", Symbol("s")], "Symbol(s)"],
  [["%s", { a: { b: 1 } }], "{ a: [Object] }"],
  [["%s", [1, [2, [3]]]], "[ 1, [Array] ]"],
  [["%s", { toString() { return "custom"; } }], "custom"],
  [["%j", { a: [1] }], '{"a":[1]}'],
  [["%o", [1]], "[ 1, [length]: 1 ]"],
  [["%O", { a: { b: { c: { d: 1 } } } }], "{ a: { b: { c: [Object] } } }"],
  [["%c styled", "color: red"], " styled"],
  [["100%% sure", 1], "100% sure 1"],
  [["%s and %s", "one"], "one and %s"],
  [["%x", 1], "%x 1"],
  [["%", 1], "% 1"],
  [[1, "two", { three: 3 }], "1 two { three: 3 }"],
  [["no args"], "no args"],
  [[], ""],
];
for (const [args, expected] of formatCases) {
  test(`format ${JSON.stringify(args.map((a) => (typeof a === "object" || typeof a === "symbol" || typeof a === "bigint" ? String(typeof a) : a)))}`, () => {
    assertEquals(show(...args), expected);
  });
}

class Foo {
  constructor() {
    this.a = 1;
  }
}
class Bar extends Foo {}
const circular = { name: "c" };
circular.self = circular;
const twoCycles = { a: {}, b: {} };
twoCycles.a.back = twoCycles;
twoCycles.b.inner = { up: twoCycles.b };
const sparse = [1, , , 4];
sparse[7] = 8;

const inspectCases = [
  ["number", 42, "42"],
  ["negative zero", -0, "-0"],
  ["bigint", 12n, "12n"],
  ["nested string", ["it's"], `[ "it's" ]`],
  ["string quotes", ["a'b\"c"], "[ `a'b\"c` ]"],
  ["string escapes", ["\n\t\u0001\\"], "[ '\\n\\t\\x01\\\\' ]"],
  ["symbol", Symbol("sym"), "Symbol(sym)"],
  ["undefined and null", [undefined, null], "[ undefined, null ]"],
  ["booleans/NaN/Infinity", [true, NaN, -Infinity], "[ true, NaN, -Infinity ]"],
  ["empty object", {}, "{}"],
  ["empty array", [], "[]"],
  ["object", { a: 1, b: "two", c: [1, 2] }, "{ a: 1, b: 'two', c: [ 1, 2 ] }"],
  ["quoted keys", { "a-b": 1, valid_id: 2, 3: 3 }, "{ '3': 3, 'a-b': 1, valid_id: 2 }"],
  ["symbol keys", { [Symbol("k")]: 1 }, "{ [Symbol(k)]: 1 }"],
  ["depth limit", { a: { b: { c: { d: 1 } } } }, "{ a: { b: { c: [Object] } } }"],
  ["array depth limit", [[[[1]]]], "[ [ [ [Array] ] ] ]"],
  ["class instance", new Foo(), "Foo { a: 1 }"],
  ["subclass instance", new Bar(), "Bar { a: 1 }"],
  ["empty class instance", new (class Empty {})(), "Empty {}"],
  ["null prototype", Object.assign(Object.create(null), { x: 1 }), "[Object: null prototype] { x: 1 }"],
  ["Map", new Map([["a", 1], [{ k: 1 }, [2]]]), "Map(2) { 'a' => 1, { k: 1 } => [ 2 ] }"],
  ["empty Map", new Map(), "Map(0) {}"],
  ["Set", new Set([1, "two", [3]]), "Set(3) { 1, 'two', [ 3 ] }"],
  ["empty Set", new Set(), "Set(0) {}"],
  ["cycle", circular, "<ref *1> { name: 'c', self: [Circular *1] }"],
  ["two cycles", twoCycles, "<ref *1> {\n  a: { back: [Circular *1] },\n  b: <ref *2> { inner: { up: [Circular *2] } }\n}"],
  ["getters and setters", { get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} }, "{ g: [Getter], s: [Setter], gs: [Getter/Setter] }"],
  ["sparse array", sparse, "[ 1, <2 empty items>, 4, <3 empty items>, 8 ]"],
  ["array extra keys", Object.assign([1], { extra: true }), "[ 1, extra: true ]"],
  ["Uint8Array", new Uint8Array([1, 2, 3]), "Uint8Array(3) [ 1, 2, 3 ]"],
  ["empty Float64Array", new Float64Array(0), "Float64Array(0) []"],
  ["BigInt64Array", new BigInt64Array([5n]), "BigInt64Array(1) [ 5n ]"],
  ["ArrayBuffer", new Uint8Array([1, 255]).buffer, "ArrayBuffer { [Uint8Contents]: <01 ff>, byteLength: 2 }"],
  ["Date", new Date(0), "1970-01-01T00:00:00.000Z"],
  ["invalid Date", new Date(NaN), "Invalid Date"],
  ["RegExp", /ab+c/gi, "/ab+c/gi"],
  ["function", function foo() {}, "[Function: foo]"],
  ["anonymous arrow", [() => {}], "[ [Function (anonymous)] ]"],
  ["class", class A {}, "[class A]"],
  ["derived class", class B extends Foo {}, "[class B extends Foo]"],
  ["async function", async function af() {}, "[AsyncFunction: af]"],
  ["generator function", function* gen() {}, "[GeneratorFunction: gen]"],
  ["function with props", Object.assign(function f() {}, { p: 1 }), "[Function: f] { p: 1 }"],
  ["boxed primitives", [new Number(3), new String("ab"), new Boolean(false)], "[ [Number: 3], [String: 'ab'], [Boolean: false] ]"],
  ["WeakMap", new WeakMap(), "WeakMap { <items unknown> }"],
  ["error without stack", Object.assign(new Error("bare"), { stack: undefined }), "[Error: bare]"],
  ["long array grouping", Array.from({ length: 26 }, (_, i) => i), "[\n   0,  1,  2,  3,  4,  5,  6,  7,\n   8,  9, 10, 11, 12, 13, 14, 15,\n  16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25\n]"],
  ["line breaking", { key1: "a".repeat(30), key2: "b".repeat(30) }, `{\n  key1: '${"a".repeat(30)}',\n  key2: '${"b".repeat(30)}'\n}`],
];
for (const [name, value, expected] of inspectCases) {
  test(`inspect ${name}`, () => assertEquals(show(value), expected));
}

test("inspect: more than 100 array items", () => {
  const text = show(Array.from({ length: 101 }, () => 1));
  assert(text.endsWith("... 1 more item\n]"), text);
});

test("inspect errors show their stack, class and extra properties", () => {
  const text = show(new TypeError("bad thing"));
  assert(text.startsWith("TypeError: bad thing\n    at "), text);
  class MyError extends Error {}
  assert(show(new MyError("mine")).startsWith("MyError: mine\n"), "class name used");
  const withCode = show(Object.assign(new Error("coded"), { code: "E_CODE" }));
  assert(withCode.endsWith("{\n  code: 'E_CODE'\n}"), withCode);
  const nested = show({ err: new Error("inner") });
  assert(nested.startsWith("{\n  err: Error: inner\n      at "), nested);
  const withCause = show(new Error("outer", { cause: "why" }));
  assert(withCause.includes("[cause]: 'why'"), withCause);
});

test("custom inspect symbol", () => {
  const value = { [Symbol.for("nodejs.util.inspect.custom")]: () => "CUSTOM" };
  assertEquals(show({ v: value }), "{ v: CUSTOM }");
});

test("console.dir with depth", () => {
  const out = capture(() => console.dir({ a: { b: { c: { d: {} } } } }, { depth: 0 }));
  assertEquals(out, [["stdout", "{ a: [Object] }\n"]]);
  const deep = capture(() => console.dir({ a: { b: { c: { d: {} } } } }, { depth: Infinity }));
  assertEquals(deep[0][1], "{\n  a: { b: { c: { d: {} } } }\n}\n");
});

test("console.assert", () => {
  assertEquals(capture(() => console.assert(true, "no")), []);
  assertEquals(capture(() => console.assert(false, "x %s", "y")), [["stderr", "Assertion failed: x y\n"]]);
  assertEquals(capture(() => console.assert(false)), [["stderr", "Assertion failed\n"]]);
  assertEquals(capture(() => console.assert(0, { a: 1 })), [["stderr", "Assertion failed { a: 1 }\n"]]);
});

test("console.count and countReset", () => {
  const out = capture(() => {
    console.count();
    console.count();
    console.count("x");
    console.countReset();
    console.count();
    console.countReset("nope");
    console.countReset("x");
  });
  assertEquals(out, [
    ["stdout", "default: 1\n"],
    ["stdout", "default: 2\n"],
    ["stdout", "x: 1\n"],
    ["stdout", "default: 1\n"],
    ["stderr", "Warning: Count for 'nope' does not exist\n"],
  ]);
  capture(() => console.countReset());
});

test("console.group indents nested output", () => {
  const out = capture(() => {
    console.group("Title");
    console.log("inside\nmultiline");
    console.group();
    console.error("deeper");
    console.groupEnd();
    console.groupEnd();
    console.groupEnd(); // extra groupEnd is harmless
    console.log("outside");
  });
  assertEquals(out, [
    ["stdout", "Title\n"],
    ["stdout", "  inside\n  multiline\n"],
    ["stderr", "    deeper\n"],
    ["stdout", "outside\n"],
  ]);
});

test("console.time, timeLog and timeEnd", () => {
  const out = capture(() => {
    console.time("t");
    console.time("t");
    console.timeLog("t", "extra", 1);
    console.timeEnd("t");
    console.timeEnd("t");
    console.timeLog("missing");
  });
  assertEquals(out[0], ["stderr", "Warning: Label 't' already exists for console.time()\n"]);
  assert(/^t: \d+(\.\d+)?ms extra 1\n$/.test(out[1][1]), out[1][1]);
  assert(/^t: \d+(\.\d+)?ms\n$/.test(out[2][1]), out[2][1]);
  assertEquals(out[3], ["stderr", "Warning: No such label 't' for console.timeEnd()\n"]);
  assertEquals(out[4], ["stderr", "Warning: No such label 'missing' for console.timeLog()\n"]);
});

test("console.time uses performance.now when present", () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "performance");
  let now = 1000;
  Object.defineProperty(globalThis, "performance", { value: { now: () => now }, configurable: true, writable: true });
  try {
    const out = capture(() => {
      console.time("p");
      now += 1500.25;
      console.timeEnd("p");
      console.time("q");
      now += 62500;
      console.timeEnd("q");
    });
    assertEquals(out, [["stdout", "p: 1.500s\n"], ["stdout", "q: 1:02.500 (m:ss.mmm)\n"]]);
  } finally {
    if (saved) Object.defineProperty(globalThis, "performance", saved);
    else delete globalThis.performance;
  }
});

test("console.trace prints a stack to stderr", () => {
  const out = capture(() => console.trace("here %d", 1));
  assertEquals(out[0][0], "stderr");
  assert(out[0][1].startsWith("Trace: here 1\n    at "), out[0][1]);
});

test("console.table of objects", () => {
  const out = capture(() => console.table([{ a: 1, b: "Y" }, { a: "Z", b: 2 }]));
  assertEquals(out[0][1], [
    "┌─────────┬─────┬─────┐",
    "│ (index) │ a   │ b   │",
    "├─────────┼─────┼─────┤",
    "│ 0       │ 1   │ 'Y' │",
    "│ 1       │ 'Z' │ 2   │",
    "└─────────┴─────┴─────┘",
    "",
  ].join("\n"));
});

test("console.table of primitives, column filter, Map and non-objects", () => {
  const prim = capture(() => console.table(["x", 2]))[0][1];
  assert(prim.includes("│ (index) │ Values │"), prim);
  assert(prim.includes("│ 0       │ 'x'    │"), prim);
  const filtered = capture(() => console.table([{ a: 1, b: 2 }], ["b"]))[0][1];
  assert(filtered.includes("│ (index) │ b │") && !filtered.includes(" a "), filtered);
  const map = capture(() => console.table(new Map([["k", 1]])))[0][1];
  assert(map.includes("(iteration index)") && map.includes("'k'"), map);
  assertEquals(capture(() => console.table(5)), [["stdout", "5\n"]]);
});

test("writer hook returns the previous writer", () => {
  const first = [];
  const second = [];
  const original = console[kSetWriter]((t) => first.push(t));
  const mine = console[kSetWriter]((t) => second.push(t));
  console.log("to second");
  console[kSetWriter](mine);
  console.log("to first");
  console[kSetWriter](original);
  assertEquals([first, second], [["to first\n"], ["to second\n"]]);
});
