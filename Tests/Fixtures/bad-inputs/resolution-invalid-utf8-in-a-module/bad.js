const s = 'Ã(';
