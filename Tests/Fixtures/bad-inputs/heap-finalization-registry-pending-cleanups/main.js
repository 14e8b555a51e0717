globalThis.registry = new FinalizationRegistry(() => {});
for (let i = 0; i < 1000; i++) registry.register({}, i);
