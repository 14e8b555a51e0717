import './bad.js';
