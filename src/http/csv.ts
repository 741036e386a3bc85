/** What every CSV export shares: the BOM Excel needs and the guard against formula injection. */

/** Excel opens UTF-8 CSV as UTF-8, and so shows Chinese, only when the file starts with a BOM. */
export const CSV_BOM = '\uFEFF'

/**
 * A text cell as a spreadsheet must see it (OWASP "CSV injection"): one that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return would be read as a formula — a learner could name
 * themselves `=HYPERLINK(…)` — so it gets a leading `'`, which Excel and LibreOffice show as text.
 * Only for text: numeric columns go out as numbers, and a negative number is not a formula.
 */
export function textCell(value: string | null | undefined): string | null | undefined {
  if (!value) return value
  const c = value.charCodeAt(0)
  // = + - @ TAB CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${value}` : value
}
