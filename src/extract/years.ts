// The years one article is about. A work report or speech usually looks back on
// one year and plans the next; both are named in its title and section headings
// ("一、2023年工作回顾", "二、2024年工作安排"), or relatively ("过去一年", "今年",
// "下一步") against the date in its byline. Headings therefore outvote the body,
// and a relative year counts only when something anchors it.

import type { DocumentYears, GoalKind } from '../model.js';
import { parseChineseNumeral } from './numerals.js';
import { escapeRegExp as escape, loadDictionary, wordAlternation } from '../dictionaries.js';

interface CueTable {
  strong: string[];
  weak: string[];
}

export interface OutlineDictionary {
  markers: Array<{ family: string; level: number | null; position: string; pattern: string }>;
  sequenceWords: Record<string, number>;
  /** the ten heavenly stems, 甲 = 1: the part headings (甲、乙、) of Hong Kong addresses */
  stems: string;
  positions: Record<string, string>;
  listOpeners: Record<string, string>;
  phraseAfter: string[];
  quotes: { open: string; close: string };
  titleStops: string;
  titleMax: number;
  maxOrdinalGap: number;
  review: CueTable;
  plan: CueTable;
  neutral: string[];
  neutralParts: string[];
  announce: { review: string[]; plan: string[] };
  relativeYears: Record<string, number>;
  pastWords: string[];
  futureWords: string[];
  genre: { speech: string[]; summary: string[]; speechOpenings: string[]; speechPhrases: string[] };
  workReport: {
    salutations: string[];
    phrases: string[];
    delivery: Array<{ pattern: string; offset: number; weight: number }>;
    currentYear: {
      anniversaries: Record<string, number>;
      planStarts: Record<string, number>;
      planLength: number;
      planPositions: Record<string, number>;
      weight: number;
    };
  };
  placeholderYear: string;
  policyAddress: { names: string[] };
  flatLine: { minChars: number; breaks: string };
  paragraphNumbering: { pattern: string; families: string[]; minItems: number; minShare: number; longRun: number; maxRestartShare: number; level: number };
  headingCueMaxChars: number;
  bodyKindLines: number;
  bareHeadingMaxChars: number;
}

export function outlineDictionary(): OutlineDictionary {
  return loadDictionary<OutlineDictionary>('outline.json');
}

const alternations = new Map<string, RegExp>();
// Built once per word list: every article asks for the same few.
const alternation = (words: string[]): RegExp => {
  const key = words.join('\u0000');
  let re = alternations.get(key);
  if (!re) {
    re = new RegExp(wordAlternation(words));
    alternations.set(key, re);
  }
  return re;
};

// Arabic years, years in Chinese digits (二〇二三年) and the spaced form of old
// State Council reports (1 9 9 8 年). A year right after 到/至/- is the end of a
// span or a target date, not the year the text is about.
const YEAR_SRC = '((?:19|20)\\d{2}|(?:1\\s9|2\\s0)\\s\\d\\s\\d|[一二〇零○][一二三四五六七八九〇零○]{3})\\s*年';
const YEAR_RE = new RegExp(`(?<![\\d到至\\-—~－])${YEAR_SRC}`, 'g');
// a full date, in Arabic or Chinese numerals (——一九八五年三月二十七日在…会议上)
const DATE_RE = new RegExp(`${YEAR_SRC}\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日`);

function yearValue(raw: string): number | null {
  const compact = raw.replace(/\s/g, '');
  if (/^\d{4}$/.test(compact)) return Number(compact);
  const value = parseChineseNumeral(compact.replace(/○/g, '〇'));
  return value !== null && value >= 1900 && value <= 2099 ? value : null;
}

/** Explicit years named in a string, in order. */
export function yearsIn(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(YEAR_RE)) {
    const y = yearValue(m[1]!);
    if (y !== null) out.push(y);
  }
  return out;
}

export interface TensePart {
  kind: GoalKind;
  year: number | null;
  /** offset from the year of writing when the part names its year relatively */
  rel: number | null;
}

function cueKind(part: string, strongOnly: boolean): GoalKind | null {
  const d = outlineDictionary();
  const reviewRe = alternation(strongOnly ? d.review.strong : [...d.review.strong, ...d.review.weak]);
  const planRe = alternation(strongOnly ? d.plan.strong : [...d.plan.strong, ...d.plan.weak]);
  const r = part.search(reviewRe);
  const p = part.search(planRe);
  if (r < 0 && p < 0) return null;
  if (r < 0) return 'plan';
  if (p < 0) return 'review';
  // "总结2014年工作" vs "明确2015年工作思路": the later cue word governs a noun phrase
  return r > p ? 'review' : 'plan';
}

function relativeIn(part: string): number | null {
  const rel = outlineDictionary().relativeYears;
  const keys = Object.keys(rel).sort((a, b) => b.length - a.length);
  for (const k of keys) if (part.includes(k)) return rel[k]!;
  return null;
}

/**
 * Splits a heading or clause at its connectives (暨 及 和 与 并 ,) and reads each
 * part's kind and year: "2025年医政科工作总结暨下一步工作计划" gives review 2025
 * and plan (next). A part with a cue but no year takes the year of the part before.
 */
export function tenseParts(s: string, strongOnly = false): TensePart[] {
  const parts = s.split(/暨|以及|及|和|与|并|[,，]/);
  const out: TensePart[] = [];
  let prevYear: number | null = null;
  let prevRel: number | null = null;
  for (const part of parts) {
    const ys = yearsIn(part);
    let year: number | null = ys.length ? ys[ys.length - 1]! : null;
    let rel: number | null = year === null ? relativeIn(part) : null;
    const kind = cueKind(part, strongOnly);
    if (kind && year === null) {
      if (rel !== null && rel !== 0 && prevYear !== null) {
        year = prevYear + rel;
        rel = null;
      } else if (rel === null) {
        year = prevYear;
        rel = prevRel;
      }
    }
    if (kind && (year !== null || rel !== null)) out.push({ kind, year, rel });
    if (year !== null || rel !== null) {
      prevYear = year;
      prevRel = rel;
    }
  }
  return out;
}

const HEADING_RE = /^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;

/** The opening lines that may be the title, byline or subtitle: those before the salutation. */
function titleLines(lines: string[], title: string | null): string[] {
  const out = title ? [title] : [];
  const openings = outlineDictionary().genre.speechOpenings;
  for (const l of lines.slice(0, 6)) {
    const t = l.trim();
    if (openings.some((w) => t.includes(w)) || /^.{1,12}[:：]$/.test(t)) break;
    if (t && t.length <= 40 && !/[。;；]/.test(t) && !HEADING_RE.test(t)) out.push(t);
  }
  return out;
}

export type Genre = 'speech' | 'summary' | 'other';

/**
 * What kind of text this is: a summary reports a year (its `year` is the reported
 * year), a speech or government report sets the year's work (its `year` is the plan
 * year).
 */
export function genreOf(text: string, title: string | null): Genre {
  const g = outlineDictionary().genre;
  const lines = text.split('\n');
  const heads = titleLines(lines, title).join('\n');
  if (alternation(g.speech).test(heads)) return 'speech';
  if (alternation(g.summary).test(heads)) return 'summary';
  const opening = text.slice(0, 300);
  const firstLine = lines.find((l) => l.trim())?.trim() ?? '';
  if (g.speechOpenings.some((w) => firstLine.startsWith(w))) return 'speech';
  if (alternation(outlineDictionary().announce.review).test(opening)) return 'summary';
  if (g.speechPhrases.some((w) => opening.includes(w))) return 'speech';
  return 'other';
}

interface Vote {
  kind: GoalKind;
  year: number;
  weight: number;
  at: number;
}

function addVotes(votes: Vote[], parts: TensePart[], anchor: number | null, weight: number, at: number): void {
  for (const p of parts) {
    const year = p.year ?? (p.rel !== null && anchor !== null && p.rel !== 1 ? anchor + p.rel : null);
    // "下一步" against a byline date is too loose to place a year
    if (year !== null) votes.push({ kind: p.kind, year, weight, at });
  }
}

function best(votes: Vote[], kind: GoalKind): number | null {
  const score = new Map<number, number>();
  for (const v of votes) if (v.kind === kind) score.set(v.year, (score.get(v.year) ?? 0) + v.weight);
  let top: number | null = null;
  let topScore = 0;
  for (const [y, s] of score) {
    if (s > topScore || (s === topScore && top !== null && y > top)) {
      top = y;
      topScore = s;
    }
  }
  return top;
}

/**
 * The year of writing, which 今年/过去一年 count from: a full date near the top (the
 * byline), else a paragraph that opens "2013年是…" and speaks of 今年 (a report
 * presenting its year), else the last paragraph that opens "2013年是…".
 */
function anchorYear(text: string): number | null {
  const m = DATE_RE.exec(text.slice(0, 400));
  if (m) return yearValue(m[1]!);
  let found: number | null = null;
  let current: number | null = null;
  for (const p of text.matchAll(/^\s*((?:19|20)\d{2})年[,，]?是(.*)$/gm)) {
    found = Math.max(found ?? 0, Number(p[1]));
    if (p[2]!.includes('今年')) current ??= Number(p[1]);
  }
  return current ?? found;
}

/** A government work report to an assembly: "各位代表:" and "向大会报告工作". */
export function isWorkReport(text: string): boolean {
  const w = outlineDictionary().workReport;
  const opening = text.slice(0, 1500);
  return w.salutations.some((s) => text.includes(s)) && w.phrases.some((p) => opening.includes(p));
}

// "2023年,全市…" opening a sentence that reports what was done; a sentence that
// looks ahead (将, 要, 力争) or presents the year (2024年是…) is not a report
const REPORTED_RE = new RegExp(`(?:^|[。!?！？])\\s*${YEAR_SRC}(?:度)?([,，]?)(?![是的底末初])([^。;；\\n]*)`, 'gm');
const AHEAD_RE = /将|要|力争|计划|预计|预期|目标|确保|争取/;
// without the comma ("一九八二年全国工农业总产值达到…"), only a sentence that states a result
const RESULT_RE = /达到|增长|增加|下降|完成|实现|提高/;

/**
 * The year a work report was delivered in, from the byline, the headings (a plan
 * heading names it, a review heading the year before), the phrases that name a
 * year relative to the text ("刚刚过去的1984年", "2003年是…做好今年政府工作"),
 * and, weakest, the paragraphs that report a year's results. Null when nothing
 * places it.
 */
export function deliveryYear(text: string, votes: ReadonlyArray<{ kind: GoalKind; year: number; weight: number }>): number | null {
  const score = deliveryScores(text, votes);
  let top: number | null = null;
  for (const [y, w] of score) if (top === null || w > score.get(top)! || (w === score.get(top)! && y > top)) top = y;
  return top !== null && score.get(top)! >= 2 ? top : null;
}

/** The start year of the Nth five-year plan. */
function planStart(n: number, cy: OutlineDictionary['workReport']['currentYear']): number | null {
  const known = Object.keys(cy.planStarts).map(Number).filter((k) => k <= n);
  if (!known.length) return null;
  const k = Math.max(...known);
  return cy.planStarts[String(k)]! + (n - k) * cy.planLength;
}

/** The year a "今年是…" sentence names by an anniversary or a year of a five-year plan. */
export function currentYearIn(s: string, cy: OutlineDictionary['workReport']['currentYear']): number | null {
  for (const [event, base] of Object.entries(cy.anniversaries)) {
    const m = new RegExp(`${escape(event)}(\\d{1,3}|[一二三四五六七八九十百]{1,4})周年`).exec(s);
    const n = m ? (/^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!)) : null;
    if (n !== null) return base + n;
  }
  const positions = Object.keys(cy.planPositions).map(escape).join('|');
  const m = new RegExp(`(?:“([一二三四五六七八九十]{1,3})五”|第([一二三四五六七八九十]{1,3})个五年)[^。,，]{0,10}?(${positions})`).exec(s);
  if (!m) return null;
  const n = parseChineseNumeral(m[1] ?? m[2]!);
  const start = n === null ? null : planStart(n, cy);
  return start === null ? null : start + cy.planPositions[m[3]!]!;
}

/** The evidence for each candidate delivery year, summed. */
export function deliveryScores(text: string, votes: ReadonlyArray<{ kind: GoalKind; year: number; weight: number }>): Map<number, number> {
  const score = new Map<number, number>();
  const add = (y: number | null, w: number): void => {
    if (y !== null) score.set(y, (score.get(y) ?? 0) + w);
  };
  const date = DATE_RE.exec(text.slice(0, 400));
  if (date) add(yearValue(date[1]!), 10);
  for (const v of votes) if (v.weight >= 3) add(v.kind === 'plan' ? v.year : v.year + 1, v.weight);
  for (const cue of outlineDictionary().workReport.delivery) {
    const re = new RegExp(cue.pattern.replace('{Y}', YEAR_SRC), 'gm');
    for (const m of text.matchAll(re)) {
      const y = yearValue(m[1]!);
      add(y === null ? null : y + cue.offset, cue.weight);
    }
  }
  const cy = outlineDictionary().workReport.currentYear;
  for (const m of text.matchAll(/今年[^。\n]{0,4}是([^。\n]*)/g)) add(currentYearIn(m[1]!, cy), cy.weight);
  for (const m of text.matchAll(REPORTED_RE)) {
    if (AHEAD_RE.test(m[3]!) || (!m[2] && !RESULT_RE.test(m[3]!))) continue;
    const y = yearValue(m[1]!);
    add(y === null ? null : y + 1, 1);
  }
  return score;
}

/** A policy address: its title or opening names it (施政报告) and it is not a report to an assembly of deputies. */
function isPolicyAddress(text: string, title: string | null): boolean {
  const names = outlineDictionary().policyAddress.names;
  const opening = `${title ?? ''}\n${text.slice(0, 300)}`;
  return names.some((n) => opening.includes(n)) && !isWorkReport(text);
}

export function documentYears(text: string, title: string | null): DocumentYears {
  const none: DocumentYears = { year: null, review_year: null, plan_year: null };
  const lines = text.split('\n');
  if (isPolicyAddress(text, title)) {
    const named = titleLines(lines, title).flatMap(yearsIn)[0] ?? null;
    return { ...none, year: named };
  }
  const anchor = anchorYear(text);
  const votes: Vote[] = [];
  let unplacedReview = false;

  // title, subtitle and byline
  for (const t of titleLines(lines, title)) addVotes(votes, tenseParts(t), anchor, 3, 0);

  // section headings, and the first year inside a section whose heading names no year
  let offset = 0;
  lines.forEach((line, i) => {
    const at = offset;
    offset += line.length + 1;
    // an unnumbered heading on a line of its own ("2024年工作安排")
    if (!HEADING_RE.test(line)) {
      const t = line.trim();
      if (i >= 6 && t.length <= 20 && !/[。,，;；:：!?！？]/.test(t)) addVotes(votes, tenseParts(t, true), anchor, 3, at);
      return;
    }
    const head = line.replace(HEADING_RE, '').split(/[。;；:：]/)[0] ?? '';
    const parts = tenseParts(head);
    addVotes(votes, parts, anchor, 3, at);
    if (parts.some((p) => p.kind === 'review' && p.year === null && (p.rel === null || anchor === null))) unplacedReview = true;
    if (parts.length === 0) {
      const kind = cueKind(head.split(/[,，]/)[0] ?? '', true);
      // "三、2011年的工作" after the review section: the year it turns to
      const named = yearsIn(head.split(/[,，]/)[0] ?? '')[0];
      if (!kind && named !== undefined && votes.some((v) => v.kind === 'review' && v.weight >= 2)) {
        votes.push({ kind: 'plan', year: named, weight: 2, at });
      }
      if (!kind) return;
      if (kind === 'review' && /^[一二三四五六七八九十]+[、.．]/.test(line.trim())) unplacedReview = true;
      // "一、相关工作落实情况" followed by "2018年,我市…": the section reports on 2018
      const first = lines.slice(i + 1).find((l) => l.trim()) ?? '';
      if (HEADING_RE.test(first)) return;
      const y = yearsIn(first.trim().slice(0, 8))[0];
      if (y !== undefined) votes.push({ kind, year: y, weight: 2, at });
    }
  });

  // clauses in the body that tie a year to a cue ("总结2014年工作", "明确2015年工作思路")
  for (const m of text.matchAll(/[^。;；!?！？\n]+/g)) {
    for (const clause of m[0].split(/[,，]/)) {
      if (!yearsIn(clause).length) continue;
      addVotes(votes, tenseParts(clause, true), anchor, 1, m.index ?? 0);
    }
  }

  let review = best(votes, 'review');
  let plan = best(votes, 'plan');
  // a review section whose year is never written ("一、过去五年工作回顾") looks back
  // on the year before the one it plans
  if (review === null && plan !== null && unplacedReview) review = plan - 1;
  // "一、2023年主要工作" or a paragraph opening "2023年,在…" before a 2024 plan:
  // the year before the plan year, named on its own, is the year reported on
  if (review === null && plan !== null) {
    const before = plan - 1;
    const opens = lines.some((l) => {
      const t = l.trim().replace(HEADING_RE, '');
      return yearsIn(t.slice(0, 6))[0] === before && /^\S{0,2}?(?:\d{4}|[一二〇零○]{4})\s*年(?:度)?[,，是]|^[^,，。]{0,2}\d{4}年[^,，。]{0,6}$/.test(t);
    });
    if (opens) review = before;
  }
  // a report that heads its review with a year but plans only in its body text plans
  // the year after
  const strength = (kind: GoalKind, y: number | null): number =>
    votes.filter((v) => v.kind === kind && v.year === y).reduce((s, v) => s + v.weight, 0);
  const genre = genreOf(text, title);
  if (review !== null && strength('review', review) >= 3 && (plan === null || strength('plan', plan) < 2)
    && genre === 'speech') plan = review + 1;

  if (review === null && plan === null) {
    const named = yearsIn(text);
    // a text that writes its own year as 20XX names real years only in passing
    const placeholders = text.match(new RegExp(outlineDictionary().placeholderYear, 'g'))?.length ?? 0;
    if (named.length === 0 || placeholders >= named.length) return none;
    // no year is tied to a tense: the year the text keeps naming (ties: the latest)
    const count = new Map<number, number>();
    for (const y of named) count.set(y, (count.get(y) ?? 0) + 1);
    let y = named[0]!;
    for (const [k, c] of count) if (c > count.get(y)! || (c === count.get(y)! && k > y)) y = k;
    if (genre === 'summary') review = y;
    else plan = y;
  }
  // a work report is delivered early in the year it plans and looks back on the year before
  if (isWorkReport(text)) {
    const delivered = deliveryYear(text, votes);
    if (delivered !== null) return { year: delivered, review_year: delivered - 1, plan_year: delivered };
    // years tied to cue words in the body alone are too loose for a report that
    // ranges over many years: null rather than a guess
    if (!votes.some((v) => v.weight >= 2)) return none;
    if (plan !== null) review ??= plan - 1;
    else if (review !== null) plan = review + 1;
  }
  const year = genre === 'summary' ? (review ?? plan) : (plan ?? review);
  return { year, review_year: review, plan_year: plan };
}

/**
 * The year a file's name gives (1997.txt, 2023年政府工作报告.docx), or null when
 * it gives none or more than one. Researchers name their files by year; a
 * document whose text states no year of its own is taken to be of that year.
 */
export function yearFromFileName(path: string): number | null {
  const name = path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const years = new Set([...name.matchAll(/(?<!\d)(19[4-9]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0]! : null;
}

/** A one-document file whose text names no year takes the year of its file's name. */
export function withFileYear<T extends DocumentYears>(docs: T[], path: string): T[] {
  const year = docs.length === 1 && docs[0]!.year === null ? yearFromFileName(path) : null;
  return year === null ? docs : [{ ...docs[0]!, year }];
}
