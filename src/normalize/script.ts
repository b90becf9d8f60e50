// Script detection and Traditional→Simplified conversion. Every string the
// tool stores or prints is Simplified; `script` records what the original was.
import * as OpenCC from 'opencc-js';
import type { Script } from '../model.js';

type Convert = (text: string) => string;
let toSimplified: Convert[] | null = null;
let toTraditional: Convert | null = null;

// Built lazily, each on its own: opencc-js builds its tries on first use
// (Simplified→Traditional alone takes ~350 ms), and a query that only folds
// its own words to Simplified should not pay for the other direction.
function simplifiers(): Convert[] {
  // Taiwan and Hong Kong variant characters both occur in our sources (HK
  // policy addresses, Taiwan-style web pages); the second pass catches HK forms.
  return (toSimplified ??= [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })]);
}

function traditionalizer(): Convert {
  return (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
}

function changedChars(a: string, b: string): number {
  let n = 0;
  const x = [...a];
  const y = [...b];
  const len = Math.min(x.length, y.length);
  for (let i = 0; i < len; i++) if (x[i] !== y[i]) n++;
  return n;
}

const SAMPLE = 4000;

/**
 * Traditional text changes a lot when converted to Simplified and little the
 * other way; Simplified text the reverse. Comparing both directions is robust
 * where a fixed list of "Traditional-only" characters is not.
 */
export function detectScript(text: string): Script {
  const sample = text.slice(0, SAMPLE);
  const tradLike = changedChars(sample, simplifiers()[0]!(sample));
  const simpLike = changedChars(sample, traditionalizer()(sample));
  return tradLike > simpLike ? 'traditional' : 'simplified';
}

export function convertToSimplified(text: string): string {
  return simplifiers().reduce((s, convert) => convert(s), text);
}
