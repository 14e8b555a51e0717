// structuredClone (HTML structured serialization).
import { assert, assertEquals, assertThrows, test } from "./harness.js";

function expectDataCloneError(value, options) {
  const e = assertThrows(() => structuredClone(value, options), DOMException);
  assertEquals(e.name, "DataCloneError");
  assertEquals(e.code, 25);
  return e;
}

test("primitives are returned as they are", () => {
  for (const v of [undefined, null, true, false, 0, -0, NaN, Infinity, 1.5, "str", "", 10n]) {
    assert(Object.is(structuredClone(v), v), String(v));
  }
});

test("plain objects and arrays are deep copies", () => {
  const src = { a: 1, b: { c: [1, 2, { d: "x" }] }, e: [] };
  const copy = structuredClone(src);
  assertEquals(copy, src);
  assert(copy !== src && copy.b !== src.b && copy.b.c !== src.b.c && copy.b.c[2] !== src.b.c[2]);
});

test("class instances become plain objects; only own enumerable string keys are kept", () => {
  class Point {
    constructor() {
      this.x = 1;
    }
    get y() {
      return 2;
    }
  }
  const copy = structuredClone(new Point());
  assertEquals(Object.getPrototypeOf(copy), Object.prototype);
  assertEquals(copy, { x: 1 });
  const withHidden = Object.defineProperty({ v: 1, [Symbol("s")]: 2 }, "hidden", { value: 3, enumerable: false });
  assertEquals(Object.getOwnPropertyNames(structuredClone(withHidden)), ["v"]);
});

test("getters are read and become data properties", () => {
  const copy = structuredClone({ get g() { return 7; } });
  assertEquals(Object.getOwnPropertyDescriptor(copy, "g").value, 7);
});

test("arrays keep holes, length and extra properties", () => {
  const arr = [1, , 3];
  arr.extra = "x";
  const copy = structuredClone(arr);
  assertEquals(copy.length, 3);
  assert(!(1 in copy));
  assertEquals(copy.extra, "x");
  assert(Array.isArray(copy));
});

test("cycles and shared references are preserved", () => {
  const shared = { s: 1 };
  const src = { a: shared, b: shared, list: [shared] };
  src.self = src;
  const copy = structuredClone(src);
  assert(copy.self === copy);
  assert(copy.a === copy.b && copy.a === copy.list[0]);
  assert(copy.a !== shared);
  const arr = [];
  arr.push(arr);
  const arrCopy = structuredClone(arr);
  assert(arrCopy[0] === arrCopy);
});

test("Map and Set", () => {
  const key = { k: 1 };
  const map = new Map([[key, "v"], ["x", key]]);
  const copy = structuredClone(map);
  assert(copy instanceof Map && copy !== map);
  const [[k2, v2], [x, k3]] = [...copy];
  assertEquals([v2, x], ["v", "x"]);
  assert(k2 === k3 && k2 !== key);
  const set = new Set([1, "a", { o: 1 }]);
  const setCopy = structuredClone(set);
  assertEquals(setCopy, set);
  const selfMap = new Map();
  selfMap.set("me", selfMap);
  const selfCopy = structuredClone(selfMap);
  assert(selfCopy.get("me") === selfCopy);
});

test("Date, RegExp and primitive wrappers", () => {
  const d = new Date(123456789);
  const dc = structuredClone(d);
  assert(dc instanceof Date && dc !== d && dc.getTime() === 123456789);
  const re = /a+b/giu;
  re.lastIndex = 3;
  const rc = structuredClone(re);
  assertEquals([rc.source, rc.flags, rc.lastIndex], ["a+b", "giu", 0]);
  assertEquals(structuredClone(new Number(5)), new Number(5));
  assertEquals(structuredClone(new String("s")), new String("s"));
  assertEquals(structuredClone(new Boolean(true)), new Boolean(true));
  const big = structuredClone(Object(7n));
  assertEquals(typeof big, "object");
  assertEquals(big.valueOf(), 7n);
});

test("ArrayBuffer, typed arrays and DataView", () => {
  const buf = new Uint8Array([1, 2, 3, 4]).buffer;
  const copy = structuredClone(buf);
  assert(copy !== buf);
  assertEquals(new Uint8Array(copy), new Uint8Array([1, 2, 3, 4]));
  const view = new Uint16Array(buf, 2, 1);
  const vc = structuredClone(view);
  assert(vc instanceof Uint16Array);
  assertEquals([vc.byteOffset, vc.length, vc.buffer.byteLength], [2, 1, 4]);
  const f = structuredClone(new Float64Array([1.5, -0]));
  assertEquals(f, new Float64Array([1.5, -0]));
  const dv = structuredClone(new DataView(buf, 1, 2));
  assertEquals([dv.byteOffset, dv.byteLength, dv.getUint8(0)], [1, 2, 2]);
  // Two views of one buffer still share one buffer.
  const pair = structuredClone({ a: new Uint8Array(buf), b: new Int8Array(buf, 1) });
  assert(pair.a.buffer === pair.b.buffer);
  assertEquals(structuredClone(new BigUint64Array([2n ** 64n - 1n]))[0], 2n ** 64n - 1n);
});

test("errors keep type, message, stack and cause", () => {
  const err = new RangeError("out", { cause: { why: 1 } });
  const copy = structuredClone(err);
  assert(copy instanceof RangeError && copy !== err);
  assertEquals(copy.message, "out");
  assertEquals(copy.stack, err.stack);
  assertEquals(copy.cause, { why: 1 });
  assert(copy.cause !== err.cause);
  for (const E of [Error, EvalError, ReferenceError, SyntaxError, TypeError, URIError]) {
    const c = structuredClone(new E("m"));
    assertEquals([c.constructor, c.message], [E, "m"]);
  }
  class Custom extends Error {}
  const custom = structuredClone(new Custom("c"));
  assertEquals([Object.getPrototypeOf(custom), custom.message], [Error.prototype, "c"]);
  const named = new Error("n");
  named.name = "TypeError";
  assert(structuredClone(named) instanceof TypeError);
  const dom = structuredClone(new DOMException("d", "AbortError"));
  assert(dom instanceof DOMException);
  assertEquals([dom.name, dom.message, dom.code], ["AbortError", "d", 20]);
});

test("uncloneable values throw DataCloneError", () => {
  expectDataCloneError(() => {});
  expectDataCloneError(class {});
  expectDataCloneError(Symbol("s"));
  expectDataCloneError({ nested: [Symbol.iterator] });
  expectDataCloneError(new WeakMap());
  expectDataCloneError(new WeakSet());
  expectDataCloneError(Promise.resolve(1));
  expectDataCloneError(new WeakRef({}));
  expectDataCloneError(Object(Symbol("boxed")));
  expectDataCloneError({ f() {} });
  expectDataCloneError(new Map([[1, () => {}]]));
  expectDataCloneError((function* () {})());
  expectDataCloneError(new EventTarget());
  expectDataCloneError(new Event("x"));
  expectDataCloneError(new URL("http://a/"));
  expectDataCloneError(new AbortController().signal);
  const e = expectDataCloneError(function named() {});
  assert(e.message.includes("could not be cloned"), e.message);
});

test("transfer is not supported", () => {
  const buf = new ArrayBuffer(1);
  const e = expectDataCloneError(buf, { transfer: [buf] });
  assertEquals(e.message, "transfer is not supported");
  assertEquals(structuredClone(1, { transfer: [] }), 1);
  assertEquals(structuredClone(1, {}), 1);
  assertEquals(structuredClone(1, undefined), 1);
  assertThrows(() => structuredClone(1, { transfer: 5 }), TypeError);
  assertThrows(() => structuredClone(), TypeError);
});
