throw new TypeError('boom');
