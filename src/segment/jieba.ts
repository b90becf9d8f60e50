import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dictionaryPath } from '../dictionaries.js';
import type { Token } from '../model.js';
import type { Segmenter } from './index.js';

export const USER_DICT_PATH = dictionaryPath('user-dict.txt');
// Tables of cppjieba's keyword extractor, which load() builds though we never
// call it (keyness and TF-IDF are ours): its bundled 6 MB idf table took a
// quarter of every load and 18 MB per thread. It asserts on an empty table,
// so ours has one entry; the stop words are our own list.
const KEYWORD_IDF_PATH = dictionaryPath('jieba-idf.txt');
/** Our stopword list (read by loadStopwords); defined here, beside the paths jieba is given. */
export const STOPWORDS_PATH = dictionaryPath('stopwords.txt');

type NodeJieba = typeof import('nodejieba');

export interface UserDictEntry {
  word: string;
  freq: number;
  tag: string;
  /** 1-based line in the dictionary file */
  line: number;
}

// cppjieba reads a user-dict line as `word`, `word TAG` or `word FREQ TAG`: a
// two-column `word 300` makes "300" the tag, any other column count (a comment,
// a doubled space) is dropped without a word, and a stray \r becomes part of the
// tag. It never reports any of this, so we accept only the three-column form
// and reject the rest before the file reaches it.
const ENTRY = /^(\S+) ([1-9]\d*) ([a-z]+)$/;

/** Parse the user dictionary, throwing on the first line cppjieba would misread. */
export function parseUserDictionary(text: string, source = USER_DICT_PATH): UserDictEntry[] {
  const entries: UserDictEntry[] = [];
  const lines = text.split('\n');
  // A final newline leaves one empty string behind; any other empty line is an error.
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    const m = ENTRY.exec(raw);
    if (!m) throw new Error(`${source}:${i + 1}: expected "word freq tag", got ${JSON.stringify(raw)}`);
    entries.push({ word: m[1]!, freq: Number(m[2]), tag: m[3]!, line: i + 1 });
  });
  return entries;
}

export function loadUserDictionary(): UserDictEntry[] {
  return parseUserDictionary(fs.readFileSync(USER_DICT_PATH, 'utf8'));
}

// Why load the way we do (nodejieba 3.5.8 / cppjieba):
// - There is ONE native Jieba per process. Every load() throws it away and reads
//   the 349k-word main dictionary again (~1 s), and whoever calls load() last
//   decides the dictionary for everybody: nothing else in the process may call
//   nodejieba.load(). cut()/tag() before any load() silently load the defaults.
// - `userDict` REPLACES cppjieba's bundled user.dict.utf8 (云计算, 区块链, …); it
//   does not add to it. The main dictionary and the HMM model stay the defaults.
// - A user word also present in the main dictionary overrides it (the later trie
//   insert wins), so the frequency we give is the one used, also downwards.
// - Frequency: a user word without one gets the main dictionary's median
//   (freq 3), which loses to jieba's own pieces whenever they are common words
//   (数字|经济 in 发展数字经济). Segmentation maximises the sum of log(freq/total),
//   so ~300 beats almost every two-piece split. Much higher makes short terms
//   grab characters across a word boundary: at 1000 医院感染 ate 医院|感染性疾病,
//   at 3000 专项债 ate 专项债务. Terms that need otherwise carry their own
//   frequency in the file: 新业态 is lower because 创新|业态 is the usual reading,
//   中医药 higher so that 中医药业 does not come out 中|医药业.
// - A path that cannot be opened is an XCHECK in C++ and aborts the whole
//   process instead of throwing, and the path is split on '|' and ';' (several
//   dictionaries), so both are checked here first.
let jieba: NodeJieba | undefined;
let tags: Map<string, string> | undefined;

function loadJieba(): NodeJieba {
  if (jieba) return jieba;
  for (const path of [USER_DICT_PATH, KEYWORD_IDF_PATH, STOPWORDS_PATH]) {
    if (/[|;]/.test(path)) throw new Error(`a dictionary path must not contain '|' or ';': ${path}`);
  }
  const userWords = loadUserDictionary(); // throws a readable error for a missing or malformed file
  // Required here, not imported, so that importing this module stays free and a
  // broken native build only fails the commands that segment.
  const nj = createRequire(import.meta.url)('nodejieba') as NodeJieba;
  nj.load({ userDict: USER_DICT_PATH, idfDict: KEYWORD_IDF_PATH, stopWordDict: STOPWORDS_PATH });
  tags = readTags((nj as NodeJieba & { DEFAULT_DICT: string }).DEFAULT_DICT);
  // user words override the main dictionary's, as the later trie insert does
  for (const entry of userWords) tags.set(entry.word, entry.tag);
  jieba = nj;
  return nj;
}

// nodejieba's tag() is cut() followed by a dictionary lookup of each word's
// tag (cppjieba PosTagger), but it builds a {word, tag} object per token across
// the native boundary, which makes it take twice as long as cut(). We cut and
// look the tags up here, once per distinct word: same words, same tags.

/** word → tag from a cppjieba dictionary file ("word freq tag" lines). */
function readTags(file: string): Map<string, string> {
  const map = new Map<string, string>();
  const text = fs.readFileSync(file, 'utf8');
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const fields = line.split(' ');
    if (fields[0]) map.set(fields[0], fields.length >= 3 ? fields[2]! : '');
  }
  return map;
}

/** cppjieba's tag for a word outside the dictionary: x, or m / eng when ASCII digits / letters lead. */
function specialTag(word: string): string {
  const runes = [...word];
  // cppjieba stops at half the length, rounded down (size_t division)
  const half = Math.floor(runes.length / 2);
  let ascii = 0;
  let digits = 0;
  for (let i = 0; i < runes.length && ascii < half; i++) {
    const code = runes[i]!.codePointAt(0)!;
    if (code < 0x80) {
      ascii++;
      if (code >= 0x30 && code <= 0x39) digits++;
    }
  }
  if (ascii === 0) return 'x';
  return digits === ascii ? 'm' : 'eng';
}

/** The tag cppjieba's PosTagger gives a word: the dictionary's, else by its characters. */
function tagOf(word: string): string {
  loadJieba();
  const tag = tags!.get(word);
  return tag ? tag : specialTag(word);
}

// One token object per distinct word, kept across calls: most words of a
// text were seen in the ones before. The numbers and new words of a large
// corpus would grow it without end, so it starts over past a bound.
const KNOWN_WORDS = 1 << 20;
let known = new Map<string, Token>();

function tagWords(words: readonly string[]): Token[] {
  if (known.size > KNOWN_WORDS) known = new Map();
  const tokens = new Array<Token>(words.length);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let token = known.get(word);
    if (!token) known.set(word, (token = { word, tag: tagOf(word) }));
    tokens[i] = token;
  }
  return tokens;
}

function words(text: string): string[] {
  if (typeof text !== 'string') throw new TypeError(`expected a string, got ${typeof text}`);
  // Words concatenate back to `text` exactly, except that a lone surrogate
  // comes back as U+FFFD (same UTF-16 length, so offsets still line up).
  return text.length === 0 ? [] : loadJieba().cut(text, true);
}

const segmenter: Segmenter = {
  tag: (text) => tagWords(words(text)),
  words,
  tagOf,
};

/**
 * The jieba segmenter with our user dictionary. Cheap to call: the dictionaries
 * are loaded on the first tag(), once per process.
 */
export function jiebaSegmenter(): Segmenter {
  return segmenter;
}
