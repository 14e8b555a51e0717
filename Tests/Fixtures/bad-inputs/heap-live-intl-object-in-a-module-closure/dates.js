const formatter = new Intl.DateTimeFormat('en');
export const format = (d) => formatter.format(d);
