// Installs the web-standard globals of internal-js on globalThis, with the attributes browsers
// use for interface objects and namespaces: writable, configurable, not enumerable.
// Evaluated at snapshot build time: this module only defines properties, it calls no ops.
import { ObjectDefineProperty, ObjectPrototypeIsPrototypeOf, ObjectSetPrototypeOf } from "./primordials/index.js";
import { console } from "./console/index.js";
import { AbortController, AbortSignal, CustomEvent, Event, EventTarget, reportError } from "./events/index.js";
import { isEvent } from "./events/event.js";
import { DOMException } from "./webidl/dom_exception.js";
import { TextDecoder, TextEncoder, atob, btoa } from "./encoding/index.js";
import { URL, URLSearchParams, isURL, isURLSearchParams } from "./url/index.js";
import { registerPlatformObjectCheck, structuredClone } from "./structured_clone/index.js";

const globals = {
  console,
  Event,
  EventTarget,
  CustomEvent,
  AbortController,
  AbortSignal,
  DOMException,
  TextEncoder,
  TextDecoder,
  atob,
  btoa,
  URL,
  URLSearchParams,
  structuredClone,
  reportError,
};

const names = Object.keys(globals);
for (let i = 0; i < names.length; i++) {
  ObjectDefineProperty(globalThis, names[i], {
    value: globals[names[i]],
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

// The global object is an EventTarget, as a window is: addEventListener & co. are inherited
// from EventTarget.prototype, whose prototype is Object.prototype (event_target.js keeps the
// global object's listeners).
ObjectSetPrototypeOf(globalThis, EventTarget.prototype);

// Platform objects are not serializable: structuredClone throws DataCloneError for them.
const platformPrototypes = [
  EventTarget.prototype,
  AbortController.prototype,
  TextEncoder.prototype,
  TextDecoder.prototype,
];
registerPlatformObjectCheck((value) => {
  if (isEvent(value) || isURL(value) || isURLSearchParams(value)) return true;
  for (let i = 0; i < platformPrototypes.length; i++) {
    if (ObjectPrototypeIsPrototypeOf(platformPrototypes[i], value)) return true;
  }
  return false;
});
