// The box-drawing table printed by console.table (left-aligned cells, as current Node prints).
import {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  MathMax,
  ObjectPrototypeHasOwnProperty,
  StringPrototypeCodePointAt,
  StringPrototypeRepeat,
} from "../primordials/index.js";

// Box-drawing characters as escapes: one character above U+00FF anywhere in a module makes V8
// keep its whole source as a two-byte string in the snapshot (snapgen anatomy showed it).
const chars = {
  middleMiddle: "\u2500",
  rowMiddle: "\u253c",
  topRight: "\u2510",
  topLeft: "\u250c",
  leftMiddle: "\u251c",
  topMiddle: "\u252c",
  bottomRight: "\u2518",
  bottomLeft: "\u2514",
  bottomMiddle: "\u2534",
  rightMiddle: "\u2524",
  left: "\u2502 ",
  right: " \u2502",
  middle: " \u2502 ",
};

// Width in columns, approximated as the number of code points (no East Asian width table).
function stringWidth(str) {
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const cp = StringPrototypeCodePointAt(str, i);
    if (cp > 0xffff) i++;
    width++;
  }
  return width;
}

function renderRow(row, widths) {
  let out = chars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    out += cell + StringPrototypeRepeat(" ", widths[i] - stringWidth(cell));
    if (i !== row.length - 1) out += chars.middle;
  }
  return out + chars.right;
}

/** Renders `head` (column titles) over `columns` (arrays of cell strings, possibly sparse). */
export function renderTable(head, columns) {
  const rows = [];
  const widths = [];
  let longest = 0;
  for (let i = 0; i < columns.length; i++) longest = MathMax(longest, columns[i].length);
  for (let i = 0; i < head.length; i++) {
    widths[i] = stringWidth(head[i]);
    const column = columns[i];
    for (let j = 0; j < longest; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = ObjectPrototypeHasOwnProperty(column, j) ? column[j] : "";
      rows[j][i] = value;
      widths[i] = MathMax(widths[i], stringWidth(value));
    }
  }
  const divider = [];
  for (let i = 0; i < widths.length; i++) ArrayPrototypePush(divider, StringPrototypeRepeat(chars.middleMiddle, widths[i] + 2));
  let result =
    `${chars.topLeft}${ArrayPrototypeJoin(divider, chars.topMiddle)}${chars.topRight}\n` +
    `${renderRow(head, widths)}\n` +
    `${chars.leftMiddle}${ArrayPrototypeJoin(divider, chars.rowMiddle)}${chars.rightMiddle}\n`;
  for (let i = 0; i < rows.length; i++) result += `${renderRow(rows[i], widths)}\n`;
  result += `${chars.bottomLeft}${ArrayPrototypeJoin(divider, chars.bottomMiddle)}${chars.bottomRight}`;
  return result;
}
