import { check } from './check.js';
check();
