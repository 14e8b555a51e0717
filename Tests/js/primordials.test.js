// Primordials: internal-js captured the built-ins it uses before user code ran, so replacing
// them afterwards must not change how the web globals behave. Each test patches a built-in,
// exercises a global, and restores the built-in.
import { assert, assertEquals, test } from "./harness.js";

function withPatched(object, key, replacement, fn) {
  const saved = Object.getOwnPropertyDescriptor(object, key);
  Object.defineProperty(object, key, { value: replacement, writable: true, configurable: true });
  try {
    return fn();
  } finally {
    Object.defineProperty(object, key, saved);
  }
}
const boom = () => {
  throw new Error("patched built-in was called");
};
const kSetWriter = Symbol.for("snapgen.internal.console.setWriter");
function captureLog(...args) {
  let text = "";
  const previous = console[kSetWriter]((t) => (text += t));
  try {
    console.log(...args);
  } finally {
    console[kSetWriter](previous);
  }
  return text;
}

test("URLSearchParams survives patched Array.prototype.push/splice", () => {
  const result = withPatched(Array.prototype, "push", boom, () =>
    withPatched(Array.prototype, "splice", boom, () => {
      const p = new URLSearchParams("a=1");
      p.append("b", "2");
      p.delete("a");
      return p.toString();
    }),
  );
  assertEquals(result, "b=2");
});

test("URL parsing survives patched String.prototype methods", () => {
  const href = withPatched(String.prototype, "slice", boom, () =>
    withPatched(String.prototype, "toLowerCase", boom, () =>
      withPatched(String.prototype, "charCodeAt", boom, () => new URL("HTTP://Example.COM/a/../b?q").href),
    ),
  );
  assertEquals(href, "http://example.com/b?q");
});

test("console inspection survives patched Map/Set prototypes", () => {
  const text = withPatched(Map.prototype, "entries", boom, () =>
    withPatched(Set.prototype, "values", boom, () => captureLog(new Map([[1, 2]]), new Set([3]))),
  );
  assertEquals(text, "Map(1) { 1 => 2 } Set(1) { 3 }\n");
});

test("console survives patched Function.prototype.call/apply", () => {
  const text = withPatched(Function.prototype, "call", boom, () =>
    withPatched(Function.prototype, "apply", boom, () => captureLog("%s=%d", "x", 1, [1, 2])),
  );
  assertEquals(text, "x=1 [ 1, 2 ]\n");
});

test("EventTarget survives patched Array and Map methods", () => {
  const target = new EventTarget();
  let count = 0;
  const fired = withPatched(Array.prototype, "slice", boom, () =>
    withPatched(Map.prototype, "get", boom, () => {
      target.addEventListener("x", () => count++);
      return target.dispatchEvent(new Event("x"));
    }),
  );
  assertEquals([fired, count], [true, 1]);
});

test("structuredClone survives patched Map.prototype.set and Object.keys", () => {
  const source = { m: new Map([[1, { a: 1 }]]) };
  const copy = withPatched(Map.prototype, "set", boom, () =>
    withPatched(Object, "keys", boom, () => structuredClone(source)),
  );
  assertEquals(copy.m.get(1), { a: 1 });
});

test("TextDecoder/TextEncoder survive patched String.fromCharCode and TypedArray methods", () => {
  const text = withPatched(String, "fromCharCode", boom, () =>
    withPatched(Object.getPrototypeOf(Uint8Array.prototype), "subarray", boom, () =>
      new TextDecoder().decode(new TextEncoder().encode("héllo")),
    ),
  );
  assertEquals(text, "héllo");
});

test("AbortSignal.any survives patched Array.prototype.push", () => {
  const controller = new AbortController();
  const signal = withPatched(Array.prototype, "push", boom, () => AbortSignal.any([controller.signal]));
  controller.abort("r");
  assertEquals(signal.reason, "r");
});

test("web globals are writable, configurable and not enumerable", () => {
  const names = ["console", "Event", "EventTarget", "CustomEvent", "AbortController", "AbortSignal", "DOMException", "TextEncoder", "TextDecoder", "atob", "btoa", "URL", "URLSearchParams", "structuredClone", "reportError"];
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    assert(desc !== undefined, name);
    assertEquals([desc.writable, desc.enumerable, desc.configurable], [true, false, true], name);
  }
  assert(!Object.keys(globalThis).includes("URL"));
});

test("prototype methods are enumerable like WebIDL operations", () => {
  assert(Object.keys(EventTarget.prototype).includes("addEventListener"));
  assert(Object.keys(URL.prototype).includes("href"));
  assert(Object.keys(URLSearchParams.prototype).includes("append"));
});
