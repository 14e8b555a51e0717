// Runs in a runtime booted from the internal-js snapshot: `console`, `URL` and `runtime` were
// installed by internal-js at build time, so nothing here parses or runs them again.
const docs = new URL("https://example.org/snapgen/");
console.log(`Hello, runtime author, from ${docs.host}`);
console.log(`internal-js ${runtime.internalJsVersion} on ${runtime.name}`);
