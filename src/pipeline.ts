// normalise → extract (→ segment): composition only; each stage lives in its folder.
import type { AnalyzedDocument, Article, PolicyDocument, TermCount } from './model.js';
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

export function countTerms(doc: PolicyDocument, segmenter: Segmenter): AnalyzedDocument {
  const stopwords = loadStopwords();
  const counts = new Map<string, TermCount>();
  let tokens = 0;
  const sentences: string[][] = [[]];
  for (const token of segmenter.tag(doc.text)) {
    if (WORDLESS.test(token.word)) {
      if (SENTENCE_END.test(token.word) && sentences[sentences.length - 1]!.length) sentences.push([]);
      continue;
    }
    tokens++;
    sentences[sentences.length - 1]!.push(token.word.replace(/\s+/g, '_'));
    if (!isCountable(token, stopwords)) continue;
    const key = `${token.word}\u0000${token.tag}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { term: token.word, pos: token.tag, count: 1 });
  }
  const words = sentences.filter((s) => s.length).map((s) => s.join(' ')).join('\n');
  return { ...doc, tokens, terms: [...counts.values()], words };
}

/** The whole pipeline for one file's text, as ingest stores it. */
export function analyzeText(raw: string, segmenter: Segmenter): AnalyzedDocument[] {
  return extractText(raw).map((doc) => countTerms(doc, segmenter));
}
