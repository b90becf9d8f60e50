// The typed records that travel through the pipeline. Field names of Goal,
// Metric, Initiative and the document fields follow ../shared/spec/extraction.md,
// which is a contract read by tools outside the project: keep names and meanings.

export type Script = 'traditional' | 'simplified';
export type GoalKind = 'review' | 'plan';
export type Change = 'increase' | 'decrease';
export type Bound = '>=' | '<=' | '~';

/** An enumerated item of the document's outline (一、 (一) 1、 (1) 一是 …). */
export interface Goal {
  marker: string;
  level: number;
  ordinal: number;
  title: string;
  /** index in the same goals array of the enclosing item */
  parent: number | null;
  kind: GoalKind | null;
  year: number | null;
  /** character offset of the marker in the document text */
  offset: number;
}

/** A stated quantity: a number with a unit, a percentage or percentage points. */
export interface Metric {
  raw: string;
  value: number;
  value_max: number | null;
  unit: string;
  subject: string | null;
  change: Change | null;
  bound: Bound | null;
  year: number | null;
  /** character offset of `raw` in the document text */
  offset: number;
}

export interface InitiativeGroup {
  label: string;
  count: number;
  items: string[];
}

/** A named programme, campaign, strategy or numeric slogan. */
export interface Initiative {
  name: string;
  code: string | null;
  type: string | null;
  members: string[];
  groups: InitiativeGroup[];
  expected_count: number | null;
  consistent: boolean | null;
  /** character offset of the first mention in the document text */
  offset: number;
}

/** Years a document is about, as the spec defines them. */
export interface DocumentYears {
  year: number | null;
  review_year: number | null;
  plan_year: number | null;
}

/** One article after normalisation: cleaned Simplified text and what we know about it. */
export interface Article {
  /** 1-based position of the article in its source file (compilations hold several) */
  article: number;
  title: string | null;
  org: string | null;
  script: Script;
  /** Chinese characters in the cleaned text */
  chars: number;
  /** cleaned, Simplified, NFKC text; paragraphs separated by "\n" */
  text: string;
}

export interface NormalizedDocument extends Article, DocumentYears {}

export interface PolicyDocument extends NormalizedDocument {
  goals: Goal[];
  metrics: Metric[];
  initiatives: Initiative[];
}

export interface Token {
  word: string;
  tag: string;
}

/** How often a countable word (stopwords, punctuation, numbers left out) occurs in one document. */
export interface TermCount {
  term: string;
  pos: string;
  count: number;
}

/** What segmenting a text gives: its word counts and its words in order. */
export interface TermCounts {
  /** word tokens, punctuation and white space left out: the denominator of rates */
  tokens: number;
  terms: TermCount[];
  /** every word token in order, joined by ' ', with '\n' between sentences */
  words: string;
}

/** A document with its segmentation summary, ready to store. */
export interface AnalyzedDocument extends PolicyDocument, TermCounts {}

/** An article segmented, its goals, metrics and initiatives not yet extracted. */
export interface SegmentedArticle extends Article, TermCounts {}
