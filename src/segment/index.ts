import fs from 'node:fs';
import type { Token } from '../model.js';

export interface Segmenter {
  /** Words with their part-of-speech tags (jieba's tag set: n, v, nz, m, x, …). */
  tag(text: string): Token[];
  /** The words of `tag`, without their tags: what counting needs per token. */
  words(text: string): string[];
  /** The tag `tag` gives this word. */
  tagOf(word: string): string;
}

import { STOPWORDS_PATH } from './jieba.js';

export { jiebaSegmenter, loadUserDictionary, parseUserDictionary, STOPWORDS_PATH, USER_DICT_PATH } from './jieba.js';
export type { UserDictEntry } from './jieba.js';

let stopwords: ReadonlySet<string> | undefined;

/** The stopword list (one word a line, # comments), read once per process. */
export function loadStopwords(): ReadonlySet<string> {
  if (!stopwords) {
    const words = fs
      .readFileSync(STOPWORDS_PATH, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    stopwords = new Set(words);
  }
  return stopwords;
}

// Marks and combining characters count as punctuation: a token made only of them
// (U+FFFD, emoji, a zero-width joiner) is never a word.
const NOT_A_WORD = /^[\p{P}\p{S}\p{Z}\p{C}\p{M}\s]+$/u;
const SINGLE_LATIN = /^[A-Za-z]$/;
// Digits of any script (ASCII, circled ①, Roman Ⅲ, 〇) with number punctuation.
const NUMERIC = /^[\p{N}.,:/%‰+\-−~～]+$/u;
const HAN_NUMERAL = /[0-9〇零一二两三四五六七八九十百千万亿几半多第首余]/;
const HAN_NUMERAL_ONLY = /^[〇零一二两三四五六七八九十百千万亿]+$/;

// A number is what says how many or which one, not what: 2023, 12.5, 一, 二十,
// 一九九八年, 第一, 一批, 亿元. jieba tags these `m`; an `m` token with no numeral
// in it (jieba's dictionary has 少年, 左手 as `m`) stays a word. Numeral-only
// domain terms such as 十四五 are countable because the user dictionary tags them
// `nz`, not `m`. Dates come out of jieba split (2023|年), and the bare 年, 月, 日
// units are stopwords.
function isNumber(token: Token): boolean {
  if (NUMERIC.test(token.word)) return true;
  if (token.tag === 'm') return HAN_NUMERAL.test(token.word);
  // HMM-found words are tagged `x` like punctuation, so only all-numeral ones go.
  if (token.tag === 'x') return HAN_NUMERAL_ONLY.test(token.word);
  return false;
}

/** Whether a token belongs in a word-frequency table. */
export function isCountable(token: Token, stopwords: ReadonlySet<string>): boolean {
  const { word } = token;
  if (word.length === 0 || NOT_A_WORD.test(word)) return false;
  if (SINGLE_LATIN.test(word)) return false;
  if (isNumber(token)) return false;
  return !stopwords.has(word);
}
