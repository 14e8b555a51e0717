// Runs every JS test area once. Throws when any test failed, so callers exit non-zero.
import { run } from "./harness.js";
import "./primordials.test.js";
import "./events.test.js";
import "./encoding.test.js";
import "./encoding_legacy.test.js";
import "./console.test.js";
import "./structured_clone.test.js";
import "./url.test.js";
import "./wpt_data.test.js";
import "./runtime.test.js";
import "./web_gaps.test.js";

export const failed = await run();
if (failed > 0) throw new Error(`${failed} JS test(s) failed`);
