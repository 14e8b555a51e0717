// application/x-www-form-urlencoded parsing and serialisation (URL Standard §5).
import {
  ArrayPrototypePush,
  StringPrototypeIndexOf,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeSplit,
} from "../primordials/index.js";
import {
  isFormUrlencodedPercentEncode,
  percentDecodeString,
  utf8DecodeWithoutBOM,
  utf8PercentEncodeString,
} from "./percent_encoding.js";

/** Parses "a=1&b=2" into [[name, value], ...]; "+" means space, %XX escapes are UTF-8 bytes. */
export function parseUrlencoded(input) {
  const sequences = StringPrototypeSplit(input, "&");
  const output = [];
  for (let i = 0; i < sequences.length; i++) {
    const bytes = sequences[i];
    if (bytes === "") continue;
    const eq = StringPrototypeIndexOf(bytes, "=");
    let name;
    let value;
    if (eq !== -1) {
      name = StringPrototypeSlice(bytes, 0, eq);
      value = StringPrototypeSlice(bytes, eq + 1);
    } else {
      name = bytes;
      value = "";
    }
    name = StringPrototypeReplace(name, /\+/g, " ");
    value = StringPrototypeReplace(value, /\+/g, " ");
    ArrayPrototypePush(output, [
      utf8DecodeWithoutBOM(percentDecodeString(name)),
      utf8DecodeWithoutBOM(percentDecodeString(value)),
    ]);
  }
  return output;
}

/** Serialises [[name, value], ...] as "a=1&b=2" (spaces as "+"). */
export function serializeUrlencoded(tuples) {
  let output = "";
  for (let i = 0; i < tuples.length; i++) {
    if (i > 0) output += "&";
    output += utf8PercentEncodeString(tuples[i][0], isFormUrlencodedPercentEncode, true);
    output += "=";
    output += utf8PercentEncodeString(tuples[i][1], isFormUrlencodedPercentEncode, true);
  }
  return output;
}
