// AbortSignal (DOM Standard §3.2), including dependent signals for AbortSignal.any.
import {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  NumberIsFinite,
  MathFloor,
  ObjectDefineProperties,
  ObjectDefineProperty,
  SafeSet,
  SafeTypeError,
  SafeWeakRef,
  SymbolIterator,
} from "../primordials/index.js";
import { DOMException } from "../webidl/dom_exception.js";
import { Event } from "./event.js";
import { EventTarget, defineEventHandler, fireEvent, registerSignalHooks } from "./event_target.js";

// Only internal code may construct signals: `new AbortSignal()` from user code throws.
const constructKey = Symbol("AbortSignal construct key");

let stateOf;

export class AbortSignal extends EventTarget {
  #s;

  constructor(key = undefined) {
    if (key !== constructKey) throw new SafeTypeError("Illegal constructor");
    super();
    this.#s = {
      aborted: false,
      reason: undefined,
      algorithms: new SafeSet(),
      dependent: false,
      sources: [], // WeakRefs to the non-dependent signals this one follows
      dependents: [], // WeakRefs to dependent signals following this one
    };
  }

  static {
    stateOf = (signal) => {
      if (typeof signal !== "object" || signal === null || !(#s in signal)) {
        throw new SafeTypeError("Illegal invocation");
      }
      return signal.#s;
    };
  }

  /** Returns a signal that is already aborted with `reason` (default an AbortError). */
  static abort(reason = undefined) {
    const signal = createAbortSignal();
    const s = stateOf(signal);
    s.aborted = true;
    s.reason = reason === undefined ? defaultAbortReason() : reason;
    return signal;
  }

  /** Returns a signal that aborts with a TimeoutError after `milliseconds` (needs setTimeout). */
  static timeout(milliseconds) {
    const ms = enforceRangeUnsignedLongLong(milliseconds);
    const setTimeout = globalThis.setTimeout;
    if (typeof setTimeout !== "function") {
      throw new SafeTypeError("AbortSignal.timeout() requires timers (globalThis.setTimeout is not available)");
    }
    const signal = createAbortSignal();
    FunctionPrototypeCall(setTimeout, globalThis, () => {
      signalAbort(signal, new DOMException("The operation timed out.", "TimeoutError"));
    }, ms);
    return signal;
  }

  /** Returns a signal that aborts as soon as any of `signals` aborts, with that signal's reason. */
  static any(signals) {
    if (signals === null || signals === undefined || typeof signals[SymbolIterator] !== "function") {
      throw new SafeTypeError("Failed to execute 'any' on 'AbortSignal': The provided value cannot be converted to a sequence.");
    }
    const list = [];
    for (const signal of signals) {
      if (!isSignal(signal)) {
        throw new SafeTypeError("Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.");
      }
      ArrayPrototypePush(list, signal);
    }
    return createDependentAbortSignal(list);
  }

  get aborted() {
    return stateOf(this).aborted;
  }

  get reason() {
    return stateOf(this).reason;
  }

  throwIfAborted() {
    const s = stateOf(this);
    if (s.aborted) throw s.reason;
  }
}

function defaultAbortReason() {
  return new DOMException("This operation was aborted", "AbortError");
}

// WebIDL [EnforceRange] unsigned long long.
function enforceRangeUnsignedLongLong(value) {
  const n = +value;
  if (!NumberIsFinite(n)) throw new SafeTypeError("The provided value is not a finite number.");
  const i = n < 0 ? -MathFloor(-n) : MathFloor(n);
  if (i < 0 || i > 9007199254740991) throw new SafeTypeError("The provided value is outside the range of unsigned long long.");
  return i;
}

export function createAbortSignal() {
  return new AbortSignal(constructKey);
}

export function isSignal(value) {
  if (typeof value !== "object" || value === null) return false;
  try {
    stateOf(value);
    return true;
  } catch {
    return false;
  }
}

// "create a dependent abort signal" (§3.2.1).
function createDependentAbortSignal(signals) {
  const result = createAbortSignal();
  const rs = stateOf(result);
  for (let i = 0; i < signals.length; i++) {
    const s = stateOf(signals[i]);
    if (s.aborted) {
      rs.aborted = true;
      rs.reason = s.reason;
      return result;
    }
  }
  rs.dependent = true;
  const resultRef = new SafeWeakRef(result);
  for (let i = 0; i < signals.length; i++) {
    const s = stateOf(signals[i]);
    if (!s.dependent) {
      ArrayPrototypePush(rs.sources, signals[i]);
      ArrayPrototypePush(s.dependents, resultRef);
    } else {
      // A dependent signal's sources are never dependent themselves: follow those directly.
      for (let j = 0; j < s.sources.length; j++) {
        const source = s.sources[j];
        ArrayPrototypePush(rs.sources, source);
        ArrayPrototypePush(stateOf(source).dependents, resultRef);
      }
    }
  }
  return result;
}

/** "signal abort": sets the reason on the signal and its dependents, then runs abort steps. */
export function signalAbort(signal, reason) {
  const s = stateOf(signal);
  if (s.aborted) return;
  s.aborted = true;
  s.reason = reason === undefined ? defaultAbortReason() : reason;
  const toAbort = [];
  for (let i = 0; i < s.dependents.length; i++) {
    const dependent = s.dependents[i].deref();
    if (dependent === undefined) continue;
    const ds = stateOf(dependent);
    if (ds.aborted) continue;
    ds.aborted = true;
    ds.reason = s.reason;
    ArrayPrototypePush(toAbort, dependent);
  }
  s.dependents = [];
  runAbortSteps(signal);
  for (let i = 0; i < toAbort.length; i++) runAbortSteps(toAbort[i]);
}

// "run the abort steps": algorithms first, then the (trusted) abort event.
function runAbortSteps(signal) {
  const s = stateOf(signal);
  const algorithms = s.algorithms;
  s.algorithms = new SafeSet();
  for (const algorithm of algorithms) algorithm();
  fireEvent(signal, new Event("abort"));
}

/** "add" an abort algorithm; a no-op for an already-aborted signal. Returns a remover. */
export function addAbortAlgorithm(signal, algorithm) {
  const s = stateOf(signal);
  if (s.aborted) return () => {};
  s.algorithms.add(algorithm);
  return () => s.algorithms.delete(algorithm);
}

registerSignalHooks({
  isSignal,
  isAborted: (signal) => stateOf(signal).aborted,
  addAlgorithm: addAbortAlgorithm,
});

defineEventHandler(AbortSignal.prototype, "onabort");
ObjectDefineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: "AbortSignal", configurable: true });
ObjectDefineProperties(AbortSignal.prototype, {
  aborted: { enumerable: true },
  reason: { enumerable: true },
  throwIfAborted: { enumerable: true },
});
ObjectDefineProperties(AbortSignal, {
  abort: { enumerable: true },
  timeout: { enumerable: true },
  any: { enumerable: true },
});
