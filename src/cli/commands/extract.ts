import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import type { PolicyDocument } from '../../model.js';
import { DecodeError } from '../../normalize/decode.js';
import { bold } from '../output.js';
import { action } from '../shared.js';

/** The JSON contract of ../shared/spec/extraction.md, fields in the spec's order. */
export function extractionJson(file: string, docs: readonly PolicyDocument[]): object {
  return {
    schema: 1,
    file,
    documents: docs.map((d) => ({
      title: d.title,
      year: d.year,
      review_year: d.review_year,
      plan_year: d.plan_year,
      org: d.org,
      script: d.script,
      chars: d.chars,
      text: d.text,
      goals: d.goals,
      metrics: d.metrics,
      initiatives: d.initiatives,
      article: d.article,
    })),
  };
}

function printReadable(file: string, docs: readonly PolicyDocument[]): void {
  const out: string[] = [`${bold(file)}: ${docs.length} document${docs.length === 1 ? '' : 's'}`];
  for (const d of docs) {
    out.push(
      '',
      `${bold(`#${d.article}`)} ${d.title ?? '(no title)'}`,
      `  year ${d.year ?? '-'} (review ${d.review_year ?? '-'}, plan ${d.plan_year ?? '-'}), org ${d.org ?? '-'}, ${d.script}, ${d.chars} characters`,
      `  ${d.goals.length} goals, ${d.metrics.length} metrics, ${d.initiatives.length} initiatives`,
    );
    for (const g of d.goals.filter((x) => x.level <= 1)) out.push(`    ${g.marker}${g.title}${g.kind ? `  [${g.kind}]` : ''}`);
  }
  out.push('', 'Use --json for every goal, metric and initiative.');
  process.stdout.write(out.join('\n') + '\n');
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('print the documents, goals, metrics and initiatives of one file (no database)')
    .argument('<file>', 'a document: .txt/.md (any Chinese encoding), .docx, .pdf, .html or .xml')
    .option('--json', 'print the JSON of the extraction spec')
    .action(
      action(async (file: string, opts: { json?: boolean }) => {
        // loaded here, not with the command line: a query has no use for them
        const [{ readDocumentText }, { extractText }, { withFileYear }] = await Promise.all([
          import('../../normalize/formats/index.js'),
          import('../../pipeline.js'),
          import('../../extract/years.js'),
        ]);
        let text: string;
        try {
          text = (await readDocumentText(file, readFileSync(file))).text;
        } catch (e) {
          if (e instanceof DecodeError) throw new DecodeError(`${file}: ${e.message}`);
          throw e;
        }
        const docs = withFileYear(extractText(text), file);
        if (opts.json) process.stdout.write(JSON.stringify(extractionJson(file, docs), null, 2) + '\n');
        else printReadable(file, docs);
      }),
    );
}
