// Entry point of the runtime's internal JavaScript: evaluated once at snapshot build time, so
// everything it installs is already in place when a runtime boots.
import "./web_globals.js";
import { performance } from "./performance/performance.js";
import { runtime } from "./runtime/namespace.js";
import { clearInterval, clearTimeout, queueMicrotask, setInterval, setTimeout } from "./timers/timers.js";

function install(name, value) {
  Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
}

install("setTimeout", setTimeout);
install("setInterval", setInterval);
install("clearTimeout", clearTimeout);
install("clearInterval", clearInterval);
install("queueMicrotask", queueMicrotask);
install("performance", performance);
install("runtime", runtime);
