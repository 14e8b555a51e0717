await import('./other.js');
