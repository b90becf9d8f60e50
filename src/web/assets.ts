// The charting library, bundled with the package: the app and the report work offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** Chart.js's UMD build (it defines window.Chart), read from the installed package. */
export function chartJsSource(): string {
  // The package's "exports" do not name the UMD file; it sits beside the main entry.
  cached ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
  return cached;
}
