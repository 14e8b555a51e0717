// WebIDL USVString conversion: ToString, then unpaired surrogates become U+FFFD.
import { SafeString, StringPrototypeCharCodeAt, StringPrototypeSlice } from "../primordials/index.js";

export function toUSVString(value) {
  const s = `${value}`; // ToString: throws TypeError for symbols
  let out = null;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = StringPrototypeCharCodeAt(s, i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    out = (out === null ? "" : out) + StringPrototypeSlice(s, last, i) + "\ufffd";
    last = i + 1;
  }
  return out === null ? s : out + StringPrototypeSlice(s, last);
}
