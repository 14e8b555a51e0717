// Map/Set/WeakMap/WeakSet/Promise primordials, plus "Safe" subclasses whose methods and
// iterators are own copies, so user code replacing Map.prototype.get (or the shared
// %MapIteratorPrototype%.next) cannot change how internal-js sees its own collections.
import { uncurryThis } from "./uncurry.js";

const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, freeze, setPrototypeOf } = Object;
const ownKeys = Reflect.ownKeys;

// A frozen iterator class that advances the wrapped native iterator with a captured `next`.
function makeSafeIterator(createIterator, next, tag) {
  class SafeIterator {
    #inner;
    constructor(iterable) {
      this.#inner = createIterator(iterable);
    }
    next() {
      return next(this.#inner);
    }
    [Symbol.iterator]() {
      return this;
    }
  }
  defineProperty(SafeIterator.prototype, Symbol.toStringTag, { value: tag });
  freeze(SafeIterator.prototype);
  freeze(SafeIterator);
  return SafeIterator;
}

// Copies every method of `base.prototype` onto `safe.prototype` and freezes both.
function copyPrototype(base, safe) {
  const keys = ownKeys(base.prototype);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    // Keep the subclass's own overrides (constructor, iterators).
    if (getOwnPropertyDescriptor(safe.prototype, key) !== undefined) continue;
    const desc = getOwnPropertyDescriptor(base.prototype, key);
    if (desc.value !== undefined && typeof desc.value === "function") desc.enumerable = false;
    defineProperty(safe.prototype, key, desc);
  }
  setPrototypeOf(safe.prototype, null);
  freeze(safe.prototype);
  freeze(safe);
  return safe;
}

const MP = Map.prototype;
export const MapPrototypeGet = uncurryThis(MP.get);
export const MapPrototypeSet = uncurryThis(MP.set);
export const MapPrototypeHas = uncurryThis(MP.has);
export const MapPrototypeDelete = uncurryThis(MP.delete);
export const MapPrototypeClear = uncurryThis(MP.clear);
export const MapPrototypeGetSize = uncurryThis(getOwnPropertyDescriptor(MP, "size").get);
export const MapPrototypeEntries = uncurryThis(MP.entries);
export const MapPrototypeKeys = uncurryThis(MP.keys);
export const MapPrototypeValues = uncurryThis(MP.values);
export const MapIteratorPrototypeNext = uncurryThis(getPrototypeOf(new Map().entries()).next);

const SetP = Set.prototype;
export const SetPrototypeAdd = uncurryThis(SetP.add);
export const SetPrototypeHas = uncurryThis(SetP.has);
export const SetPrototypeDelete = uncurryThis(SetP.delete);
export const SetPrototypeClear = uncurryThis(SetP.clear);
export const SetPrototypeGetSize = uncurryThis(getOwnPropertyDescriptor(SetP, "size").get);
export const SetPrototypeValues = uncurryThis(SetP.values);
export const SetIteratorPrototypeNext = uncurryThis(getPrototypeOf(new Set().values()).next);

export const WeakMapPrototypeGet = uncurryThis(WeakMap.prototype.get);
export const WeakMapPrototypeSet = uncurryThis(WeakMap.prototype.set);
export const WeakMapPrototypeHas = uncurryThis(WeakMap.prototype.has);
export const WeakMapPrototypeDelete = uncurryThis(WeakMap.prototype.delete);
export const WeakSetPrototypeAdd = uncurryThis(WeakSet.prototype.add);
export const WeakSetPrototypeHas = uncurryThis(WeakSet.prototype.has);
export const WeakSetPrototypeDelete = uncurryThis(WeakSet.prototype.delete);
export const WeakRefPrototypeDeref = uncurryThis(WeakRef.prototype.deref);

export const SafeMapIterator = makeSafeIterator(MapPrototypeEntries, MapIteratorPrototypeNext, "Map Iterator");
export const SafeSetIterator = makeSafeIterator(SetPrototypeValues, SetIteratorPrototypeNext, "Set Iterator");

export const SafeMap = copyPrototype(
  Map,
  class SafeMap extends Map {
    constructor(entries) {
      super(entries);
    }
    [Symbol.iterator]() {
      return new SafeMapIterator(this);
    }
    entries() {
      return new SafeMapIterator(this);
    }
  },
);
export const SafeSet = copyPrototype(
  Set,
  class SafeSet extends Set {
    constructor(values) {
      super(values);
    }
    [Symbol.iterator]() {
      return new SafeSetIterator(this);
    }
    values() {
      return new SafeSetIterator(this);
    }
  },
);
export const SafeWeakMap = copyPrototype(
  WeakMap,
  class SafeWeakMap extends WeakMap {
    constructor(entries) {
      super(entries);
    }
  },
);
export const SafeWeakSet = copyPrototype(
  WeakSet,
  class SafeWeakSet extends WeakSet {
    constructor(values) {
      super(values);
    }
  },
);
export const SafeWeakRef = copyPrototype(
  WeakRef,
  class SafeWeakRef extends WeakRef {
    constructor(target) {
      super(target);
    }
  },
);

export const SafePromise = Promise;
export const PromiseResolve = Promise.resolve.bind(Promise);
export const PromiseReject = Promise.reject.bind(Promise);
export const PromisePrototypeThen = uncurryThis(Promise.prototype.then);
export const SafeMapClass = Map;
export const SafeSetClass = Set;
export const SafeWeakMapClass = WeakMap;
export const SafeWeakSetClass = WeakSet;
