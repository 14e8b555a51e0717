import { format } from './dates.js';
globalThis.format = format;
