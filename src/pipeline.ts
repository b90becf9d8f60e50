// normalise → extract (→ segment): composition only; each stage lives in its folder.
import type { AnalyzedDocument, Article, PolicyDocument, TermCount, Token } from './model.js';
import { normalizeText } from './normalize/index.js';
import { documentYears } from './extract/years.js';
import { extractGoals } from './extract/goals.js';
import { extractMetrics } from './extract/metrics.js';
import { extractInitiatives } from './extract/initiatives.js';
import { isCountable, loadStopwords, type Segmenter } from './segment/index.js';

export function extractArticle(article: Article): PolicyDocument {
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
  /** the document's count for a countable word */
  count: TermCount | null;
}

export function countTerms(doc: PolicyDocument, segmenter: Segmenter): AnalyzedDocument {
  const stopwords = loadStopwords();
  const counts: TermCount[] = [];
  // jieba's tokens repeat (the segmenter hands back one object per distinct
  // word): each is classified once per document, not once per occurrence.
  const classes = new Map<Token, TokenClass>();
  const classify = (token: Token): TokenClass => {
    if (WORDLESS.test(token.word)) return { word: null, endsSentence: SENTENCE_END.test(token.word), count: null };
    let count: TermCount | null = null;
    if (isCountable(token, stopwords)) counts.push((count = { term: token.word, pos: token.tag, count: 0 }));
    return { word: token.word.replace(/\s+/g, '_'), endsSentence: false, count };
  };
  let tokens = 0;
  const sentences: string[][] = [[]];
  for (const token of segmenter.tag(doc.text)) {
    let c = classes.get(token);
    if (!c) classes.set(token, (c = classify(token)));
    if (c.word === null) {
      if (c.endsSentence && sentences[sentences.length - 1]!.length) sentences.push([]);
      continue;
    }
    tokens++;
    sentences[sentences.length - 1]!.push(c.word);
    if (c.count) c.count.count++;
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
