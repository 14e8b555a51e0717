// The comparison for the app snapshot: the same app evaluated from source on the runtime
// snapshot (`snapgen run -s runtime.snapshot.bin src/from-source.js …`).
import { main } from "./app.js";

runtime.exit(main(runtime.args));
