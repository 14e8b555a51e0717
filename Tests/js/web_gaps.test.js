// DOMException options and codes (WebIDL), timers' `long` timeout (WebIDL, HTML), the global
// object as an EventTarget.
import { assert, assertEquals, test } from "./harness.js";

test("DOMException(message, {name, cause})", () => {
  const cause = new Error("root");
  const e = new DOMException("failed", { name: "AbortError", cause });
  assertEquals([e.message, e.name, e.code], ["failed", "AbortError", 20]);
  assert(e.cause === cause, "cause");
  assert(Object.prototype.hasOwnProperty.call(e, "cause"), "own cause");
  assertEquals(Object.getOwnPropertyDescriptor(e, "cause").enumerable, false);
  const plain = new DOMException("m", {});
  assertEquals([plain.name, Object.prototype.hasOwnProperty.call(plain, "cause")], ["Error", false]);
  assertEquals(new DOMException("m", { cause: undefined }).cause, undefined);
  assert("cause" in new DOMException("m", { cause: undefined }), "an explicit undefined cause is kept");
  assertEquals(new DOMException("m", "SyntaxError").name, "SyntaxError");
  assertEquals(new DOMException("m", undefined).name, "Error");
  assertEquals(new DOMException("m", 42).name, "42");
});

test("DOMException codes: removed names have code 0, their constants stay", () => {
  for (const name of ["DOMStringSizeError", "NoDataAllowedError", "ValidationError"]) {
    assertEquals(new DOMException("", name).code, 0, name);
  }
  assertEquals([DOMException.DOMSTRING_SIZE_ERR, DOMException.NO_DATA_ALLOWED_ERR, DOMException.VALIDATION_ERR], [2, 6, 16]);
  assertEquals(new DOMException("", "TypeMismatchError").code, 17);
  assertEquals(new DOMException("", "InUseAttributeError").code, 10);
  assertEquals(new DOMException("", "DataCloneError").code, 25);
});

test("setTimeout converts its timeout as a WebIDL long, once", async () => {
  const started = performance.now();
  // 2 ** 32 is 0 as a long, 2 ** 32 + 1 is 1, 2 ** 31 is negative (so 0).
  await new Promise((resolve) => setTimeout(resolve, 2 ** 32));
  await new Promise((resolve) => setTimeout(resolve, 2 ** 32 + 1));
  await new Promise((resolve) => setTimeout(resolve, 2 ** 31));
  assert(performance.now() - started < 4000, "the timers fired without waiting 2^32 ms");
  let conversions = 0;
  let runs = 0;
  await new Promise((resolve) => {
    const id = setInterval(() => {
      if (++runs === 3) {
        clearInterval(id);
        resolve();
      }
    }, { valueOf: () => (conversions++, 1) });
  });
  assertEquals(conversions, 1);
});

test("globalThis is an EventTarget", () => {
  assert(globalThis instanceof EventTarget, "instanceof");
  assertEquals(typeof globalThis.addEventListener, "function");
  const seen = [];
  const listener = (event) => seen.push([event.type, event.target === globalThis, this]);
  addEventListener("ping", listener);
  assertEquals(dispatchEvent(new Event("ping")), true);
  removeEventListener("ping", listener);
  dispatchEvent(new Event("ping"));
  assertEquals(seen.length, 1);
  assertEquals(seen[0].slice(0, 2), ["ping", true]);
  // Object.prototype is still on the chain.
  assert(Object.prototype.isPrototypeOf(globalThis), "Object.prototype");
  assertEquals(typeof globalThis.hasOwnProperty, "function");
});
