// A small piece of JavaScript whose result is visible after boot.
import { runtimeName } from "./name.js";

export function greet(who) {
  return `Hello, ${who}, from ${runtimeName}'s snapshot!`;
}
