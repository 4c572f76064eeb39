/** A1 notation as the fake Sheets API reads it: quoted or bare sheet names, cells, rows, columns and whole sheets. */

/** A parsed range; indexes are 0-based and end-exclusive, undefined means unbounded, as in a GridRange. */
export interface A1Range {
  title: string;
  startRow?: number;
  endRow?: number;
  startColumn?: number;
  endColumn?: number;
}

export class A1Error extends Error {}

const columnNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Splits `'Bob''s tab'!A1:B2` into the unquoted title and the part after the `!`. */
const splitTitle = (range: string): { title: string; rest: string } => {
  if (range.startsWith("'")) {
    let index = 1;
    let title = "";
    while (index < range.length) {
      const char = range[index];
      if (char === "'" && range[index + 1] === "'") {
        title += "'";
        index += 2;
      } else if (char === "'") break;
      else {
        title += char;
        index += 1;
      }
    }
    if (range[index] !== "'") throw new A1Error(`Unable to parse range: ${range}`);
    const after = range.slice(index + 1);
    if (after !== "" && !after.startsWith("!")) throw new A1Error(`Unable to parse range: ${range}`);
    return { title, rest: after.slice(1) };
  }
  const bang = range.lastIndexOf("!");
  if (bang < 0) return { title: range, rest: "" };
  const title = range.slice(0, bang);
  // Google requires quotes around names that are not plain words, as real clients must send them.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(title)) throw new A1Error(`Unable to parse range: ${range}`);
  return { title, rest: range.slice(bang + 1) };
};

interface Corner {
  row?: number;
  column?: number;
}

const corner = (text: string, range: string): Corner => {
  const match = /^([A-Za-z]*)(\d*)$/.exec(text);
  if (!match || (match[1] === "" && match[2] === "")) throw new A1Error(`Unable to parse range: ${range}`);
  const parsed: Corner = {};
  if (match[1]) parsed.column = columnNumber(match[1]);
  if (match[2]) parsed.row = Number(match[2]);
  return parsed;
};

/** Parses a range such as `'Register DAG30'`, `Actions!B5`, `'Actions'!A7:F7`, `'Settings'!1:2` or `'Audit'!A:A`. */
export const parseA1 = (range: string): A1Range => {
  const { title, rest } = splitTitle(range);
  if (title === "") throw new A1Error(`Unable to parse range: ${range}`);
  if (rest === "") return { title };
  const [first = "", second] = rest.split(":");
  const start = corner(first, range);
  const end = second === undefined ? start : corner(second, range);
  const parsed: A1Range = { title };
  if (start.row !== undefined) parsed.startRow = start.row - 1;
  if (end.row !== undefined) parsed.endRow = end.row;
  if (start.column !== undefined) parsed.startColumn = start.column - 1;
  if (end.column !== undefined) parsed.endColumn = end.column;
  return parsed;
};
