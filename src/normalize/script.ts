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

/** The keys of a conversion's tables that change what they match: single characters, and phrases. */
function changingKeys(groups: readonly OpenCCFull.DictGroup[]): { chars: Set<string>; phrases: string[] } {
  const chars = new Set<string>();
  const phrases: string[] = [];
  const add = (from: string, to: string): void => {
    if (!from || !to || to === from) return;
    if ([...from].length === 1) chars.add(from);
    else phrases.push(from);
  };
  for (const group of groups) {
    for (const dict of group) {
      if (typeof dict !== 'string') {
        for (const [from, to] of dict) add(from, to.split(' ')[0]!);
        continue;
      }
      // "发 發髮|…": entries by |, the key and its alternatives by spaces; the
      // first alternative is the one converted to. Read in place: splitting
      // the tables into strings took most of a query command's conversion.
      for (let start = 0; start < dict.length; ) {
        let end = dict.indexOf('|', start);
        if (end < 0) end = dict.length;
        const space = dict.indexOf(' ', start);
        if (space > start && space < end) {
          const next = dict.indexOf(' ', space + 1);
          add(dict.slice(start, space), dict.slice(space + 1, next > space && next < end ? next : end));
        }
        start = end + 1;
      }
    }
  }
  return { chars, phrases };
}

/** Flags by character: BMP characters by code unit, astral ones by their surrogate pair. */
interface CharFlags {
  bmp: Uint8Array;
  astral: Map<string, number>;
}

function charFlags(): CharFlags {
  return { bmp: new Uint8Array(0x10000), astral: new Map() };
}

function markChars(table: CharFlags, chars: Iterable<string>, flag: number): void {
  for (const ch of chars) {
    if (ch.length === 1) table.bmp[ch.charCodeAt(0)]! |= flag;
    else table.astral.set(ch, (table.astral.get(ch) ?? 0) | flag);
  }
}

/**
 * Hands the flags of each character of text[0, end) to `visit` (a lone
 * surrogate has none) until it returns true; whether it did.
 */
function visitFlags(table: CharFlags, text: string, end: number, visit: (flags: number) => boolean): boolean {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    let flags: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      flags = table.astral.get(text.slice(i, i + 2)) ?? 0;
      i++;
    } else {
      flags = c >= 0xd800 && c <= 0xdfff ? 0 : table.bmp[c]!;
    }
    if (visit(flags)) return true;
  }
  return false;
}

let simplifierKeys: { chars: CharFlags; phrases: string[] } | null = null;

/**
 * Whether the simplifiers could change `text`: only where one of their
 * changing keys occurs (their other entries map a phrase to itself). Reading
 * the keys takes ~2 ms; building the converters ~50 ms with the garbage they
 * leave, which a query in Simplified characters, most of them, never needs.
 */
function simplifiable(text: string): boolean {
  if (!simplifierKeys) {
    const { from, to } = ToSimplified.Locale;
    const { chars, phrases } = changingKeys([...(from.tw ?? []), ...(from.hk ?? []), ...(to.cn ?? [])]);
    simplifierKeys = { chars: charFlags(), phrases };
    markChars(simplifierKeys.chars, chars, 1);
  }
  const { chars, phrases } = simplifierKeys;
  return visitFlags(chars, text, text.length, (flags) => flags !== 0) || phrases.some((p) => text.includes(p));
}

/** TRADITIONAL if Simplified would change a character, SIMPLIFIED if Traditional would. */
const TRADITIONAL = 1;
const SIMPLIFIED = 2;
let tables: CharFlags | null = null;

// Character tables, not the converters: building opencc's Simplified→
// Traditional converter (its 49k phrases) took ~350 ms per thread just to
// tell the script of a text. A lookup by code unit, not a Set of strings:
// a string and a hash per character made telling the script of a file as
// slow as extracting its goals.
function scriptTables(): CharFlags {
  if (tables) return tables;
  tables = charFlags();
  // both directions' tables: the whole package, loaded only by what tells a script (ingest, extract)
  const { Locale } = createRequire(import.meta.url)('opencc-js') as typeof OpenCCFull;
  markChars(tables, changingKeys(Locale.to.cn ?? []).chars, TRADITIONAL);
  markChars(tables, changingKeys(Locale.from.cn ?? []).chars, SIMPLIFIED);
  return tables;
}

const SAMPLE = 4000;

/**
 * Traditional text has many characters that become others in Simplified and
 * few that would change the other way; Simplified text the reverse. Counting
 * both is robust where a short list of "Traditional-only" characters is not.
 */
export function detectScript(text: string): Script {
  let tradLike = 0;
  let simpLike = 0;
  visitFlags(scriptTables(), text, Math.min(text.length, SAMPLE), (flags) => {
    if (flags & TRADITIONAL) tradLike++;
    if (flags & SIMPLIFIED) simpLike++;
    return false;
  });
  return tradLike > simpLike ? 'traditional' : 'simplified';
}

export function convertToSimplified(text: string): string {
  return simplifiable(text) ? simplifiers().reduce((s, convert) => convert(s), text) : text;
}
