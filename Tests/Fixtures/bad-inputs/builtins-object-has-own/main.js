Object.hasOwn({}, 'a');
