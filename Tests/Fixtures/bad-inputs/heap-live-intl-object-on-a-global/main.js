globalThis.money = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' });
