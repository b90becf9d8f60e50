import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Token } from '../src/model.js';
import { analyzeText, extractArticle, segmentText } from '../src/pipeline.js';
import { projectRoot, readCorpus } from './helpers.js';
import {
  isCountable,
  jiebaSegmenter,
  loadStopwords,
  loadUserDictionary,
  parseUserDictionary,
  type UserDictEntry,
  USER_DICT_PATH,
} from '../src/segment/index.js';

const CORPORA = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
const SENTENCES_PER_TERM = 3;
const TEMPLATES = ['加快推进{t}建设。', '全面推行{t},', '持续推进{t}和', '积极推动{t}'];

// Places in the corpora where a term's characters occur but the term does not:
// there the term must NOT come out as a token, so they are not held against it.
const NOT_THE_TERM: ReadonlyArray<readonly [term: string, within: string]> = [
  ['院感', '医院感染'], // 市人民医院|感染性疾病楼
  ['学科建设', '医学科建设'], // 老年医学科|建设
  ['学科建设', '重点学科建设'], // 重点学科|建设
  ['特色专科', '特色专科联盟'], // 特色|专科联盟
  ['规培', '违规培训'],
  ['专项债', '专项债务'],
  ['义务教育', '义务教育法'], // jieba's own word for the law
  ['高度自治', '高度自治权'],
  ['新业态', '创新业态'], // 创新|业态
];

// The cleaned text the pipeline feeds the segmenter: Simplified, NFKC.
function loadCorpusText(): string {
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const parts: string[] = [];
  for (const dir of fs.readdirSync(CORPORA).sort()) {
    const dirPath = path.join(CORPORA, dir);
    if (!fs.statSync(dirPath).isDirectory()) continue;
    for (const file of fs.readdirSync(dirPath).sort()) {
      if (file === 'SOURCE.md') continue;
      const raw = fs.readFileSync(path.join(dirPath, file), 'utf8');
      const text = looksTraditional(raw) ? toSimplified(raw) : raw;
      parts.push(text.normalize('NFKC'));
    }
  }
  return parts.join('\n');
}

function looksTraditional(text: string): boolean {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if ('國會這們發說時從對與為個'.includes(ch)) traditional++;
    else if ('国会这们发说时从对与为个'.includes(ch)) simplified++;
  }
  return traditional > simplified;
}

const SENTENCE_END = /[。!?;\n]/;

function sentencesContaining(corpus: string, term: string, max: number): string[] {
  const found: string[] = [];
  let from = 0;
  while (found.length < max) {
    const at = corpus.indexOf(term, from);
    if (at < 0) break;
    let start = at;
    while (start > 0 && !SENTENCE_END.test(corpus[start - 1]!)) start--;
    let end = at + term.length;
    while (end < corpus.length && !SENTENCE_END.test(corpus[end]!)) end++;
    found.push(corpus.slice(start, end));
    from = end;
  }
  return found;
}

interface Span {
  word: string;
  start: number;
  end: number;
}

function spans(tokens: Token[]): Span[] {
  let pos = 0;
  return tokens.map(({ word }) => {
    const span = { word, start: pos, end: pos + word.length };
    pos = span.end;
    return span;
  });
}

/** Occurrences of `term` in `sentence` that the segmenter failed to keep whole. */
function brokenOccurrences(sentence: string, term: string, dictWords: ReadonlySet<string>): string[] {
  const tokens = spans(jiebaSegmenter().tag(sentence));
  const broken: string[] = [];
  for (let at = sentence.indexOf(term); at >= 0; at = sentence.indexOf(term, at + 1)) {
    const end = at + term.length;
    if (tokens.some((t) => t.start === at && t.end === end)) continue;
    // Inside a longer dictionary term (医共体 in 紧密型县域医共体) is right.
    if (tokens.some((t) => t.start <= at && t.end >= end && dictWords.has(t.word))) continue;
    const excused = NOT_THE_TERM.some(([word, within]) => {
      if (word !== term) return false;
      for (let w = sentence.indexOf(within); w >= 0; w = sentence.indexOf(within, w + 1)) {
        if (w <= at && end <= w + within.length) return true;
      }
      return false;
    });
    if (!excused) broken.push(tokens.map((t) => t.word).join('|'));
  }
  return broken;
}

let entries: UserDictEntry[];
let corpus: string;

beforeAll(() => {
  entries = loadUserDictionary();
  corpus = loadCorpusText();
});

describe('loading', () => {
  // Runs first: nothing above this point may segment.
  it('does not load jieba until something is segmented', () => {
    const cache = createRequire(import.meta.url).cache;
    const jiebaLoaded = () => Object.keys(cache).some((k) => k.includes(`${path.sep}nodejieba${path.sep}`));
    const segmenter = jiebaSegmenter();
    expect(jiebaLoaded()).toBe(false);
    expect(segmenter.tag('医共体')).toEqual([{ word: '医共体', tag: 'n' }]);
    expect(jiebaLoaded()).toBe(true);
  });
});

describe('user dictionary file', () => {
  it('has at least 300 well-formed, distinct, multi-character entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    const words = entries.map((e) => e.word);
    const duplicates = words.filter((w, i) => words.indexOf(w) !== i);
    expect(duplicates).toEqual([]);
    const tooShort = words.filter((w) => [...w].length < 2);
    expect(tooShort).toEqual([]);
    // jieba's tag set, as far as we use it: nouns, proper nouns, organisations,
    // places, verbal nouns, set phrases and abbreviations.
    const badTags = entries.filter((e) => !['n', 'nz', 'nt', 'ns', 'vn', 'l', 'j'].includes(e.tag));
    expect(badTags).toEqual([]);
  });

  it.each([
    ['a comment', '# health terms'],
    ['a blank line', ''],
    ['a frequency without a tag', '医共体 300'],
    ['a doubled space', '医共体  300 n'],
    ['a CR line ending', '医共体 300 n\r'],
    ['a zero frequency', '医共体 0 n'],
  ])('rejects %s, which cppjieba would silently misread', (_label, line) => {
    expect(() => parseUserDictionary(`医联体 300 n\n${line}\n`)).toThrow(/:2: expected/);
  });

  it('reads the three-column form', () => {
    expect(parseUserDictionary('医共体 300 n\n')).toEqual([{ word: '医共体', freq: 300, tag: 'n', line: 1 }]);
  });
});

describe('every dictionary term stays one token in context', () => {
  it('in real corpus sentences and in template sentences', () => {
    const dictWords = new Set(entries.map((e) => e.word));
    const failures: string[] = [];
    let corpusSentences = 0;
    for (const { word } of entries) {
      const real = sentencesContaining(corpus, word, SENTENCES_PER_TERM);
      corpusSentences += real.length;
      for (const sentence of real) {
        for (const b of brokenOccurrences(sentence, word, dictWords)) failures.push(`${word}: ${b}`);
      }
      // Templates hold no other term, so there the term must be a token of its own.
      for (const template of TEMPLATES) {
        const sentence = template.replace('{t}', word);
        if (!jiebaSegmenter().tag(sentence).some((t) => t.word === word)) {
          failures.push(`${word}: ${jiebaSegmenter().tag(sentence).map((t) => t.word).join('|')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Guard against the corpora going missing and the test passing on templates alone.
    expect(corpusSentences).toBeGreaterThan(entries.length);
  });

  it.each([
    ['推进紧密型县域医共体建设和城市医联体建设', ['紧密型县域医共体', '医联体']],
    ['加快胸痛中心、卒中中心、创伤中心建设', ['胸痛中心', '卒中中心', '创伤中心']],
    ['推进DRG/DIP支付方式改革,开展日间手术', ['DRG', 'DIP', '支付方式改革', '日间手术']],
    ['发展互联网医院,推行临床路径管理', ['互联网医院', '临床路径']],
    ['做实家庭医生签约服务,推进分级诊疗', ['家庭医生签约服务', '分级诊疗']],
    ['医院顺利通过二甲复审,创建三级医院', ['二甲复审', '三级医院']],
    ['深化放管服改革,大力发展数字经济,因地制宜发展新质生产力', ['放管服', '数字经济', '新质生产力']],
    ['“十四五”规划目标任务全面完成', ['十四五']],
    ['建成5G基站1.2万个', ['5G']],
  ])('%s', (sentence, terms) => {
    const words = jiebaSegmenter().tag(sentence).map((t) => t.word);
    for (const term of terms) expect(words).toContain(term);
  });
});

describe('what counts in a frequency table', () => {
  const countable = (sentence: string) =>
    jiebaSegmenter()
      .tag(sentence)
      .filter((t) => isCountable(t, loadStopwords()))
      .map((t) => t.word);

  it.each([
    [
      '我们要进一步推进紧密型县域医共体建设,加快胸痛中心、卒中中心建设。',
      ['推进', '紧密型县域医共体', '建设', '加快', '胸痛中心', '卒中中心', '建设'],
    ],
    ['2023年,全市地区生产总值增长5.5%,新增省级重点专科12个。', ['全市', '地区生产总值', '增长', '新增', '省级', '重点专科']],
    ['“十四五”时期,我们将全面推进乡村振兴。', ['十四五', '时期', '推进', '乡村振兴']],
    ['一是深化医改;二是推进DRG付费。', ['一是', '深化', '医改', '二是', '推进', 'DRG付费']],
  ])('%s', (sentence, expected) => {
    expect(countable(sentence)).toEqual(expected);
  });

  it.each<[Token, boolean]>([
    [{ word: '的', tag: 'uj' }, false],
    [{ word: '进一步', tag: 'd' }, false],
    [{ word: '我们', tag: 'r' }, false],
    [{ word: ',', tag: 'x' }, false],
    [{ word: '。', tag: 'x' }, false],
    [{ word: '“', tag: 'x' }, false],
    [{ word: ' ', tag: 'x' }, false],
    [{ word: '\n', tag: 'x' }, false],
    [{ word: '\u200b', tag: 'x' }, false],
    [{ word: '\ufffd', tag: 'x' }, false],
    [{ word: '', tag: 'x' }, false],
    [{ word: '2023', tag: 'm' }, false],
    [{ word: '12.5', tag: 'm' }, false],
    [{ word: '3', tag: 'x' }, false],
    [{ word: '①', tag: 'x' }, false],
    [{ word: '〇', tag: 'x' }, false],
    [{ word: '一', tag: 'm' }, false],
    [{ word: '二十', tag: 'm' }, false],
    [{ word: '一九九八年', tag: 'm' }, false],
    [{ word: '第一', tag: 'm' }, false],
    [{ word: '亿元', tag: 'm' }, false],
    [{ word: 'x', tag: 'x' }, false],
    [{ word: 'G', tag: 'x' }, false],
    [{ word: '十四五', tag: 'nz' }, true],
    [{ word: '医共体', tag: 'n' }, true],
    [{ word: 'DRG', tag: 'nz' }, true],
    [{ word: 'GDP', tag: 'eng' }, true],
    [{ word: '5G', tag: 'nz' }, true],
    [{ word: '改革', tag: 'vn' }, true],
    [{ word: '放管服', tag: 'j' }, true],
  ])('%j → %s', (token, expected) => {
    expect(isCountable(token, loadStopwords())).toBe(expected);
  });

  it('the stopword list is read from its file, comments left out', () => {
    const stopwords = loadStopwords();
    expect(stopwords.size).toBeGreaterThan(200);
    expect(stopwords.has('的')).toBe(true);
    expect([...stopwords].filter((w) => w.startsWith('#') || w.trim() !== w || w === '')).toEqual([]);
    // A stopword that is also a domain term would hide the term from every table.
    expect(entries.filter((e) => stopwords.has(e.word))).toEqual([]);
  });
});

describe('odd input', () => {
  const longText = '推进紧密型县域医共体建设'.repeat(20_000) + '\u0000'.repeat(1000) + 'a'.repeat(50_000);

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\t\u3000'],
    ['control characters', '\u0000\u0001\u001f\u007f\u0085\u2028'],
    ['zero-width and BOM', '\ufeff\u200b医共体\u200d'],
    ['emoji and astral Han', '😀👨‍👩‍👧🇨🇳𠀀𪚥'],
    ['combining mark', 'e\u0301'],
    ['CRLF', '第一段\r\n第二段'],
    ['200k characters', longText],
  ])('%s: no throw, tokens join back to the text', (_label, text) => {
    const tokens = jiebaSegmenter().tag(text);
    expect(tokens.map((t) => t.word).join('')).toBe(text);
    expect(tokens.every((t) => t.word.length > 0 && typeof t.tag === 'string')).toBe(true);
  });

  it.each([
    ['a lone high surrogate', 'a\ud800b', 'a\ufffdb'],
    ['a lone low surrogate', '\udc00医改', '\ufffd医改'],
  ])('%s comes back as U+FFFD, keeping offsets', (_label, text, joined) => {
    const tokens = jiebaSegmenter().tag(text);
    expect(tokens.map((t) => t.word).join('')).toBe(joined);
  });
});

describe('tags', () => {
  // Our tag() cuts and looks the tags up itself (twice as fast): it must give
  // what nodejieba's own tag() gives, word for word and tag for tag.
  // required in the tests: loading it at collection would spoil 'loading' above
  const nodejieba = () => createRequire(import.meta.url)('nodejieba') as { tag(s: string): Token[] };

  it.each([
    ['a Simplified work report', 'seeds/003_51a1886474694a1e.txt'],
    ['a Traditional address with English in it', 'hk-policy-address/2000.txt'],
    ['a State Council report', 'gov-work-reports-state-council/1985.txt'],
  ])('are jieba\'s own on %s', (_label, file) => {
    const text = fs.readFileSync(path.join(CORPORA, file), 'utf8');
    jiebaSegmenter().tag('预热'); // loads our dictionary into the one native jieba first
    expect(jiebaSegmenter().tag(text)).toEqual(nodejieba().tag(text));
  });

  it('are jieba\'s own for words outside its dictionary: ASCII, digits, mixed, astral', () => {
    const text = '5 a1b2 ab 12ab中文 Ⅲ 😀 GDP增长6.5% COVID-19疫情 x86架构 3D打印 iPhone手机 café 𠀀𪚥 2023年';
    jiebaSegmenter().tag('预热');
    const ours = jiebaSegmenter().tag(text);
    expect(ours).toEqual(nodejieba().tag(text));
    expect(ours.map((t) => t.tag)).toEqual(expect.arrayContaining(['m', 'eng', 'x']));
  });
});

describe('the tables jieba loads and we do not use', () => {
  it('leave the words as jieba cuts them with its bundled keyword tables', () => {
    // another process: one native jieba per process, and it is ours here
    const file = path.join(CORPORA, 'gov-work-reports-state-council/2024.txt');
    const script = `const nj = require('nodejieba');
      nj.load({ userDict: ${JSON.stringify(USER_DICT_PATH)} });
      process.stdout.write(JSON.stringify(nj.cut(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'), true)));`;
    const bundled = spawnSync(process.execPath, ['-e', script], {
      cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 << 20,
    });
    expect(bundled.status).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(jiebaSegmenter().tag(text).map((t) => t.word)).toEqual(JSON.parse(bundled.stdout));
  });
});

describe('analysis split between threads', () => {
  it('gives the same documents whether a file is extracted with its segmentation or after it', () => {
    for (const file of ['seeds/000_3bd09cb3f97930f0.txt', 'seeds/001_456c092f3174d644.txt']) {
      const raw = readCorpus(file);
      const whole = analyzeText(raw, jiebaSegmenter());
      const split = segmentText(raw, jiebaSegmenter()).map(extractArticle);
      expect(whole.length).toBeGreaterThan(0);
      expect(whole.some((d) => d.goals.length && d.metrics.length && d.terms.length)).toBe(true);
      expect(split).toEqual(whole);
    }
  });
});
