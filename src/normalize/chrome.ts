// Removing web-page chrome (site names, counters, related-document lists,
// comment widgets, tag lines, navigation, timestamps, licence notices) so that
// none of it reaches the text, the frequency tables or the search index.
import { loadDictionary } from '../dictionaries.js';

interface ChromeTable {
  siteNames: string[];
  lines: string[];
  tailMarkers: string[];
  inline: string[];
}

interface CompiledChrome {
  siteNames: Set<string>;
  lines: RegExp[];
  tailMarkers: RegExp[];
  inline: RegExp[];
}

let compiled: CompiledChrome | null = null;

function chrome(): CompiledChrome {
  if (!compiled) {
    const table = loadDictionary<ChromeTable>('chrome.json');
    compiled = {
      siteNames: new Set(table.siteNames),
      lines: table.lines.map((p) => new RegExp(p, 'u')),
      tailMarkers: table.tailMarkers.map((p) => new RegExp(p, 'u')),
      inline: table.inline.map((p) => new RegExp(p, 'gu')),
    };
  }
  return compiled;
}

export function isChromeLine(line: string): boolean {
  const { siteNames, lines } = chrome();
  return siteNames.has(line) || lines.some((re) => re.test(line));
}

/**
 * Drops chrome lines, and everything from a tail marker (a related-documents
 * list, a licence notice) to the end: what follows those is never document text.
 * Lines are expected trimmed and NFKC-folded.
 */
export function stripChrome(lines: readonly string[]): string[] {
  const { tailMarkers } = chrome();
  const out: string[] = [];
  for (const line of lines) {
    if (tailMarkers.some((re) => re.test(line))) break;
    if (!isChromeLine(line)) out.push(line);
  }
  return out;
}

/** Removes chrome that stands inside a line (page numbers left in sentences). */
export function stripInlineChrome(line: string): string {
  return chrome().inline.reduce((s, re) => s.replace(re, ''), line);
}
