// Event, CustomEvent, EventTarget, AbortController, AbortSignal (DOM Standard).
import { assert, assertEquals, assertThrows, test } from "./harness.js";

const kSetWriter = Symbol.for("snapgen.internal.console.setWriter");

// Runs fn with console output captured; returns the stderr text.
function captureStderr(fn) {
  let err = "";
  const previous = console[kSetWriter]((text, toStderr) => {
    if (toStderr) err += text;
  });
  try {
    fn();
  } finally {
    console[kSetWriter](previous);
  }
  return err;
}

test("Event constructor and defaults", () => {
  const e = new Event("custom");
  assertEquals(e.type, "custom");
  assertEquals([e.bubbles, e.cancelable, e.composed, e.defaultPrevented], [false, false, false, false]);
  assertEquals([e.target, e.currentTarget, e.srcElement], [null, null, null]);
  assertEquals(e.eventPhase, Event.NONE);
  assertEquals(e.isTrusted, false);
  assertEquals(e.returnValue, true);
  assertEquals(e.cancelBubble, false);
  assert(typeof e.timeStamp === "number");
  assertEquals(e.composedPath(), []);
  assertThrows(() => new Event(), TypeError);
  assertEquals(new Event(undefined).type, "undefined");
  const init = new Event("x", { bubbles: 1, cancelable: "yes", composed: true });
  assertEquals([init.bubbles, init.cancelable, init.composed], [true, true, true]);
});

test("Event phase constants", () => {
  assertEquals([Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE], [0, 1, 2, 3]);
  assertEquals(new Event("x").AT_TARGET, 2);
});

test("Event.isTrusted is an unforgeable own accessor", () => {
  const e = new Event("x");
  const desc = Object.getOwnPropertyDescriptor(e, "isTrusted");
  assert(desc.get !== undefined && desc.configurable === false);
  assertThrows(() => Event.prototype.type, TypeError);
});

test("preventDefault only affects cancelable events", () => {
  const a = new Event("x");
  a.preventDefault();
  assertEquals(a.defaultPrevented, false);
  const b = new Event("x", { cancelable: true });
  b.preventDefault();
  assertEquals(b.defaultPrevented, true);
  assertEquals(b.returnValue, false);
  const c = new Event("x", { cancelable: true });
  c.returnValue = false;
  assertEquals(c.defaultPrevented, true);
});

test("CustomEvent detail", () => {
  const e = new CustomEvent("c", { detail: { n: 1 } });
  assertEquals(e.detail, { n: 1 });
  assert(e instanceof Event);
  assertEquals(new CustomEvent("c").detail, null);
  assertEquals(Object.prototype.toString.call(e), "[object CustomEvent]");
});

test("dispatchEvent calls listeners in order with target and currentTarget", () => {
  const target = new EventTarget();
  const log = [];
  target.addEventListener("x", function (e) {
    log.push(["a", this === target, e.target === target, e.currentTarget === target, e.eventPhase]);
  });
  target.addEventListener("x", (e) => log.push(["b", e.type]));
  target.addEventListener("y", () => log.push(["wrong type"]));
  const event = new Event("x");
  assertEquals(target.dispatchEvent(event), true);
  assertEquals(log, [["a", true, true, true, Event.AT_TARGET], ["b", "x"]]);
  assertEquals(event.eventPhase, Event.NONE);
  assertEquals(event.currentTarget, null);
  assertEquals(event.target, target); // kept after dispatch for non-node targets
});

test("capture listeners run before non-capture ones at the target", () => {
  const target = new EventTarget();
  const log = [];
  target.addEventListener("x", () => log.push("bubble1"));
  target.addEventListener("x", () => log.push("capture"), { capture: true });
  target.addEventListener("x", () => log.push("bubble2"), false);
  target.addEventListener("x", () => log.push("capture2"), true);
  target.dispatchEvent(new Event("x"));
  assertEquals(log, ["capture", "capture2", "bubble1", "bubble2"]);
});

test("duplicate listeners are ignored; capture makes them distinct", () => {
  const target = new EventTarget();
  let count = 0;
  const fn = () => count++;
  target.addEventListener("x", fn);
  target.addEventListener("x", fn);
  target.addEventListener("x", fn, { once: true });
  target.addEventListener("x", fn, true);
  target.dispatchEvent(new Event("x"));
  assertEquals(count, 2);
  target.removeEventListener("x", fn, { capture: true });
  target.dispatchEvent(new Event("x"));
  assertEquals(count, 3);
  target.removeEventListener("x", fn);
  target.dispatchEvent(new Event("x"));
  assertEquals(count, 3);
});

test("once listeners run once", () => {
  const target = new EventTarget();
  let count = 0;
  target.addEventListener("x", () => count++, { once: true });
  target.dispatchEvent(new Event("x"));
  target.dispatchEvent(new Event("x"));
  assertEquals(count, 1);
});

test("once listener re-dispatching the event type does not run again", () => {
  const target = new EventTarget();
  let count = 0;
  target.addEventListener("x", () => {
    count++;
    target.dispatchEvent(new Event("x"));
  }, { once: true });
  target.dispatchEvent(new Event("x"));
  assertEquals(count, 1);
});

test("passive listeners cannot cancel", () => {
  const target = new EventTarget();
  let insidePassive;
  target.addEventListener("x", (e) => {
    e.preventDefault();
    insidePassive = e.defaultPrevented;
  }, { passive: true });
  const e = new Event("x", { cancelable: true });
  assertEquals(target.dispatchEvent(e), true);
  assertEquals(insidePassive, false);
  target.addEventListener("x", (ev) => ev.preventDefault());
  assertEquals(target.dispatchEvent(new Event("x", { cancelable: true })), false);
});

test("signal option removes the listener on abort", () => {
  const target = new EventTarget();
  const controller = new AbortController();
  let count = 0;
  target.addEventListener("x", () => count++, { signal: controller.signal });
  target.dispatchEvent(new Event("x"));
  controller.abort();
  target.dispatchEvent(new Event("x"));
  assertEquals(count, 1);
  target.addEventListener("x", () => count++, { signal: controller.signal }); // already aborted: not added
  target.dispatchEvent(new Event("x"));
  assertEquals(count, 1);
  assertThrows(() => target.addEventListener("x", () => {}, { signal: null }), TypeError);
  assertThrows(() => target.addEventListener("x", () => {}, { signal: {} }), TypeError);
});

test("listeners added during dispatch do not run; removed ones do not run", () => {
  const target = new EventTarget();
  const log = [];
  const late = () => log.push("late");
  const second = () => log.push("second");
  target.addEventListener("x", () => {
    log.push("first");
    target.addEventListener("x", late);
    target.removeEventListener("x", second);
  });
  target.addEventListener("x", second);
  target.dispatchEvent(new Event("x"));
  assertEquals(log, ["first"]);
  target.dispatchEvent(new Event("x"));
  assertEquals(log, ["first", "first", "late"]);
});

test("stopImmediatePropagation stops later listeners; stopPropagation does not at target", () => {
  const target = new EventTarget();
  const log = [];
  target.addEventListener("x", (e) => {
    log.push(1);
    e.stopPropagation();
  });
  target.addEventListener("x", () => log.push(2));
  target.dispatchEvent(new Event("x"));
  assertEquals(log, [1, 2]);
  const t2 = new EventTarget();
  const log2 = [];
  t2.addEventListener("x", (e) => {
    log2.push(1);
    e.stopImmediatePropagation();
  });
  t2.addEventListener("x", () => log2.push(2));
  const ev = new Event("x");
  t2.dispatchEvent(ev);
  assertEquals(log2, [1]);
  // The flags are cleared after dispatch, so the event can be dispatched again.
  assertEquals(ev.cancelBubble, false);
  t2.dispatchEvent(ev);
  assertEquals(log2, [1, 1]);
});

test("stopPropagation in a capture listener skips the non-capture listeners", () => {
  const target = new EventTarget();
  const log = [];
  target.addEventListener("x", (e) => {
    log.push("capture");
    e.stopPropagation();
  }, true);
  target.addEventListener("x", () => log.push("bubble"));
  target.dispatchEvent(new Event("x"));
  assertEquals(log, ["capture"]);
});

test("handleEvent objects", () => {
  const target = new EventTarget();
  const listener = {
    calls: 0,
    handleEvent(e) {
      this.calls++;
      assert(this === listener);
      assertEquals(e.type, "x");
    },
  };
  target.addEventListener("x", listener);
  target.dispatchEvent(new Event("x"));
  // handleEvent is looked up at call time.
  let replaced = false;
  listener.handleEvent = () => (replaced = true);
  target.dispatchEvent(new Event("x"));
  assertEquals([listener.calls, replaced], [1, true]);
});

test("listener errors are reported and dispatch continues", () => {
  const target = new EventTarget();
  let after = false;
  target.addEventListener("x", () => {
    throw new Error("listener failed");
  });
  target.addEventListener("x", { handleEvent: 42 });
  target.addEventListener("x", () => (after = true));
  const err = captureStderr(() => target.dispatchEvent(new Event("x")));
  assert(after, "later listener ran");
  assert(err.includes("Uncaught Error: listener failed"), err);
  assert(err.includes("TypeError"), err);
});

test("reportError prints to stderr", () => {
  const err = captureStderr(() => reportError(new RangeError("reported")));
  assert(err.startsWith("Uncaught RangeError: reported"), err);
  assertEquals(captureStderr(() => reportError("plain")), "Uncaught plain\n");
  assertThrows(() => reportError(), TypeError);
});

test("dispatchEvent argument checks", () => {
  const target = new EventTarget();
  assertThrows(() => target.dispatchEvent({ type: "x" }), TypeError);
  const e = new Event("x");
  let inner;
  target.addEventListener("x", () => {
    try {
      target.dispatchEvent(e);
    } catch (error) {
      inner = error;
    }
  });
  target.dispatchEvent(e);
  assert(inner instanceof DOMException);
  assertEquals(inner.name, "InvalidStateError");
  assertThrows(() => target.addEventListener("x"), TypeError);
  assertThrows(() => target.addEventListener("x", 5), TypeError);
  target.addEventListener("x", null); // ignored
});

test("EventTarget can be subclassed", () => {
  class Emitter extends EventTarget {
    fire() {
      return this.dispatchEvent(new CustomEvent("fire", { detail: 7 }));
    }
  }
  const emitter = new Emitter();
  let detail;
  emitter.addEventListener("fire", (e) => (detail = e.detail));
  emitter.fire();
  assertEquals(detail, 7);
});

test("AbortController and AbortSignal basics", () => {
  const controller = new AbortController();
  const signal = controller.signal;
  assert(signal instanceof AbortSignal && signal instanceof EventTarget);
  assertEquals([signal.aborted, signal.reason], [false, undefined]);
  signal.throwIfAborted();
  const events = [];
  signal.addEventListener("abort", (e) => events.push([e.type, e.isTrusted, e.target === signal]));
  controller.abort();
  assertEquals(signal.aborted, true);
  assert(signal.reason instanceof DOMException);
  assertEquals(signal.reason.name, "AbortError");
  assertEquals(events, [["abort", true, true]]);
  controller.abort("again"); // no second event, reason unchanged
  assertEquals(events.length, 1);
  assertEquals(signal.reason.name, "AbortError");
  const thrown = assertThrows(() => signal.throwIfAborted(), DOMException);
  assert(thrown === signal.reason);
  assertThrows(() => new AbortSignal(), TypeError);
});

test("AbortController.abort with a custom reason", () => {
  const controller = new AbortController();
  controller.abort("why");
  assertEquals(controller.signal.reason, "why");
  try {
    controller.signal.throwIfAborted();
    assert(false);
  } catch (e) {
    assertEquals(e, "why");
  }
});

test("onabort event handler attribute", () => {
  const controller = new AbortController();
  const signal = controller.signal;
  assertEquals(signal.onabort, null);
  const log = [];
  signal.addEventListener("abort", () => log.push("listener1"));
  signal.onabort = () => log.push("handler-old");
  signal.addEventListener("abort", () => log.push("listener2"));
  signal.onabort = function (e) {
    log.push(["handler", this === signal, e.type]);
  };
  controller.abort();
  // The handler keeps the position where it was first set.
  assertEquals(log, ["listener1", ["handler", true, "abort"], "listener2"]);
  signal.onabort = 5;
  assertEquals(signal.onabort, null);
});

test("AbortSignal.abort", () => {
  const s = AbortSignal.abort();
  assertEquals(s.aborted, true);
  assertEquals(s.reason.name, "AbortError");
  assertEquals(s.reason.message, "This operation was aborted");
  assertEquals(AbortSignal.abort(123).reason, 123);
  const err = new Error("e");
  assert(AbortSignal.abort(err).reason === err);
});

test("AbortSignal.any follows the first source to abort", () => {
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  assertEquals(any.aborted, false);
  const log = [];
  any.addEventListener("abort", () => log.push(["any", any.reason]));
  b.signal.addEventListener("abort", () => log.push(["b", any.aborted]));
  b.abort("b-reason");
  assertEquals(any.reason, "b-reason");
  // Dependents get their reason set before the source's abort event fires.
  assertEquals(log, [["b", true], ["any", "b-reason"]]);
  a.abort("a-reason");
  assertEquals(any.reason, "b-reason");
});

test("AbortSignal.any with already-aborted, empty and nested inputs", () => {
  const aborted = AbortSignal.abort("early");
  const live = new AbortController();
  assertEquals(AbortSignal.any([live.signal, aborted]).reason, "early");
  assertEquals(AbortSignal.any([]).aborted, false);
  const c = new AbortController();
  const inner = AbortSignal.any([c.signal]);
  const outer = AbortSignal.any([inner]);
  c.abort("deep");
  assertEquals([inner.reason, outer.reason], ["deep", "deep"]);
  assertThrows(() => AbortSignal.any([{}]), TypeError);
  assertThrows(() => AbortSignal.any(5), TypeError);
});

test("AbortSignal.timeout needs timers, or aborts with TimeoutError", async () => {
  if (typeof globalThis.setTimeout !== "function") {
    assertThrows(() => AbortSignal.timeout(10), TypeError, "setTimeout");
    return;
  }
  assertThrows(() => AbortSignal.timeout(-1), TypeError);
  const signal = AbortSignal.timeout(5);
  assertEquals(signal.aborted, false);
  await new Promise((resolve) => signal.addEventListener("abort", resolve));
  assertEquals(signal.reason.name, "TimeoutError");
});

test("AbortSignal.timeout looks setTimeout up lazily", () => {
  const saved = globalThis.setTimeout;
  try {
    globalThis.setTimeout = undefined;
    assertThrows(() => AbortSignal.timeout(1), TypeError, "setTimeout");
    let scheduled;
    globalThis.setTimeout = (fn, ms) => (scheduled = { fn, ms });
    const signal = AbortSignal.timeout(42);
    assertEquals(scheduled.ms, 42);
    scheduled.fn();
    assertEquals(signal.reason.name, "TimeoutError");
  } finally {
    globalThis.setTimeout = saved;
  }
});

test("async test with timeout option works", async () => {
  await Promise.resolve();
  assert(true);
}, { timeout: 1000 });
