// EventTarget (DOM Standard §2.7) with the dispatch algorithm (§2.9) for a target without
// parents: capture listeners run before non-capture listeners, both in the AT_TARGET phase.
import {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  FunctionPrototypeCall,
  ObjectDefineProperties,
  ObjectDefineProperty,
  SafeMap,
  SafeWeakMap,
  SafeString,
  globalThisRef,
  SafeTypeError,
} from "../primordials/index.js";
import { DOMException } from "../webidl/dom_exception.js";
import { EventPhase, eventInternals, isEvent } from "./event.js";
import { reportError } from "./report_error.js";

/** Set by abort_signal.js, which depends on this module (avoids an import cycle). */
let signalHooks = null;
export function registerSignalHooks(hooks) {
  signalHooks = hooks;
}

let listenersOf;

// "flatten more" of AddEventListenerOptions.
function flattenOptions(options) {
  if (typeof options === "boolean") return { capture: options, once: false, passive: false, signal: null };
  if (options === undefined || options === null) return { capture: false, once: false, passive: false, signal: null };
  if (typeof options !== "object" && typeof options !== "function") {
    return { capture: !!options, once: false, passive: false, signal: null };
  }
  const capture = !!options.capture;
  const once = !!options.once;
  const passive = !!options.passive;
  let signal = null;
  if ("signal" in options) {
    signal = options.signal;
    if (signalHooks === null || !signalHooks.isSignal(signal)) {
      throw new SafeTypeError("Failed to execute 'addEventListener' on 'EventTarget': member signal is not of type 'AbortSignal'.");
    }
  }
  return { capture, once, passive, signal };
}

function flattenCapture(options) {
  if (typeof options === "boolean") return options;
  if (options === undefined || options === null) return false;
  if (typeof options !== "object" && typeof options !== "function") return !!options;
  return !!options.capture;
}

function checkCallback(callback, method) {
  if (callback === null || callback === undefined) return null;
  if (typeof callback !== "function" && typeof callback !== "object") {
    throw new SafeTypeError(
      `Failed to execute '${method}' on 'EventTarget': parameter 2 is not of type 'EventListener'.`,
    );
  }
  return callback;
}

// The global object's listeners: it is an event target that EventTarget's constructor never ran on.
const globalListeners = new SafeMap();

// WebIDL: an operation of an interface the global object implements, called with an undefined
// or null this (`addEventListener(...)` in module code), acts on the global object.
function orGlobal(value) {
  return value === undefined || value === null ? globalThisRef : value;
}

export class EventTarget {
  // type -> array of listener records { type, callback, capture, passive, once, signal, removed }
  #listeners = new SafeMap();

  constructor() {}

  static {
    listenersOf = (target) => {
      if ((typeof target !== "object" && typeof target !== "function") || target === null || !(#listeners in target)) {
        if (target === globalThisRef) return globalListeners;
        throw new SafeTypeError("Illegal invocation");
      }
      return target.#listeners;
    };
  }

  addEventListener(type, callback, options = undefined) {
    const target = orGlobal(this);
    const map = listenersOf(target);
    if (arguments.length < 2) {
      throw new SafeTypeError("Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required.");
    }
    type = SafeString(type);
    callback = checkCallback(callback, "addEventListener");
    const { capture, once, passive, signal } = flattenOptions(options);
    addListener(target, map, { type, callback, capture, passive, once, signal, removed: false });
  }

  removeEventListener(type, callback, options = undefined) {
    const map = listenersOf(orGlobal(this));
    if (arguments.length < 2) {
      throw new SafeTypeError("Failed to execute 'removeEventListener' on 'EventTarget': 2 arguments required.");
    }
    type = SafeString(type);
    callback = checkCallback(callback, "removeEventListener");
    const capture = flattenCapture(options);
    const list = map.get(type);
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const l = list[i];
      if (l.callback === callback && l.capture === capture) {
        removeListenerRecord(map, l);
        return;
      }
    }
  }

  dispatchEvent(event) {
    const target = orGlobal(this);
    listenersOf(target);
    if (!isEvent(event)) {
      throw new SafeTypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
    }
    const s = eventInternals(event);
    if (s.dispatch || !s.initialized) {
      throw new DOMException("The event is already being dispatched.", "InvalidStateError");
    }
    s.isTrusted = false;
    return dispatch(target, event);
  }
}

// "add an event listener" (§2.7): ignores null callbacks, already-aborted signals and duplicates.
function addListener(target, map, listener) {
  if (listener.signal !== null && signalHooks.isAborted(listener.signal)) return;
  if (listener.callback === null) return;
  let list = map.get(listener.type);
  if (list === undefined) {
    list = [];
    map.set(listener.type, list);
  }
  for (let i = 0; i < list.length; i++) {
    if (list[i].callback === listener.callback && list[i].capture === listener.capture) return;
  }
  ArrayPrototypePush(list, listener);
  if (listener.signal !== null) {
    signalHooks.addAlgorithm(listener.signal, () => removeListenerRecord(map, listener));
  }
}

// "remove an event listener": sets `removed` so that an in-progress dispatch skips it too.
function removeListenerRecord(map, listener) {
  listener.removed = true;
  const list = map.get(listener.type);
  if (list === undefined) return;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === listener) {
      ArrayPrototypeSplice(list, i, 1);
      break;
    }
  }
  if (list.length === 0) map.delete(listener.type);
}

/** The dispatch algorithm (§2.9) for a parentless target. Returns false if the event was canceled. */
export function dispatch(target, event) {
  const s = eventInternals(event);
  s.dispatch = true;
  s.target = target;
  // Capturing pass then bubbling pass over the one-entry path; both see eventPhase AT_TARGET.
  s.eventPhase = EventPhase.AT_TARGET;
  invoke(target, event, s, "capturing");
  s.eventPhase = EventPhase.AT_TARGET;
  invoke(target, event, s, "bubbling");
  s.eventPhase = EventPhase.NONE;
  s.currentTarget = null;
  s.dispatch = false;
  s.stopPropagation = false;
  s.stopImmediatePropagation = false;
  return !s.canceled;
}

function invoke(target, event, s, phase) {
  if (s.stopPropagation) return;
  s.currentTarget = target;
  const map = listenersOf(target);
  const list = map.get(s.type);
  if (list === undefined) return;
  // Listeners added during this dispatch are not run: iterate over a clone.
  const listeners = ArrayPrototypeSlice(list);
  innerInvoke(target, event, s, listeners, phase, map);
}

function innerInvoke(target, event, s, listeners, phase, map) {
  for (let i = 0; i < listeners.length; i++) {
    const listener = listeners[i];
    if (listener.removed) continue;
    if (phase === "capturing" && !listener.capture) continue;
    if (phase === "bubbling" && listener.capture) continue;
    if (listener.once) removeListenerRecord(map, listener);
    if (listener.passive) s.inPassiveListener = true;
    try {
      callListener(listener.callback, target, event);
    } catch (error) {
      reportError(error);
    }
    s.inPassiveListener = false;
    if (s.stopImmediatePropagation) return;
  }
}

// "call a user object's operation": functions are called with this = currentTarget, other
// objects through their handleEvent method (looked up at call time).
function callListener(callback, target, event) {
  if (typeof callback === "function") {
    FunctionPrototypeCall(callback, target, event);
    return;
  }
  const handleEvent = callback.handleEvent;
  if (typeof handleEvent !== "function") {
    throw new SafeTypeError("The 'handleEvent' property of the event listener is not callable.");
  }
  FunctionPrototypeCall(handleEvent, callback, event);
}

/** Internal: dispatches an event created by the platform (isTrusted true). */
export function fireEvent(target, event) {
  const s = eventInternals(event);
  s.isTrusted = true;
  return dispatch(target, event);
}

/** Internal: whether the target has listeners for `type` (used by tests and event handlers). */
export function hasListeners(target, type) {
  const list = listenersOf(target).get(type);
  return list !== undefined && list.length > 0;
}

/**
 * Defines an event handler IDL attribute such as `onabort` (HTML §8.1.8.1). The first non-null
 * value registers one internal listener, which calls whatever handler is current; setting null
 * removes that listener, so a later value is registered at the end of the list again.
 */
export function defineEventHandler(proto, name) {
  const type = name.slice(2);
  const handlers = new SafeWeakMap();
  ObjectDefineProperty(proto, name, {
    enumerable: true,
    configurable: true,
    get() {
      listenersOf(this);
      const h = handlers.get(this);
      return h === undefined ? null : h.value;
    },
    set(value) {
      const map = listenersOf(this);
      const handler = typeof value === "function" || (typeof value === "object" && value !== null) ? value : null;
      let h = handlers.get(this);
      if (handler === null) {
        if (h !== undefined && h.listener !== null) removeListenerRecord(map, h.listener);
        handlers.delete(this);
        return;
      }
      if (h === undefined) {
        h = { value: handler, listener: null };
        handlers.set(this, h);
        const self = this;
        const callback = function (event) {
          const current = h.value;
          if (typeof current !== "function") return;
          const result = FunctionPrototypeCall(current, self, event);
          // "process the event handler's return value": false cancels the event.
          if (result === false) event.preventDefault();
        };
        h.listener = { type, callback, capture: false, passive: false, once: false, signal: null, removed: false };
        addListener(this, map, h.listener);
      } else {
        h.value = handler;
      }
    },
  });
}

ObjectDefineProperty(EventTarget.prototype, Symbol.toStringTag, { value: "EventTarget", configurable: true });
ObjectDefineProperties(EventTarget.prototype, {
  addEventListener: { enumerable: true },
  removeEventListener: { enumerable: true },
  dispatchEvent: { enumerable: true },
});
