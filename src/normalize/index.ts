// normalise: raw text → cleaned, Simplified, NFKC-folded articles.
import type { Article } from '../model.js';
import { stripChrome, stripInlineChrome } from './chrome.js';
import { findOrg, findTitle } from './metadata.js';
import { convertToSimplified, detectScript } from './script.js';
import { countHan, countLetters, joinBrokenLines, splitArticles, splitRunTogether } from './split.js';

export { decode, DecodeError, type Decoded, type Encoding } from './decode.js';
export { detectScript, convertToSimplified } from './script.js';
export { splitSentences, countHan } from './split.js';
export { stripChrome, isChromeLine } from './chrome.js';
export { findTitle, findOrg } from './metadata.js';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
// Line wrapping in scraped and OCRed text leaves spaces inside Chinese
// sentences ("特別 行政區"); they are not word boundaries and would break
// exact search, so they go. Spaces next to Latin letters or digits stay.
const SPACE_BETWEEN_HAN = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef，。、；：？！“”《》（）])\s+(?=[\p{Script=Han}\u3000-\u303f，。、；：？！“”《》（）])/gu;

/**
 * Text that is mostly another language (a README or SOURCE.md beside the
 * documents, an English summary) is not a Chinese document, even if it names
 * a few Chinese titles: at least a fifth of its letters must be Chinese.
 */
export function isChineseText(text: string): boolean {
  const han = countHan(text);
  const letters = countLetters(text);
  return han > 0 && han >= letters * 0.2;
}

export function cleanLine(line: string): string {
  // ∶ (ratio) stands for a colon in Hong Kong texts; NFKC leaves it alone.
  return stripInlineChrome(line).replace(/∶/g, ':').replace(/\s+/gu, ' ').trim().replace(SPACE_BETWEEN_HAN, '');
}

// NFKC would fold ① into 1: circled numbers mark list items (①实施…；②完成…) and notes
const NOT_CIRCLED = /[^\u2460-\u2473]+/g;

/**
 * Cleans one file's text and splits it into articles. The script is judged on
 * the original text; everything returned is Simplified and NFKC-folded.
 */
export function normalizeText(raw: string): Article[] {
  const unified = raw.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
  const script = detectScript(unified);
  const simplified = script === 'traditional' ? convertToSimplified(unified) : unified;
  const lines = simplified.replace(NOT_CIRCLED, (run) => run.normalize('NFKC')).split('\n').map(cleanLine);
  const kept = splitRunTogether(joinBrokenLines(stripChrome(lines)));
  return splitArticles(kept)
    .map((articleLines) => articleLines.filter((l) => l !== ''))
    .map((articleLines) => ({ articleLines, text: articleLines.join('\n') }))
    .filter(({ text }) => isChineseText(text))
    .map(({ articleLines, text }, i): Article => {
      const title = findTitle(articleLines);
      return { article: i + 1, title, org: findOrg(text, title), script, chars: countHan(text), text };
    });
}
