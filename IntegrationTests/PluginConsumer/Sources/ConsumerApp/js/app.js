import { greet } from "base:js/greet.js";
import { shout } from "base:js/lib/shout.js";

// Built at `swift build` time on top of ConsumerJS's snapshot: the greeting functions are the
// base's own module instances, and `consumer` is the global its main.js installed.
export function main(args) {
  globalThis.appOutput = args.map((name) => shout(greet(name))).join(" ");
  globalThis.appSawRuntime = typeof consumer.hello === "function";
  return args.length;
}
