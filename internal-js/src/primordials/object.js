// Object, Reflect, Symbol, JSON and global-function primordials.
import { uncurryThis } from "./uncurry.js";

export const ObjectCreate = Object.create;
export const ObjectDefineProperty = Object.defineProperty;
export const ObjectDefineProperties = Object.defineProperties;
export const ObjectFreeze = Object.freeze;
export const ObjectIsFrozen = Object.isFrozen;
export const ObjectSeal = Object.seal;
export const ObjectGetPrototypeOf = Object.getPrototypeOf;
export const ObjectSetPrototypeOf = Object.setPrototypeOf;
export const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const ObjectGetOwnPropertyDescriptors = Object.getOwnPropertyDescriptors;
export const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
export const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
export const ObjectKeys = Object.keys;
export const ObjectValues = Object.values;
export const ObjectEntries = Object.entries;
export const ObjectAssign = Object.assign;
export const ObjectIs = Object.is;
export const ObjectIsExtensible = Object.isExtensible;
export const ObjectPrototype = Object.prototype;
export const ObjectPrototypeHasOwnProperty = uncurryThis(Object.prototype.hasOwnProperty);
export const ObjectPrototypeIsPrototypeOf = uncurryThis(Object.prototype.isPrototypeOf);
export const ObjectPrototypePropertyIsEnumerable = uncurryThis(Object.prototype.propertyIsEnumerable);
export const ObjectPrototypeToString = uncurryThis(Object.prototype.toString);

export const ReflectApply = Reflect.apply;
export const ReflectConstruct = Reflect.construct;
export const ReflectDefineProperty = Reflect.defineProperty;
export const ReflectGet = Reflect.get;
export const ReflectGetOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
export const ReflectGetPrototypeOf = Reflect.getPrototypeOf;
export const ReflectHas = Reflect.has;
export const ReflectOwnKeys = Reflect.ownKeys;
export const ReflectSet = Reflect.set;

export const SymbolFor = Symbol.for;
export const SymbolIterator = Symbol.iterator;
export const SymbolAsyncIterator = Symbol.asyncIterator;
export const SymbolToStringTag = Symbol.toStringTag;
export const SymbolToPrimitive = Symbol.toPrimitive;
export const SymbolHasInstance = Symbol.hasInstance;
export const SymbolPrototypeToString = uncurryThis(Symbol.prototype.toString);
export const SymbolPrototypeValueOf = uncurryThis(Symbol.prototype.valueOf);
export const SymbolPrototypeGetDescription = uncurryThis(
  Object.getOwnPropertyDescriptor(Symbol.prototype, "description").get,
);

export const JSONStringify = JSON.stringify;
export const JSONParse = JSON.parse;

export const BooleanPrototypeValueOf = uncurryThis(Boolean.prototype.valueOf);
export const FunctionPrototype = Function.prototype;
export const globalThisRef = globalThis;
export const SafeObject = Object;
export const SafeFunction = Function;
export const SafeBoolean = Boolean;
export const SafeSymbol = Symbol;
export const SafeProxy = Proxy;
