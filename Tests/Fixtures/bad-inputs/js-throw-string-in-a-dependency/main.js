import { setup } from './setup.js';
setup();
