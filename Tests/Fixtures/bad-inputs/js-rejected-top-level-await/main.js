await Promise.reject(new Error('rejected at build'));
