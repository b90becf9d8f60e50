// Script detection and Traditional→Simplified conversion. Every string the
// tool stores or prints is Simplified; `script` records what the original was.
import { createRequire } from 'node:module';
// Converting needs only opencc's Traditional→Simplified tables (a tenth of
// the package): a query command that folds its words loads these alone,
// ~25 ms less per command than the whole package.
import * as ToSimplified from 'opencc-js/t2cn';
import type * as OpenCCFull from 'opencc-js';
import type { Script } from '../model.js';

type Convert = (text: string) => string;
let toSimplified: Convert[] | null = null;

// Built lazily: opencc-js builds its tries on first use, and a Simplified
// document (most of them) never needs one.
function simplifiers(): Convert[] {
  // Taiwan and Hong Kong variant characters both occur in our sources (HK
  // policy addresses, Taiwan-style web pages); the second pass catches HK forms.
  return (toSimplified ??= [ToSimplified.Converter({ from: 'tw', to: 'cn' }), ToSimplified.Converter({ from: 'hk', to: 'cn' })]);
}

/** The characters that a conversion's character table changes (its one-character entries). */
function changingChars(groups: readonly OpenCCFull.DictGroup[]): Set<string> {
  const chars = new Set<string>();
  for (const group of groups) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict;
      for (const [from, to] of pairs) {
        // "发 發髮": the first of the alternatives is the one converted to
        if (from && to && [...from].length === 1 && to.split(' ')[0] !== from) chars.add(from);
      }
    }
  }
  return chars;
}

/** Per BMP code unit: TRADITIONAL if Simplified would change it, SIMPLIFIED if Traditional would. */
interface ScriptTables {
  bmp: Uint8Array;
  astral: Map<string, number>;
}
const TRADITIONAL = 1;
const SIMPLIFIED = 2;
let tables: ScriptTables | null = null;

// Character tables, not the converters: building opencc's Simplified→
// Traditional converter (its 49k phrases) took ~350 ms per thread just to
// tell the script of a text. A lookup by code unit, not a Set of strings:
// a string and a hash per character made telling the script of a file as
// slow as extracting its goals.
function scriptTables(): ScriptTables {
  if (tables) return tables;
  const bmp = new Uint8Array(0x10000);
  const astral = new Map<string, number>();
  const mark = (chars: Set<string>, flag: number) => {
    for (const ch of chars) {
      if (ch.length === 1) bmp[ch.charCodeAt(0)]! |= flag;
      else astral.set(ch, (astral.get(ch) ?? 0) | flag);
    }
  };
  // both directions' tables: the whole package, loaded only by what tells a script (ingest, extract)
  const { Locale } = createRequire(import.meta.url)('opencc-js') as typeof OpenCCFull;
  mark(changingChars(Locale.to.cn ?? []), TRADITIONAL);
  mark(changingChars(Locale.from.cn ?? []), SIMPLIFIED);
  return (tables = { bmp, astral });
}

const SAMPLE = 4000;

/**
 * Traditional text has many characters that become others in Simplified and
 * few that would change the other way; Simplified text the reverse. Counting
 * both is robust where a short list of "Traditional-only" characters is not.
 */
export function detectScript(text: string): Script {
  const { bmp, astral } = scriptTables();
  let tradLike = 0;
  let simpLike = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    let flags: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      flags = astral.get(text.slice(i, i + 2)) ?? 0;
      i++;
    } else {
      flags = c >= 0xd800 && c <= 0xdfff ? 0 : bmp[c]!;
    }
    if (flags & TRADITIONAL) tradLike++;
    if (flags & SIMPLIFIED) simpLike++;
  }
  return tradLike > simpLike ? 'traditional' : 'simplified';
}

export function convertToSimplified(text: string): string {
  return simplifiers().reduce((s, convert) => convert(s), text);
}
