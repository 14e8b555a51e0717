// TextDecoder (Encoding Standard §8.1) for every encoding of the standard. UTF-8 is decoded
// here with the standard's UTF-8 decoder (§9.1.1): invalid sequences produce one U+FFFD per
// maximal subpart, or a TypeError in fatal mode, and a sequence split across `{stream: true}`
// calls is completed by the next call. x-user-defined is decoded here too; every other encoding
// streams through a native ICU decoder held by id (ops op_text_decoder_*), closed when the
// TextDecoder is collected. Labels other than UTF-8's are looked up natively, so the label table
// stays out of the JS heap.
import {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  FunctionPrototypeApply,
  ObjectDefineProperties,
  ObjectDefineProperty,
  SafeString,
  SafeTypeError,
  SafeRangeError,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  SafeSet,
  uncurryThis,
} from "../primordials/index.js";
import { toUint8Array } from "./buffer_source.js";
import { ops } from "../core/ops.js";

const utf8Labels = new SafeSet(["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]);

// Strips leading and trailing ASCII whitespace (TAB, LF, FF, CR, SPACE), not String#trim's set.
function trimAsciiWhitespace(s) {
  let start = 0;
  let end = s.length;
  const ws = (c) => c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
  while (start < end && ws(StringPrototypeCharCodeAt(s, start))) start++;
  while (end > start && ws(StringPrototypeCharCodeAt(s, end - 1))) end--;
  return StringPrototypeSlice(s, start, end);
}

const CHUNK = 8192;

// Created on first use, at run time: a registry made while the snapshot is built would be
// serialised with the heap.
let nativeDecoders = null;
const SafeFinalizationRegistry = FinalizationRegistry;
const FinalizationRegistryPrototypeRegister = uncurryThis(FinalizationRegistry.prototype.register);

function closeNativeDecoder(id) {
  ops.op_text_decoder_close(id);
}

function openNativeDecoder(owner, encoding, fatal) {
  const id = ops.op_text_decoder_open(encoding, fatal);
  if (nativeDecoders === null) nativeDecoders = new SafeFinalizationRegistry(closeNativeDecoder);
  FinalizationRegistryPrototypeRegister(nativeDecoders, owner, id);
  return id;
}

/** The Encoding Standard's "get an encoding": its name, or undefined for an unknown label. */
export function encodingForLabel(label) {
  const name = StringPrototypeToLowerCase(trimAsciiWhitespace(label));
  if (utf8Labels.has(name)) return "utf-8";
  return ops.op_encoding_for_label(label);
}

// x-user-defined (§14.5): ASCII bytes as themselves, the others at U+F780 + (byte - 0x80).
function decodeUserDefined(bytes) {
  const chunks = [];
  const units = [];
  const length = bytes === null ? 0 : bytes.length;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i];
    ArrayPrototypePush(units, byte < 0x80 ? byte : 0xf780 + byte - 0x80);
    if (units.length >= CHUNK) {
      ArrayPrototypePush(chunks, FunctionPrototypeApply(StringFromCharCode, null, units));
      units.length = 0;
    }
  }
  ArrayPrototypePush(chunks, FunctionPrototypeApply(StringFromCharCode, null, units));
  return ArrayPrototypeJoin(chunks, "");
}

export class TextDecoder {
  #fatal;
  #ignoreBOM;
  #encoding;
  // The native decoder's id (encodings other than UTF-8 and x-user-defined), else null.
  #native = null;
  // Decoder state (persisting across streaming calls).
  #needed = 0;
  #seen = 0;
  #codePoint = 0;
  #lower = 0x80;
  #upper = 0xbf;
  #bomSeen = false;
  #doNotFlush = false;

  constructor(label = "utf-8", options = undefined) {
    const text = SafeString(label);
    if (options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
      throw new SafeTypeError("Failed to construct 'TextDecoder': The provided value is not of type 'TextDecoderOptions'.");
    }
    // WebIDL reads dictionary members in lexicographic order: fatal, then ignoreBOM.
    const fatal = !!(options && options.fatal);
    const ignoreBOM = !!(options && options.ignoreBOM);
    const encoding = encodingForLabel(text);
    if (encoding === undefined || encoding === "replacement") {
      throw new SafeRangeError(`The "${text}" encoding is not supported`);
    }
    this.#fatal = fatal;
    this.#ignoreBOM = ignoreBOM;
    this.#encoding = encoding;
    if (encoding !== "utf-8" && encoding !== "x-user-defined") this.#native = openNativeDecoder(this, encoding, fatal);
  }

  get encoding() {
    return this.#check().#encoding;
  }
  get fatal() {
    return this.#check().#fatal;
  }
  get ignoreBOM() {
    return this.#check().#ignoreBOM;
  }

  #check() {
    if (!(#fatal in this)) throw new SafeTypeError("Illegal invocation");
    return this;
  }

  decode(input = undefined, options = undefined) {
    this.#check();
    const bytes = input === undefined || input === null ? null : toUint8Array(input, "Failed to execute 'decode' on 'TextDecoder'");
    if (input === null) throw new SafeTypeError("Failed to execute 'decode' on 'TextDecoder': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.");
    // A previous call that ended the stream resets the decoder for a new one.
    if (!this.#doNotFlush) {
      this.#needed = 0;
      this.#seen = 0;
      this.#codePoint = 0;
      this.#lower = 0x80;
      this.#upper = 0xbf;
      this.#bomSeen = false;
    }
    this.#doNotFlush = !!(options && options.stream);
    if (this.#encoding !== "utf-8") return this.#decodeOther(bytes);

    const units = [];
    const chunks = [];
    const emit = (cp) => {
      if (cp > 0xffff) {
        cp -= 0x10000;
        ArrayPrototypePush(units, 0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
      } else {
        ArrayPrototypePush(units, cp);
      }
      if (units.length >= CHUNK) {
        ArrayPrototypePush(chunks, FunctionPrototypeApply(StringFromCharCode, null, units));
        units.length = 0;
      }
    };
    const error = () => {
      if (this.#fatal) {
        // A fatal error ends the stream: the next decode() starts afresh.
        this.#doNotFlush = false;
        throw new SafeTypeError("The encoded data was not valid for encoding utf-8");
      }
      emit(0xfffd);
    };

    const length = bytes === null ? 0 : bytes.length;
    for (let i = 0; i < length; i++) {
      const byte = bytes[i];
      if (this.#needed === 0) {
        if (byte <= 0x7f) emit(byte);
        else if (byte >= 0xc2 && byte <= 0xdf) {
          this.#needed = 1;
          this.#codePoint = byte & 0x1f;
        } else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.#lower = 0xa0; // no overlong 3-byte forms
          if (byte === 0xed) this.#upper = 0x9f; // no surrogates
          this.#needed = 2;
          this.#codePoint = byte & 0xf;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.#lower = 0x90; // no overlong 4-byte forms
          if (byte === 0xf4) this.#upper = 0x8f; // nothing above U+10FFFF
          this.#needed = 3;
          this.#codePoint = byte & 0x7;
        } else {
          error();
        }
        continue;
      }
      if (byte < this.#lower || byte > this.#upper) {
        // The bad byte ends the sequence and is then processed again on its own.
        this.#codePoint = this.#needed = this.#seen = 0;
        this.#lower = 0x80;
        this.#upper = 0xbf;
        i--;
        error();
        continue;
      }
      this.#lower = 0x80;
      this.#upper = 0xbf;
      this.#codePoint = (this.#codePoint << 6) | (byte & 0x3f);
      this.#seen++;
      if (this.#seen !== this.#needed) continue;
      const cp = this.#codePoint;
      this.#codePoint = this.#needed = this.#seen = 0;
      emit(cp);
    }
    if (!this.#doNotFlush && this.#needed !== 0) {
      // End of stream inside a sequence.
      this.#codePoint = this.#needed = this.#seen = 0;
      this.#lower = 0x80;
      this.#upper = 0xbf;
      error();
    }
    ArrayPrototypePush(chunks, FunctionPrototypeApply(StringFromCharCode, null, units));
    return this.#serialize(ArrayPrototypeJoin(chunks, ""));
  }

  #decodeOther(bytes) {
    if (this.#native === null) return decodeUserDefined(bytes);
    let output;
    try {
      output = ops.op_text_decoder_decode(this.#native, bytes === null ? undefined : bytes, this.#doNotFlush);
    } catch (error) {
      // A fatal error ends the stream (the native decoder has reset itself); the op reports it
      // as a TypeError. Anything else (out of memory) is passed on as it is.
      this.#doNotFlush = false;
      if (!(error instanceof SafeTypeError)) throw error;
      throw new SafeTypeError(`The encoded data was not valid for encoding ${this.#encoding}`);
    }
    return this.#encoding === "utf-16le" || this.#encoding === "utf-16be" ? this.#serialize(output) : output;
  }

  // "Serialize I/O queue": UTF-8 and UTF-16 drop one leading BOM per stream unless ignoreBOM.
  #serialize(output) {
    if (!this.#ignoreBOM && !this.#bomSeen && output.length > 0) {
      if (StringPrototypeCharCodeAt(output, 0) === 0xfeff) output = StringPrototypeSlice(output, 1);
      this.#bomSeen = true;
    }
    return output;
  }
}

ObjectDefineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: "TextDecoder", configurable: true });
ObjectDefineProperties(TextDecoder.prototype, {
  encoding: { enumerable: true },
  fatal: { enumerable: true },
  ignoreBOM: { enumerable: true },
  decode: { enumerable: true },
});
