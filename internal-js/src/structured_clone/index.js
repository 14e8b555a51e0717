// The structured clone area.
export { structuredClone, registerPlatformObjectCheck } from "./structured_clone.js";
