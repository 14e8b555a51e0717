// A small piece of internal JS whose result is visible after boot.
import { runtimeName } from "./version.js";

export function greet(who) {
  return `Hello, ${who}, from ${runtimeName}'s snapshot!`;
}
