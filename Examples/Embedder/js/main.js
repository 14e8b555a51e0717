// The embedder's internal JS. It runs once, at snapshot build time: it captures the op
// functions in closures (ops cannot be called yet) and installs its API on the global object.
const { op_log, op_greeting_prefix, op_lookup_number } = core.ops;
delete globalThis.core;

globalThis.log = (...values) => op_log(values.join(" "));
globalThis.greet = (who) => `${op_greeting_prefix()}, ${who}!`;
globalThis.lookup = async (key) => {
  const value = await op_lookup_number(key);
  return `${key} = ${value}`;
};
