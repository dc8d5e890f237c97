// A spreadsheet runs a cell that starts with = + - @ as a formula (a leading tab or carriage
// return hides the same trick), so text a user typed could call out or read other cells when the
// CSV is opened in Excel (CSV injection). A leading apostrophe makes the cell plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as plain text for a spreadsheet: a value starting with = + - @ (or tab/CR) gets a leading apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * Undoes neutraliseFormula when a file iotcheck wrote comes back (a CSV export imported again):
 * an apostrophe before = + - @ (or tab/CR) is dropped, so the value round-trips exactly.
 */
export function restoreNeutralisedFormula(value: string): string {
  return value.charCodeAt(0) === 39 && NEUTRALISED.test(value) ? value.slice(1) : value;
}
