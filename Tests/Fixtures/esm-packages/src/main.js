// An application entry that pulls in third-party ESM packages the way npm lays them out.
import { greet } from "greeter";
import { format } from "greeter/format";
import { kebab } from "@acme/strings/case/kebab";
import * as strings from "@acme/strings";
import { EventEmitter } from "tiny-events";
import { clamp } from "utils/math.js";
import config from "./config.json" assert { type: "json" };
import { version } from "internal:version";
export * as math from "utils/math.js";

const events = new EventEmitter();
const seen = [];
events.on("greet", (name) => seen.push(name));

globalThis.app = {
  hello(name) {
    events.emit("greet", name);
    return greet(name);
  },
  title: (text) => format(kebab(text)),
  camel: (text) => strings.camel(text),
  clamp: (value) => clamp(value, config.min, config.max),
  version,
  seen,
  strings,
};
