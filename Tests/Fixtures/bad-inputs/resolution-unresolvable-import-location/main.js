const x = 1;
import { y } from './nope.js';
