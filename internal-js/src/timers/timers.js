// setTimeout / setInterval / clearTimeout / clearInterval, following the HTML Standard's timer
// initialisation steps, backed by the event loop through two ops:
//   op_timer_start(delayMs, id) -> a promise the loop resolves when the timer is due;
//   op_timer_cancel(id)         -> forgets the timer (its promise is never settled).
// Timers run in deadline order, then in the order they were created.
import { ops } from "../core/ops.js";
import {
  MathMax,
  PromisePrototypeThen,
  ReflectApply,
  SafeMap,
} from "../primordials/index.js";

const active = new SafeMap(); // id -> { callback, args, repeat, delay, nesting }
let nextId = 1;
let currentNesting = 0;

// WebIDL `long`: ToNumber, then modulo 2^32 into the signed 32-bit range (ToInt32), once per
// call of setTimeout/setInterval.
function toLong(value) {
  return Number(value) | 0;
}

function normalizeDelay(timeout, nesting) {
  let delay = timeout;
  if (delay < 0) delay = 0;
  // HTML: once timers nest more than 5 deep, delays are at least 4 ms.
  if (nesting > 5) delay = MathMax(delay, 4);
  return delay;
}

function arm(id, timer) {
  PromisePrototypeThen(ops.op_timer_start(timer.delay, id), () => fire(id));
}

function fire(id) {
  const timer = active.get(id);
  if (timer === undefined) return;
  if (!timer.repeat) active.delete(id);
  const outer = currentNesting;
  currentNesting = timer.nesting;
  try {
    if (typeof timer.callback === "function") {
      ReflectApply(timer.callback, globalThis, timer.args);
    } else {
      // A string callback is compiled as a classic script, as browsers do.
      (0, eval)(String(timer.callback));
    }
  } finally {
    currentNesting = outer;
    if (timer.repeat && active.get(id) === timer) {
      timer.nesting += 1;
      timer.delay = normalizeDelay(timer.timeout, timer.nesting);
      arm(id, timer);
    }
  }
}

function schedule(callback, timeout, args, repeat) {
  const id = nextId++;
  const nesting = currentNesting + 1;
  timeout = toLong(timeout);
  const timer = { callback, args, repeat, timeout, nesting, delay: normalizeDelay(timeout, nesting) };
  active.set(id, timer);
  arm(id, timer);
  return id;
}

function clear(id) {
  const key = Number(id);
  if (active.delete(key)) ops.op_timer_cancel(key);
}

export function setTimeout(callback, timeout = 0, ...args) {
  return schedule(callback, timeout, args, false);
}

export function setInterval(callback, timeout = 0, ...args) {
  return schedule(callback, timeout, args, true);
}

export function clearTimeout(id = 0) {
  clear(id);
}

export function clearInterval(id = 0) {
  clear(id);
}

/** Queues `callback` as a microtask; a throw is reported like an uncaught exception. */
export function queueMicrotask(callback) {
  if (typeof callback !== "function") {
    throw new TypeError("queueMicrotask: the callback must be a function");
  }
  PromisePrototypeThen(Promise.resolve(), () => callback());
}
