WebAssembly.validate(new Uint8Array(0));
