// Event (DOM Standard §2.2). The dispatch algorithm itself lives in event_target.js; this module
// owns the event's flags and hands them to it through `eventInternals`.
import {
  DateNow,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectFreeze,
  SafeString,
  SafeTypeError,
} from "../primordials/index.js";

const NONE = 0;
const CAPTURING_PHASE = 1;
const AT_TARGET = 2;
const BUBBLING_PHASE = 3;

/** The internal slots of an event, read and written by the dispatch algorithm. */
let stateOf;

function now() {
  const perf = globalThis.performance;
  if (perf !== undefined && perf !== null && typeof perf.now === "function") return perf.now();
  return DateNow();
}

// [LegacyUnforgeable] isTrusted is an own, non-configurable accessor on every instance; one shared
// getter reads the trusted flag.
function isTrustedGetter() {
  return stateOf(this).isTrusted;
}
const isTrustedDescriptor = { get: isTrustedGetter, enumerable: true, configurable: false };

export class Event {
  #s;

  constructor(type, eventInitDict = undefined) {
    if (arguments.length === 0) {
      throw new SafeTypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
    }
    const init = eventInitDict === undefined || eventInitDict === null ? {} : eventInitDict;
    if (typeof init !== "object" && typeof init !== "function") {
      throw new SafeTypeError("Failed to construct 'Event': The provided value is not of type 'EventInit'.");
    }
    this.#s = {
      type: SafeString(type),
      bubbles: !!init.bubbles,
      cancelable: !!init.cancelable,
      composed: !!init.composed,
      target: null,
      currentTarget: null,
      eventPhase: NONE,
      stopPropagation: false,
      stopImmediatePropagation: false,
      canceled: false,
      inPassiveListener: false,
      initialized: true,
      dispatch: false,
      isTrusted: false,
      timeStamp: now(),
    };
    ObjectDefineProperty(this, "isTrusted", isTrustedDescriptor);
  }

  static {
    stateOf = (event) => {
      if (typeof event !== "object" || event === null || !(#s in event)) {
        throw new SafeTypeError("Illegal invocation");
      }
      return event.#s;
    };
  }

  get type() {
    return stateOf(this).type;
  }
  get target() {
    return stateOf(this).target;
  }
  /** Legacy alias of target. */
  get srcElement() {
    return stateOf(this).target;
  }
  get currentTarget() {
    return stateOf(this).currentTarget;
  }
  composedPath() {
    const s = stateOf(this);
    // For a single-target dispatch the path is just the current target, and empty otherwise.
    return s.currentTarget === null ? [] : [s.currentTarget];
  }
  get eventPhase() {
    return stateOf(this).eventPhase;
  }
  stopPropagation() {
    stateOf(this).stopPropagation = true;
  }
  get cancelBubble() {
    return stateOf(this).stopPropagation;
  }
  set cancelBubble(value) {
    if (value) stateOf(this).stopPropagation = true;
  }
  stopImmediatePropagation() {
    const s = stateOf(this);
    s.stopPropagation = true;
    s.stopImmediatePropagation = true;
  }
  get bubbles() {
    return stateOf(this).bubbles;
  }
  get cancelable() {
    return stateOf(this).cancelable;
  }
  get returnValue() {
    return !stateOf(this).canceled;
  }
  set returnValue(value) {
    if (!value) setCanceledFlag(stateOf(this));
  }
  preventDefault() {
    setCanceledFlag(stateOf(this));
  }
  get defaultPrevented() {
    return stateOf(this).canceled;
  }
  get composed() {
    return stateOf(this).composed;
  }
  get timeStamp() {
    return stateOf(this).timeStamp;
  }
  /** Legacy initEvent: has no effect while the event is being dispatched. */
  initEvent(type, bubbles = false, cancelable = false) {
    const s = stateOf(this);
    if (arguments.length === 0) throw new SafeTypeError("initEvent: 1 argument required, but only 0 present.");
    if (s.dispatch) return;
    s.initialized = true;
    s.stopPropagation = false;
    s.stopImmediatePropagation = false;
    s.canceled = false;
    s.isTrusted = false;
    s.target = null;
    s.type = SafeString(type);
    s.bubbles = !!bubbles;
    s.cancelable = !!cancelable;
  }
}

// "set the canceled flag": only cancelable events outside passive listeners can be canceled.
function setCanceledFlag(s) {
  if (s.cancelable && !s.inPassiveListener) s.canceled = true;
}

const phases = { NONE, CAPTURING_PHASE, AT_TARGET, BUBBLING_PHASE };
for (const name of ["NONE", "CAPTURING_PHASE", "AT_TARGET", "BUBBLING_PHASE"]) {
  const desc = { value: phases[name], enumerable: true, writable: false, configurable: false };
  ObjectDefineProperty(Event, name, desc);
  ObjectDefineProperty(Event.prototype, name, desc);
}
ObjectDefineProperty(Event.prototype, Symbol.toStringTag, { value: "Event", configurable: true });
// WebIDL attributes and operations are enumerable on the prototype.
const enumerable = { enumerable: true };
ObjectDefineProperties(Event.prototype, {
  type: enumerable,
  target: enumerable,
  srcElement: enumerable,
  currentTarget: enumerable,
  composedPath: enumerable,
  eventPhase: enumerable,
  stopPropagation: enumerable,
  cancelBubble: enumerable,
  stopImmediatePropagation: enumerable,
  bubbles: enumerable,
  cancelable: enumerable,
  returnValue: enumerable,
  preventDefault: enumerable,
  defaultPrevented: enumerable,
  composed: enumerable,
  timeStamp: enumerable,
  initEvent: enumerable,
});

/** Internal access to an event's flags (throws TypeError for non-events). */
export function eventInternals(event) {
  return stateOf(event);
}

/** Whether `value` is an Event created by this module. */
export function isEvent(value) {
  try {
    stateOf(value);
    return true;
  } catch {
    return false;
  }
}

export const EventPhase = ObjectFreeze({ NONE, CAPTURING_PHASE, AT_TARGET, BUBBLING_PHASE });
