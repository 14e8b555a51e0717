// Punycode encoding (RFC 3492 §6.3), used to turn non-ASCII domain labels into "xn--" labels.
import {
  ArrayPrototypePush,
  MathFloor,
  StringFromCharCode,
  StringPrototypeCodePointAt,
} from "../primordials/index.js";

const base = 36;
const tMin = 1;
const tMax = 26;
const skew = 38;
const damp = 700;
const initialBias = 72;
const initialN = 128;

function adapt(delta, numPoints, firstTime) {
  let k = 0;
  delta = firstTime ? MathFloor(delta / damp) : delta >> 1;
  delta += MathFloor(delta / numPoints);
  while (delta > ((base - tMin) * tMax) >> 1) {
    delta = MathFloor(delta / (base - tMin));
    k += base;
  }
  return MathFloor(k + ((base - tMin + 1) * delta) / (delta + skew));
}

function digit(d) {
  // 0..25 -> a..z, 26..35 -> 0..9
  return StringFromCharCode(d < 26 ? d + 97 : d + 22);
}

/** Encodes a label; returns null on overflow. */
export function punycodeEncode(input) {
  const codePoints = [];
  for (let i = 0; i < input.length; i++) {
    const cp = StringPrototypeCodePointAt(input, i);
    if (cp > 0xffff) i++;
    ArrayPrototypePush(codePoints, cp);
  }
  let n = initialN;
  let delta = 0;
  let bias = initialBias;
  let output = "";
  for (let i = 0; i < codePoints.length; i++) {
    if (codePoints[i] < 0x80) output += StringFromCharCode(codePoints[i]);
  }
  const b = output.length;
  let h = b;
  if (b > 0) output += "-";
  while (h < codePoints.length) {
    let m = 0x7fffffff;
    for (let i = 0; i < codePoints.length; i++) {
      if (codePoints[i] >= n && codePoints[i] < m) m = codePoints[i];
    }
    delta += (m - n) * (h + 1);
    if (delta > 0x7fffffff) return null;
    n = m;
    for (let i = 0; i < codePoints.length; i++) {
      const c = codePoints[i];
      if (c < n) {
        delta++;
        if (delta > 0x7fffffff) return null;
      }
      if (c === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
          if (q < t) break;
          output += digit(t + ((q - t) % (base - t)));
          q = MathFloor((q - t) / (base - t));
        }
        output += digit(q);
        bias = adapt(delta, h + 1, h === b);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return output;
}
