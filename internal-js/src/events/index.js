// The events area: Event, CustomEvent, EventTarget, AbortController, AbortSignal, reportError.
export { Event } from "./event.js";
export { CustomEvent } from "./custom_event.js";
export { EventTarget } from "./event_target.js";
export { AbortSignal } from "./abort_signal.js";
export { AbortController } from "./abort_controller.js";
export { reportError } from "./report_error.js";
