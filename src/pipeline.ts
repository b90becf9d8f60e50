// normalise → extract (→ segment): composition only; each stage lives in its folder.
import type { AnalyzedDocument, Article, PolicyDocument, SegmentedArticle, TermCount, TermCounts } from './model.js';
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

interface WordClass {
  /** null: punctuation or space, not a word */
  word: string | null;
  endsSentence: boolean;
  /** counted in a frequency table (not a stopword, number or punctuation) */
  countable: boolean;
  term: string;
  pos: string;
  /** the document whose count `count` is (documents are numbered as counted) */
  doc: number;
  count: TermCount | null;
}

// Classes of words, per segmenter (a word's tag is its segmenter's), kept
// across documents (most of a document's words were classified in an earlier
// one) and looked up once per token: each word has one tag, so a document has
// one count per term and tag. The numbers and new words of a large corpus
// would grow them without end, so they start over past a bound, between two
// documents. (The stopwords they depend on are read once per process.)
const KNOWN_WORDS = 1 << 20;
const classesBySegmenter = new WeakMap<Segmenter, Map<string, WordClass>>();
let documentsCounted = 0;

function classify(word: string, segmenter: Segmenter, stopwords: ReadonlySet<string>): WordClass {
  if (WORDLESS.test(word)) {
    return { word: null, endsSentence: SENTENCE_END.test(word), countable: false, term: word, pos: '', doc: -1, count: null };
  }
  const token = { word, tag: segmenter.tagOf(word) };
  return {
    word: word.replace(/\s+/g, '_'), endsSentence: false,
    countable: isCountable(token, stopwords), term: word, pos: token.tag, doc: -1, count: null,
  };
}

export function countTerms<T extends Article>(doc: T, segmenter: Segmenter): T & TermCounts {
  const stopwords = loadStopwords();
  let classes = classesBySegmenter.get(segmenter);
  if (!classes || classes.size > KNOWN_WORDS) classesBySegmenter.set(segmenter, (classes = new Map()));
  const docNumber = documentsCounted++;
  const terms: TermCount[] = [];
  let tokens = 0;
  // sentences joined as they come: cheaper than arrays of words joined at the end
  let words = '';
  let sentence = '';
  for (const w of segmenter.words(doc.text)) {
    let c = classes.get(w);
    if (!c) classes.set(w, (c = classify(w, segmenter, stopwords)));
    if (c.word === null) {
      if (c.endsSentence && sentence) {
        words = words ? `${words}\n${sentence}` : sentence;
        sentence = '';
      }
      continue;
    }
    tokens++;
    sentence = sentence ? `${sentence} ${c.word}` : c.word;
    if (c.countable) {
      if (c.doc !== docNumber) {
        c.doc = docNumber;
        terms.push((c.count = { term: c.term, pos: c.pos, count: 0 }));
      }
      c.count!.count++;
    }
  }
  if (sentence) words = words ? `${words}\n${sentence}` : sentence;
  return { ...doc, tokens, terms, words };
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
