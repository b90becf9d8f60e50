// One row type per listing, printed as a table, JSON or CSV with the same
// column names (the sqlite-utils way: formats are a bundle added by one helper).
import Table from 'cli-table3';
import type { Command } from 'commander';

export type Format = 'table' | 'json' | 'csv';

export interface Column<Row> {
  key: string;
  header?: string;
  /** value for the table; JSON and CSV use the raw field */
  show?: (row: Row) => string;
  width?: number;
  align?: 'left' | 'right';
}

export function addFormatOptions(cmd: Command): Command {
  return cmd.option('--json', 'print JSON').option('--csv', 'print CSV (UTF-8)');
}

export function formatOf(opts: { json?: boolean; csv?: boolean }): Format {
  return opts.json ? 'json' : opts.csv ? 'csv' : 'table';
}

export const useColor = (stream: NodeJS.WriteStream = process.stdout): boolean =>
  Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';

export const bold = (s: string): string => (useColor() ? `\x1b[1m${s}\x1b[22m` : s);
export const highlight = (s: string): string => (useColor() ? `\x1b[1;31m${s}\x1b[0m` : s);
export const dim = (s: string): string => (useColor() ? `\x1b[2m${s}\x1b[22m` : s);

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value) ? value.join(';') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<Row extends object>(rows: readonly Row[], keys: readonly string[]): string {
  const lines = [keys.join(',')];
  for (const row of rows) lines.push(keys.map((k) => csvCell((row as Record<string, unknown>)[k])).join(','));
  return lines.join('\n') + '\n';
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/** Display width of one character: East Asian wide and full-width forms take two columns. */
function charWidth(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch)
    ? 2
    : 1;
}

/** Display width of a string in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/**
 * Breaks a cell into lines of at most `width` columns. Chinese has no spaces
 * to wrap at, so lines break between any two characters.
 */
export function wrapCell(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const ch of paragraph) {
      const w = charWidth(ch);
      if (used + w > width && line) {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += w;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

export function toTable<Row extends object>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const table = new Table({
    head: columns.map((c) => bold(c.header ?? c.key)),
    style: { head: [], border: [], compact: true },
    ...(columns.every((c) => c.width) ? { colWidths: columns.map((c) => c.width!) } : {}),
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  for (const row of rows) {
    table.push(
      columns.map((c) => {
        const text = c.show ? c.show(row) : plain((row as Record<string, unknown>)[c.key]);
        // two columns of each cell are padding
        return c.width ? wrapCell(text, c.width - 2) : text;
      }),
    );
  }
  return table.toString() + '\n';
}

/** Prints a listing in the chosen format to stdout. */
export function printRows<Row extends object>(rows: readonly Row[], columns: readonly Column<Row>[], format: Format): void {
  if (format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'csv') process.stdout.write(toCsv(rows, columns.map((c) => c.key)));
  else if (rows.length === 0) process.stderr.write('no rows\n');
  else process.stdout.write(toTable(rows, columns));
}
