import { greet } from "base:js/greet.js";

// Built at `swift build` time on top of ConsumerJS's snapshot: `greet` is the base's own module
// instance, and `consumer` is the global its main.js installed.
export function main(args) {
  globalThis.appOutput = args.map((name) => consumer.hello(name)).join(" ");
  globalThis.appGreeting = greet("layer");
  return args.length;
}
