// CustomEvent (DOM Standard §2.4): an Event carrying a `detail` value.
import { ObjectDefineProperty, SafeTypeError } from "../primordials/index.js";
import { Event } from "./event.js";

export class CustomEvent extends Event {
  #detail;

  constructor(type, eventInitDict = undefined) {
    if (arguments.length === 0) {
      throw new SafeTypeError("Failed to construct 'CustomEvent': 1 argument required, but only 0 present.");
    }
    super(type, eventInitDict);
    const detail = eventInitDict === undefined || eventInitDict === null ? undefined : eventInitDict.detail;
    this.#detail = detail === undefined ? null : detail;
  }

  get detail() {
    if (!(#detail in this)) throw new SafeTypeError("Illegal invocation");
    return this.#detail;
  }

  /** Legacy initCustomEvent. */
  initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
    if (!(#detail in this)) throw new SafeTypeError("Illegal invocation");
    this.initEvent(type, bubbles, cancelable);
    this.#detail = detail;
  }
}

ObjectDefineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: "CustomEvent", configurable: true });
ObjectDefineProperty(CustomEvent.prototype, "detail", { enumerable: true });
