import { secret } from "../outside.js";
globalThis.s = secret;
