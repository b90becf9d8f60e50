// Shared test helpers: the real corpora beside the project, and running the built CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const corporaRoot = join(projectRoot, '..', 'shared', 'corpora');

export const corpusFile = (relative: string): string => join(corporaRoot, relative);
export const readCorpus = (relative: string): string => readFileSync(corpusFile(relative), 'utf8');

export const tempDir = (prefix = 'pm-'): string => mkdtempSync(join(tmpdir(), prefix));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command line as a user would (npm test builds it first). */
export function cli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin', 'policy-miner.js'), ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
