// The extracted records: goals, metrics, initiatives.
import { InvalidArgumentError, type Command } from 'commander';
import { listGoals, listInitiatives, listMetrics, type GoalRow, type InitiativeRow, type MetricRow } from '../../query/listings.js';
import { addFormatOptions, formatOf, printRows, type Column } from '../output.js';
import { action, integer, withDb, withDocFilter, withReadDb } from '../shared.js';

type FormatOpts = { json?: boolean; csv?: boolean; db?: string; year?: number; doc?: number };

function oneOf<T extends string>(name: string, values: readonly T[]) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`${name} takes ${values.join(' or ')}`);
    return value as T;
  };
}

const GOAL_COLUMNS: Column<GoalRow>[] = [
  { key: 'doc', align: 'right', width: 5 },
  { key: 'marker', width: 10 },
  { key: 'title', width: 56, show: (g) => `${'  '.repeat(g.depth)}${g.title}` },
  { key: 'kind', width: 8 },
  { key: 'year', align: 'right', width: 6 },
  { key: 'level', align: 'right', width: 7 },
  { key: 'idx', align: 'right', width: 5 },
  { key: 'parent', align: 'right', width: 8 },
  { key: 'depth', align: 'right', width: 7 },
  { key: 'ordinal', align: 'right', width: 9 },
];

function registerGoals(program: Command): void {
  addFormatOptions(
    withDocFilter(
      withDb(
        program
          .command('goals')
          .description('the numbered goals of each document as an outline tree')
          .option('--kind <kind>', 'plan or review', oneOf('--kind', ['plan', 'review'] as const))
          .option('--depth <n>', 'levels of the tree to show', integer('--depth', 1)),
      ),
    ),
  ).action(
    action((opts: FormatOpts & { kind?: 'plan' | 'review'; depth?: number }) => {
      const rows = withReadDb(opts, (db) => listGoals(db, opts));
      const format = formatOf(opts);
      // The table shows the outline; the machine formats carry every field.
      printRows(rows, format === 'table' ? GOAL_COLUMNS.slice(0, 5) : GOAL_COLUMNS, format);
    }),
  );
}

const METRIC_COLUMNS: Column<MetricRow>[] = [
  { key: 'doc', align: 'right', width: 5 },
  { key: 'raw', width: 14 },
  { key: 'value', align: 'right', width: 13 },
  { key: 'value_max', header: 'max', align: 'right', width: 7 },
  { key: 'unit', width: 7 },
  { key: 'subject', width: 19 },
  { key: 'change', width: 10 },
  { key: 'bound', width: 7 },
  { key: 'year', align: 'right', width: 6 },
];

function registerMetrics(program: Command): void {
  addFormatOptions(
    withDocFilter(
      withDb(
        program
          .command('metrics')
          .description('the stated figures: value, unit, what they measure, change and bound')
          .option('--subject <text>', 'only subjects containing this text')
          .option('--unit <unit>', 'only this unit (元, 人次, %, 百分点 …)')
          .option('--change <change>', 'increase, decrease or none', oneOf('--change', ['increase', 'decrease', 'none'] as const)),
      ),
    ),
  ).action(
    action((opts: FormatOpts & { subject?: string; unit?: string; change?: 'increase' | 'decrease' | 'none' }) => {
      const rows = withReadDb(opts, (db) => listMetrics(db, opts));
      printRows(rows, METRIC_COLUMNS, formatOf(opts));
    }),
  );
}

const INITIATIVE_COLUMNS: Column<InitiativeRow>[] = [
  { key: 'name', width: 18 },
  { key: 'code', width: 7 },
  { key: 'type', width: 6 },
  { key: 'members', width: 26 },
  { key: 'expected_count', header: 'expected', align: 'right', width: 10 },
  { key: 'consistent', header: 'ok', width: 5, show: (r) => (r.consistent === null ? '' : r.consistent ? 'yes' : 'no') },
  { key: 'docs', width: 7 },
  { key: 'years', width: 12 },
];

function registerInitiatives(program: Command): void {
  addFormatOptions(
    withDocFilter(
      withDb(
        program
          .command('initiatives')
          .description('named programmes and numeric slogans, with their members and where they appear')
          .option('--name <text>', 'only names containing this text'),
      ),
    ),
  ).action(
    action((opts: FormatOpts & { name?: string }) => {
      const rows = withReadDb(opts, (db) => listInitiatives(db, opts));
      printRows(rows, INITIATIVE_COLUMNS, formatOf(opts));
    }),
  );
}

export function registerOutline(program: Command): void {
  registerGoals(program);
  registerMetrics(program);
  registerInitiatives(program);
}
