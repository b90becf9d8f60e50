// normalise → extract (→ segment): composition only; each stage lives in its folder.
import type { AnalyzedDocument, Article, PolicyDocument, SegmentedArticle, TermCount, TermCounts, Token } from './model.js';
import { normalizeText } from './normalize/index.js';
import { documentYears } from './extract/years.js';
import { extractGoals } from './extract/goals.js';
import { extractMetrics } from './extract/metrics.js';
import { extractInitiatives } from './extract/initiatives.js';
import { isCountable, loadStopwords, type Segmenter } from './segment/index.js';

export function extractArticle<T extends Article>(article: T): T & PolicyDocument {
  const years = documentYears(article.text, article.title);
  return {
    ...article,
    ...years,
    goals: extractGoals(article.text, years),
    metrics: extractMetrics(article.text, years),
    initiatives: extractInitiatives(article.text),
  };
}

/** Everything `extract` prints: the documents of one file's text, no database. */
export function extractText(raw: string): PolicyDocument[] {
  return normalizeText(raw).map(extractArticle);
}

const WORDLESS = /^[\s\p{P}\p{S}]*$/u;
const SENTENCE_END = /^[。!！?？;；\n]+$/u;

interface TokenClass {
  /** null: punctuation or space, not a word */
  word: string | null;
  endsSentence: boolean;
  /** a countable word's term and tag */
  term: string | null;
  pos: string;
  /** the document whose count `count` is (documents are numbered as counted) */
  doc: number;
  count: TermCount | null;
}

// Classes of tokens, kept across documents for a segmenter that hands back
// one object per distinct word and keeps it (jieba here): most of a
// document's words were classified in an earlier one. Weak, so that the
// tokens of a segmenter that makes new ones each time go with the document.
// (The stopwords they depend on are read once per process.)
const classes = new WeakMap<Token, TokenClass>();
let documentsCounted = 0;

function classify(token: Token, stopwords: ReadonlySet<string>): TokenClass {
  if (WORDLESS.test(token.word)) {
    return { word: null, endsSentence: SENTENCE_END.test(token.word), term: null, pos: '', doc: -1, count: null };
  }
  const countable = isCountable(token, stopwords);
  return {
    word: token.word.replace(/\s+/g, '_'), endsSentence: false,
    term: countable ? token.word : null, pos: token.tag, doc: -1, count: null,
  };
}

export function countTerms<T extends Article>(doc: T, segmenter: Segmenter): T & TermCounts {
  const stopwords = loadStopwords();
  const docNumber = documentsCounted++;
  const counts: TermCount[] = [];
  let tokens = 0;
  const sentences: string[][] = [[]];
  let sentence = sentences[0]!;
  for (const token of segmenter.tag(doc.text)) {
    let c = classes.get(token);
    if (!c) classes.set(token, (c = classify(token, stopwords)));
    if (c.word === null) {
      if (c.endsSentence && sentence.length) sentences.push((sentence = []));
      continue;
    }
    tokens++;
    sentence.push(c.word);
    if (c.term !== null) {
      if (c.doc !== docNumber) {
        c.doc = docNumber;
        counts.push((c.count = { term: c.term, pos: c.pos, count: 0 }));
      }
      c.count!.count++;
    }
  }
  const words = sentences.filter((s) => s.length).map((s) => s.join(' ')).join('\n');
  return { ...doc, tokens, terms: mergeSameTerms(counts), words };
}

/** One count per term and tag: a segmenter that hands back a new object per token gives several. */
function mergeSameTerms(counts: readonly TermCount[]): TermCount[] {
  const merged = new Map<string, TermCount>();
  for (const c of counts) {
    const key = `${c.term}\u0000${c.pos}`;
    const entry = merged.get(key);
    if (entry) entry.count += c.count;
    else merged.set(key, c);
  }
  return [...merged.values()];
}

/** The whole pipeline for one file's text, as ingest stores it. */
export function analyzeText(raw: string, segmenter: Segmenter): AnalyzedDocument[] {
  return extractText(raw).map((doc) => countTerms(doc, segmenter));
}

/**
 * The part of analyzeText that needs the segmenter; extractArticle does the
 * rest, on another thread if need be, to the same documents.
 */
export function segmentText(raw: string, segmenter: Segmenter): SegmentedArticle[] {
  return normalizeText(raw).map((article) => countTerms(article, segmenter));
}
