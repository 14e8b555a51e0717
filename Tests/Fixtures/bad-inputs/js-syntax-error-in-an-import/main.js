import './ok.js';
