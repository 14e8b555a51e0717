// AbortController (DOM Standard §3.1).
import { ObjectDefineProperties, ObjectDefineProperty, SafeTypeError } from "../primordials/index.js";
import { createAbortSignal, signalAbort } from "./abort_signal.js";

export class AbortController {
  #signal = createAbortSignal();

  get signal() {
    if (!(#signal in this)) throw new SafeTypeError("Illegal invocation");
    return this.#signal;
  }

  abort(reason = undefined) {
    if (!(#signal in this)) throw new SafeTypeError("Illegal invocation");
    signalAbort(this.#signal, reason);
  }
}

ObjectDefineProperty(AbortController.prototype, Symbol.toStringTag, { value: "AbortController", configurable: true });
ObjectDefineProperties(AbortController.prototype, { signal: { enumerable: true }, abort: { enumerable: true } });
