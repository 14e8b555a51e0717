// "Report the exception" (HTML §8.1.4.6) for a runtime without a window: print the error to
// stderr via console.error as an uncaught error would be, and keep going. Errors thrown by event
// listeners go through here so that one failing listener does not stop the dispatch.
import { SafeTypeError } from "../primordials/index.js";
import { console as internalConsole } from "../console/console.js";

let hook = null;

/** Reports `error` (the global reportError). */
export function reportError(error) {
  if (arguments.length === 0) {
    throw new SafeTypeError("Failed to execute 'reportError': 1 argument required, but only 0 present.");
  }
  if (hook !== null) {
    hook(error);
    return;
  }
  internalConsole.error("Uncaught", error);
}

/** Internal: replace the reporting behaviour (null restores printing to stderr). */
export function setReportErrorHook(fn) {
  hook = typeof fn === "function" ? fn : null;
}
