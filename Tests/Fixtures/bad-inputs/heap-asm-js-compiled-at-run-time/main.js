globalThis.m = new Function('stdlib', '"use asm"; function f() { return 1; } return { f: f };')(globalThis);
