// A test fixture, not part of any runtime: a tiny snapshot whose JavaScript visibly ran at build
// time. It installs `greet` and `print`, which the CLI tests call after boot. With no "ops" in
// snapgen.json it is built for the standard ops of `snapgen run`, so `snapgen run` boots it.
import { greet } from "./greeting.js";

const { op_print } = globalThis.core.ops;

function install(name, value) {
  Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
}

install("greet", greet);
install("print", (...values) => op_print(values.map(String).join(" ") + "\n", false));
