Atomics.add(new Int32Array(1), 0, 1);
