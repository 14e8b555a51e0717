await Promise.resolve();
throw 42;
