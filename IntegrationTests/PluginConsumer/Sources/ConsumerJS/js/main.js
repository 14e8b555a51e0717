import { greet } from "./greet.js";
import { shout } from "./lib/shout.js";

globalThis.consumer = {
  hello: (name) => shout(greet(name)),
};
