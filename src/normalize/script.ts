// Script detection and Traditional→Simplified conversion. Every string the
// tool stores or prints is Simplified; `script` records what the original was.
import * as OpenCC from 'opencc-js';
import type { Script } from '../model.js';

type Convert = (text: string) => string;
let toSimplified: Convert[] | null = null;
let toTraditional: Convert | null = null;

function converters(): { toSimplified: Convert[]; toTraditional: Convert } {
  // Built lazily: opencc-js builds its tries on first use, which query
  // commands that never convert should not pay for.
  // Taiwan and Hong Kong variant characters both occur in our sources (HK
  // policy addresses, Taiwan-style web pages); the second pass catches HK forms.
  const simplified = (toSimplified ??= [
    OpenCC.Converter({ from: 'tw', to: 'cn' }),
    OpenCC.Converter({ from: 'hk', to: 'cn' }),
  ]);
  const traditional = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return { toSimplified: simplified, toTraditional: traditional };
}

function changedChars(a: string, b: string): number {
  let n = 0;
  const x = [...a];
  const y = [...b];
  const len = Math.min(x.length, y.length);
  for (let i = 0; i < len; i++) if (x[i] !== y[i]) n++;
  return n;
}

const SAMPLE = 20000;

/**
 * Traditional text changes a lot when converted to Simplified and little the
 * other way; Simplified text the reverse. Comparing both directions is robust
 * where a fixed list of "Traditional-only" characters is not.
 */
export function detectScript(text: string): Script {
  const sample = text.slice(0, SAMPLE);
  const { toSimplified, toTraditional } = converters();
  const tradLike = changedChars(sample, toSimplified[0]!(sample));
  const simpLike = changedChars(sample, toTraditional(sample));
  return tradLike > simpLike ? 'traditional' : 'simplified';
}

export function convertToSimplified(text: string): string {
  return converters().toSimplified.reduce((s, convert) => convert(s), text);
}
