// Entry point of the runtime's internal JavaScript: evaluated once at snapshot build time, so
// everything it installs is already in place when a runtime boots.
import { print } from "./core/ops.js";
import { greet } from "./greeting.js";
import { internalJsVersion, runtimeName } from "./version.js";

Object.defineProperty(globalThis, "print", {
  value: (...values) => print(values.map(String).join(" ") + "\n"),
  writable: true,
  configurable: true,
});
Object.defineProperty(globalThis, "greet", { value: greet, writable: true, configurable: true });
Object.defineProperty(globalThis, "runtime", {
  value: Object.freeze({ name: runtimeName, internalJsVersion }),
  writable: true,
  configurable: true,
});
