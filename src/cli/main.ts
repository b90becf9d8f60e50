// The command line: parses argv, runs one command, owns exit codes
// (0 done, 1 failed or files skipped, 2 wrong usage).
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { registerAnalysis } from './commands/analysis.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerOutline } from './commands/outline.js';
import { registerQueries } from './commands/query.js';
import { registerWeb } from './commands/web.js';
import { EXIT_USAGE } from './shared.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command()
    .name('policy-miner')
    .description('Mine Chinese policy documents: goals, metrics, initiatives, keyword search, frequencies, trends')
    .version(version)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerIngest(program);
  registerQueries(program);
  registerOutline(program);
  registerAnalysis(program);
  registerExtract(program);
  registerWeb(program);
  program.commands.forEach((c) => c.exitOverride().showHelpAfterError('(add --help for usage)'));
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.unknownOption' && ['search', 'trend', 'collocates'].includes(argv[2] ?? '')) {
        process.stderr.write('(to look for text that starts with "-", put -- before it: policy-miner search -- -医院)\n');
      }
      const ok = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      process.exitCode = ok ? 0 : EXIT_USAGE;
      return;
    }
    throw e;
  }
}
