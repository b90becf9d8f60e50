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

export function toTable<Row extends object>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const table = new Table({
    head: columns.map((c) => bold(c.header ?? c.key)),
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    wrapOnWordBoundary: false,
    ...(columns.every((c) => c.width) ? { colWidths: columns.map((c) => c.width!) } : {}),
    colAligns: columns.map((c) => c.align ?? 'left'),
  });
  for (const row of rows) {
    table.push(columns.map((c) => (c.show ? c.show(row) : plain((row as Record<string, unknown>)[c.key]))));
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
