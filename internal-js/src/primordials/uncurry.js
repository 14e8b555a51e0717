// The helpers that turn prototype methods into plain functions. Captured once, before any user
// code runs, so later monkey-patching of Function.prototype.call/bind/apply has no effect.
const { apply, bind, call } = Function.prototype;

/** uncurryThis(Array.prototype.push)(arr, x) behaves like the original arr.push(x). */
export const uncurryThis = bind.bind(call);

/** applyBind(fn)(thisArg, argsArray) behaves like the original fn.apply(thisArg, argsArray). */
export const applyBind = bind.bind(apply);

export const FunctionPrototypeCall = uncurryThis(call);
export const FunctionPrototypeApply = uncurryThis(apply);
export const FunctionPrototypeBind = uncurryThis(bind);
export const FunctionPrototypeToString = uncurryThis(Function.prototype.toString);
