import { nope } from './lib.js';
