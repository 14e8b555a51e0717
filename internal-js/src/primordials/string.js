// String, RegExp, Number, Math, BigInt, Date and Error primordials.
import { uncurryThis } from "./uncurry.js";

const SP = String.prototype;
export const SafeString = String;
export const StringFromCharCode = String.fromCharCode;
export const StringFromCodePoint = String.fromCodePoint;
export const StringPrototypeCharAt = uncurryThis(SP.charAt);
export const StringPrototypeCharCodeAt = uncurryThis(SP.charCodeAt);
export const StringPrototypeCodePointAt = uncurryThis(SP.codePointAt);
export const StringPrototypeIndexOf = uncurryThis(SP.indexOf);
export const StringPrototypeLastIndexOf = uncurryThis(SP.lastIndexOf);
export const StringPrototypeIncludes = uncurryThis(SP.includes);
export const StringPrototypeStartsWith = uncurryThis(SP.startsWith);
export const StringPrototypeEndsWith = uncurryThis(SP.endsWith);
export const StringPrototypeSlice = uncurryThis(SP.slice);
export const StringPrototypeSubstring = uncurryThis(SP.substring);
export const StringPrototypeSplit = uncurryThis(SP.split);
export const StringPrototypeToLowerCase = uncurryThis(SP.toLowerCase);
export const StringPrototypeToUpperCase = uncurryThis(SP.toUpperCase);
export const StringPrototypeTrim = uncurryThis(SP.trim);
export const StringPrototypeRepeat = uncurryThis(SP.repeat);
export const StringPrototypePadStart = uncurryThis(SP.padStart);
export const StringPrototypePadEnd = uncurryThis(SP.padEnd);
export const StringPrototypeReplace = uncurryThis(SP.replace);
export const StringPrototypeValueOf = uncurryThis(SP.valueOf);
export const StringPrototypeNormalize = uncurryThis(SP.normalize);

const RP = RegExp.prototype;
export const SafeRegExp = RegExp;
export const RegExpPrototypeExec = uncurryThis(RP.exec);
export const RegExpPrototypeTest = uncurryThis(RP.test);
export const RegExpPrototypeToString = uncurryThis(RP.toString);
export const RegExpPrototypeGetSource = uncurryThis(Object.getOwnPropertyDescriptor(RP, "source").get);
export const RegExpPrototypeGetFlags = uncurryThis(Object.getOwnPropertyDescriptor(RP, "flags").get);

export const SafeNumber = Number;
export const NumberIsNaN = Number.isNaN;
export const NumberIsFinite = Number.isFinite;
export const NumberIsInteger = Number.isInteger;
export const NumberIsSafeInteger = Number.isSafeInteger;
export const NumberParseInt = Number.parseInt;
export const NumberParseFloat = Number.parseFloat;
export const NumberMAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
export const NumberPrototypeToString = uncurryThis(Number.prototype.toString);
export const NumberPrototypeToFixed = uncurryThis(Number.prototype.toFixed);
export const NumberPrototypeValueOf = uncurryThis(Number.prototype.valueOf);

export const MathAbs = Math.abs;
export const MathFloor = Math.floor;
export const MathCeil = Math.ceil;
export const MathMax = Math.max;
export const MathMin = Math.min;
export const MathRound = Math.round;
export const MathSqrt = Math.sqrt;
export const MathTrunc = Math.trunc;
export const MathPow = Math.pow;

export const SafeBigInt = BigInt;
export const BigIntPrototypeToString = uncurryThis(BigInt.prototype.toString);
export const BigIntPrototypeValueOf = uncurryThis(BigInt.prototype.valueOf);

export const SafeDate = Date;
export const DateNow = Date.now;
export const DatePrototypeGetTime = uncurryThis(Date.prototype.getTime);
export const DatePrototypeToISOString = uncurryThis(Date.prototype.toISOString);
export const DatePrototypeToString = uncurryThis(Date.prototype.toString);

export const SafeError = Error;
export const SafeTypeError = TypeError;
export const SafeRangeError = RangeError;
export const SafeSyntaxError = SyntaxError;
export const SafeReferenceError = ReferenceError;
export const SafeEvalError = EvalError;
export const SafeURIError = URIError;
export const ErrorPrototype = Error.prototype;
export const ErrorPrototypeToString = uncurryThis(Error.prototype.toString);
export const ErrorCaptureStackTrace = Error.captureStackTrace;
