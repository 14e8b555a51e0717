function Asm(stdlib) {
  'use asm';
  function f() { return 1; }
  return { f: f };
}
globalThis.asm = Asm(globalThis);
