// Runs in a runtime booted from the internal-js snapshot: `greet` and `print` were installed
// by internal-js at build time, so nothing here parses or runs them again.
print(greet("runtime author"));
print(`internal-js ${runtime.internalJsVersion} on ${runtime.name}`);
