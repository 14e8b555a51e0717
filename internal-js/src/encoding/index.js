// The encoding area: TextEncoder, TextDecoder (UTF-8), atob and btoa.
export { TextEncoder, utf8Encode } from "./text_encoder.js";
export { TextDecoder } from "./text_decoder.js";
export { atob, btoa } from "./base64.js";
