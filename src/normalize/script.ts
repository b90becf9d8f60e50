// Script detection and Traditional→Simplified conversion. Every string the
// tool stores or prints is Simplified; `script` records what the original was.
import * as OpenCC from 'opencc-js';
import type { Script } from '../model.js';

type Convert = (text: string) => string;
let toSimplified: Convert[] | null = null;

// Built lazily: opencc-js builds its tries on first use, and a Simplified
// document (most of them) never needs one.
function simplifiers(): Convert[] {
  // Taiwan and Hong Kong variant characters both occur in our sources (HK
  // policy addresses, Taiwan-style web pages); the second pass catches HK forms.
  return (toSimplified ??= [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })]);
}

/** The characters that a conversion's character table changes (its one-character entries). */
function changingChars(groups: readonly OpenCC.DictGroup[]): Set<string> {
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

let tables: { traditional: Set<string>; simplified: Set<string> } | null = null;

// Character tables, not the converters: building opencc's Simplified→
// Traditional converter (its 49k phrases) took ~350 ms per thread just to
// tell the script of a text.
function scriptTables(): { traditional: Set<string>; simplified: Set<string> } {
  return (tables ??= {
    traditional: changingChars(OpenCC.Locale.to.cn ?? []),
    simplified: changingChars(OpenCC.Locale.from.cn ?? []),
  });
}

const SAMPLE = 4000;

/**
 * Traditional text has many characters that become others in Simplified and
 * few that would change the other way; Simplified text the reverse. Counting
 * both is robust where a short list of "Traditional-only" characters is not.
 */
export function detectScript(text: string): Script {
  const { traditional, simplified } = scriptTables();
  let tradLike = 0;
  let simpLike = 0;
  for (const ch of text.slice(0, SAMPLE)) {
    if (traditional.has(ch)) tradLike++;
    if (simplified.has(ch)) simpLike++;
  }
  return tradLike > simpLike ? 'traditional' : 'simplified';
}

export function convertToSimplified(text: string): string {
  return simplifiers().reduce((s, convert) => convert(s), text);
}
