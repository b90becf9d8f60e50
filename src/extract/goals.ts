// The outline of a document: every item introduced by an ordinal marker, nested
// into a tree. Structural markers (第一部分 一、 (一) 1、 (1) ①) have a fixed level;
// inline ones (一是 第一, 首先) sit one level below whatever encloses them. An
// item's kind comes from the section it is in: the section heading when it says
// so ("一、2023年工作回顾"), otherwise the running context of the text.

import type { DocumentYears, Goal, GoalKind } from '../model.js';
import { CIRCLED_NUMBERS, parseChineseNumeral } from './numerals.js';
import { outlineDictionary, tenseParts, yearsIn, genreOf } from './years.js';

interface MarkerDef {
  family: string;
  level: number | null;
  position: string;
  re: RegExp;
}

interface Candidate {
  family: string;
  /** fixed level, or null for inline markers */
  level: number | null;
  ordinal: number;
  marker: string;
  offset: number;
  end: number;
  line: number;
}

let defs: MarkerDef[] | null = null;
function markerDefs(): MarkerDef[] {
  defs ??= outlineDictionary().markers.map((m) => ({
    family: m.family,
    level: m.level,
    position: m.position,
    re: new RegExp(m.pattern, 'g'),
  }));
  return defs;
}

function ordinalOf(family: string, token: string): number | null {
  if (family === 'seq') return outlineDictionary().sequenceWords[token] ?? null;
  if (family === 'circled') return CIRCLED_NUMBERS.indexOf(token) + 1 || null;
  if (family === 'stem') return outlineDictionary().stems.indexOf(token) + 1 || null;
  if (/^\d+$/.test(token)) return Number(token);
  return parseChineseNumeral(token);
}

/**
 * The marker starts a line, or follows a punctuation mark allowed for its kind.
 * In a line that holds a whole document (a conversion that lost its paragraph
 * breaks), every sentence end may have been a line end.
 */
const paragraphNumber = /^\s*\d{1,3}[.．、]\s*$/;

function wellPlaced(text: string, offset: number, position: string, flat: boolean): boolean {
  const i = markIndexBefore(text, offset);
  if (i < 0) return true;
  if (flat && outlineDictionary().flatLine.breaks.includes(text[i]!)) return true;
  // a numbered paragraph ("12. 首先,…") opens like a line
  if (position === 'phrase' && paragraphNumber.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))) return true;
  if (position === 'line') return false;
  if (position === 'phrase' && outlineDictionary().phraseAfter.some((p) => text.endsWith(p, i + 1))) return true;
  const allowed = outlineDictionary().positions[position] ?? '';
  return allowed.includes(text[i]!);
}

/** Where the mark before `offset` is, spaces skipped: -1 at the start of a line. */
function markIndexBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /[ \t\u3000]/.test(text[i]!)) i--;
  return i < 0 || text[i] === '\n' ? -1 : i;
}

/** The mark before `offset`, spaces skipped ('' at the start of a line). */
function markBefore(text: string, offset: number): string {
  const i = markIndexBefore(text, offset);
  return i < 0 ? '' : text[i]!;
}

/**
 * The markers of one family that are items: the well-placed ones, and a
 * first item after a colon when its second item opens a sentence of the same
 * line (办好十件民生实事：（1）改善…。（2）建成…。) or, coming next, opens a
 * later line (主要做了以下工作：（一）千方百计稳增长。… / （二）持续壮大…).
 * Items inside one sentence (…：（1）…；（2）…) are a list, not an outline:
 * neither is kept.
 */
function withinSentenceLists(
  text: string,
  found: readonly { c: Candidate; placed: boolean; after: string }[],
  opensAfter: string | undefined,
): Candidate[] {
  const secondOpens = (k: number): boolean => {
    const line = found[k]!.c.line;
    const next = found[k + 1];
    if (next && next.placed && next.after === '' && next.c.line > line && next.c.ordinal === 2) return true;
    return found.some((n, j) => j > k && n.placed && n.c.line === line && n.c.ordinal === 2);
  };
  // 。①实施…；②完成…；…: a list set in one sentence is a list, even when its first item opens the sentence
  const secondInSentence = (k: number): boolean => {
    const next = found[k + 1];
    return !!next && !next.placed && next.c.line === found[k]!.c.line && next.c.ordinal === 2 &&
      /^[;；]$/.test(next.after) && !/[。!?！？]/.test(text.slice(found[k]!.c.end, next.c.offset));
  };
  return found
    .filter(({ c, placed, after }, k) =>
      (placed && !(c.level !== null && c.ordinal === 1 && secondInSentence(k))) ||
      (!!opensAfter && !!after && opensAfter.includes(after) && c.ordinal === 1 && secondOpens(k)))
    .map(({ c }) => c);
}

/**
 * How deep inside quotations or book titles each offset is, counted from the
 * start of its line. A full stop ends any quotation, so that one unclosed “
 * does not swallow the paragraph. One pass for the whole text: counting from
 * the line start for every marker took seconds on a document with no breaks.
 */
function quoteDepths(text: string): Int32Array {
  const kinds = quoteKinds();
  const depths = new Int32Array(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = kinds[text.charCodeAt(i)]!;
    if (kind === ENDS) depth = 0;
    else if (kind === OPENS) depth++;
    else if (kind === CLOSES && depth > 0) depth--;
    depths[i + 1] = depth;
  }
  return depths;
}

const OPENS = 1;
const CLOSES = 2;
const ENDS = 3;
let quoteTable: Uint8Array | null = null;

// By code unit: a search of the quotation marks for every character of a
// document took as long as finding its markers.
function quoteKinds(): Uint8Array {
  if (quoteTable) return quoteTable;
  const { open, close } = outlineDictionary().quotes;
  const table = new Uint8Array(0x10000);
  // a line end or full stop ends quotations whatever the lists say; a mark in both lists opens
  for (const c of close) table[c.charCodeAt(0)] = CLOSES;
  for (const c of open) table[c.charCodeAt(0)] = OPENS;
  table['\n'.charCodeAt(0)] = ENDS;
  table['。'.charCodeAt(0)] = ENDS;
  return (quoteTable = table);
}

function findCandidates(text: string): Candidate[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (off: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const depths = quoteDepths(text);
  const out: Candidate[] = [];
  for (const def of markerDefs()) {
    def.re.lastIndex = 0;
    const found: { c: Candidate; placed: boolean; after: string }[] = [];
    for (const m of text.matchAll(def.re)) {
      const offset = m.index ?? 0;
      if (depths[offset]! > 0) continue; // inside a quotation or book title
      const ordinal = ordinalOf(def.family, m[1] ?? '');
      if (ordinal === null) continue;
      const line = lineOf(offset);
      const lineEnd = lineStarts[line + 1] ?? text.length + 1;
      const flat = lineEnd - lineStarts[line]! > outlineDictionary().flatLine.minChars;
      const c = { family: def.family, level: def.level, ordinal, marker: m[0], offset, end: offset + m[0].length, line };
      found.push({ c, placed: wellPlaced(text, offset, def.position, flat), after: markBefore(text, offset) });
    }
    out.push(...withinSentenceLists(text, found, outlineDictionary().listOpeners[def.position]));
  }
  out.sort((a, b) => a.offset - b.offset);
  // one marker per position: the earlier-listed (structural) reading wins
  return out.filter((c, i) => i === 0 || out[i - 1]!.offset + out[i - 1]!.marker.length <= c.offset);
}

/**
 * Inline markers count only as runs: 一是 needs a 二是 after it, 首先 a 其次, before
 * the next heading; a 二是 with no 一是 before it is a stray. Ordinals may skip one
 * (a run whose 四是 lost its 是 still goes on to 五是).
 */
function keepRuns(cands: Candidate[], truncatedAt: number): Candidate[] {
  const gap = outlineDictionary().maxOrdinalGap;
  const keep = new Set<Candidate>();
  const open = new Map<string, Candidate[]>();
  const close = (family: string): void => {
    const run = open.get(family);
    if (run && run.length >= 2) for (const c of run) keep.add(c);
    open.delete(family);
  };
  for (const c of cands) {
    if (c.level !== null) {
      keep.add(c);
      if (c.level <= 3) for (const f of [...open.keys()]) close(f);
      continue;
    }
    // 首先 … 二是 / 首先, 第二, 第三,: a lone 首先 opens the run its successors continue
    const seq = open.get('seq');
    if (c.family !== 'seq' && c.ordinal === 2 && !open.has(c.family) && seq?.length === 1 && seq[0]!.ordinal === 1) {
      open.delete('seq');
      open.set(c.family, [{ ...seq[0]!, family: c.family }]);
    }
    const run = open.get(c.family);
    const last = run?.[run.length - 1];
    if (c.ordinal === 1) {
      close(c.family);
      open.set(c.family, [c]);
    } else if (run && last) {
      // 最后 (ordinal 0) ends a 首先/其次 run
      const next = c.ordinal === 0 ? last.ordinal + 1 : c.ordinal;
      if (next > last.ordinal && next - last.ordinal <= gap) {
        run.push({ ...c, ordinal: next });
        if (c.ordinal === 0) close(c.family);
      }
    }
  }
  // a text cut off inside its last paragraph keeps the 一是 it had begun
  const lastLine = cands.length ? Math.max(...cands.map((c) => c.line)) : -1;
  for (const [f, run] of open) {
    if (run.length === 1 && f !== 'seq' && run[0]!.line === lastLine && truncatedAt === lastLine) keep.add(run[0]!);
    close(f);
  }
  // the run copies carry the resolved ordinal of 最后
  const resolved = new Map<number, Candidate>();
  for (const c of keep) resolved.set(c.offset, c);
  return cands.filter((c) => resolved.has(c.offset)).map((c) => resolved.get(c.offset)!);
}

function titleAfter(text: string, from: number, until: number): string {
  const d = outlineDictionary();
  let i = from;
  while (i < until && /[\s\u3000,，:：、.．]/.test(text[i]!)) i++;
  let j = i;
  while (j < until && j - i < d.titleMax && text[j] !== '\n' && !d.titleStops.includes(text[j]!)) j++;
  return text.slice(i, j).trim();
}

function endsWithCue(clause: string, cues: string[]): boolean {
  const c = clause.replace(/(如下|的)$/, '');
  return cues.some((w) => c.endsWith(w));
}

/**
 * Paragraph numbers (1. … 108. running through a whole document without
 * restarting under its headings) number the text, they do not enumerate goals.
 * Read from the lines themselves: the outline markers stop at two digits.
 */
function dropParagraphNumbers(cands: Candidate[], lines: string[], paragraphLines?: Set<number>): Candidate[] {
  const rule = outlineDictionary().paragraphNumbering;
  const pattern = new RegExp(rule.pattern);
  const numbers = lines.map((l) => pattern.exec(l)).filter((m) => m !== null).map((m) => Number(m[1]));
  const nonEmpty = lines.filter((l) => l.trim()).length;
  const restarts = numbers.filter((n, i) => i > 0 && n <= numbers[i - 1]!).length;
  const numbered = numbers.length >= rule.minItems
    && (numbers.length >= rule.minShare * nonEmpty || numbers.length >= rule.longRun)
    && restarts <= rule.maxRestartShare * numbers.length;
  if (!numbered) return cands;
  const dropped = (c: Candidate): boolean => rule.families.includes(c.family) && lines[c.line]!.trimStart().startsWith(c.marker);
  for (const c of cands) if (dropped(c)) paragraphLines?.add(c.line);
  return cands.filter((c) => !dropped(c));
}

type KindSource = 'heading' | 'running';

interface Context {
  years: DocumentYears;
  running: GoalKind | null;
}

/** The kind a heading names for itself, or undefined when it does not say. */
function headingKind(title: string, years: DocumentYears): GoalKind | null | undefined {
  const d = outlineDictionary();
  const head = title.split(/[。;；!?！？]/)[0] ?? '';
  const first = head.split(/[,，]/)[0] ?? '';
  if ([...d.neutral, ...d.neutralParts].some((w) => first.includes(w))) return null;
  const parts = tenseParts(head);
  if (parts.length) return parts[0]!.kind;
  const named = yearsIn(first)[0];
  const { review_year: r, plan_year: p } = years;
  if (named !== undefined && r !== p) {
    if (named === r) return 'review';
    if (named === p) return 'plan';
  }
  // a section is named by a short noun phrase ("二、存在问题"), an item by a clause
  if (first.length > d.headingCueMaxChars) return undefined;
  if (endsWithCue(first, d.review.strong)) return 'review';
  if (endsWithCue(first, d.plan.strong)) return 'plan';
  return undefined;
}

/** How a line that is not a heading moves the running context ("2015年是…", "明年…", "现将…总结如下"). */
function lineKind(line: string, years: DocumentYears): GoalKind | null | undefined {
  const d = outlineDictionary();
  if (d.neutral.some((w) => line.trim() === `会议${w}` || line.trim() === w)) return null;
  let kind: GoalKind | null | undefined;
  for (const w of d.announce.review) if (line.includes(w)) kind = 'review';
  for (const w of d.announce.plan) if (line.includes(w)) kind = 'plan';
  if (kind !== undefined) return kind;
  const start = line.trim().slice(0, 8);
  const named = yearsIn(start)[0];
  const { review_year: r, plan_year: p } = years;
  if (named !== undefined && r !== p && /^\D{0,2}\d{4}|^[一二〇零○]{4}/.test(start)) {
    if (named === r) return 'review';
    if (named === p) return 'plan';
  }
  if (d.futureWords.some((w) => start.startsWith(w))) return 'plan';
  if (d.pastWords.some((w) => start.startsWith(w))) return 'review';
  return undefined;
}

/** A short line without sentence punctuation: a heading, not a sentence. */
function isBareHeading(line: string): boolean {
  const t = line.trim();
  return t.length >= 4 && [...t].length <= outlineDictionary().bareHeadingMaxChars && /\p{Script=Han}/u.test(t) && !/[。，,；;：:！？!?、]/.test(t);
}

function initialKind(text: string, years: DocumentYears): GoalKind {
  if (years.review_year !== null && years.plan_year === null) return 'review';
  if (years.plan_year !== null && years.review_year === null) return 'plan';
  if (years.review_year !== null) return 'review';
  return genreOf(text, null) === 'summary' ? 'review' : 'plan';
}

interface Open {
  index: number;
  family: string;
  level: number;
  inline: boolean;
  line: number;
  source: KindSource;
}

export function extractGoals(text: string, years: DocumentYears): Goal[] {
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last > 0 && !lines[last]!.trim()) last--;
  const paragraphLines = new Set<number>();
  const cands = keepRuns(dropParagraphNumbers(findCandidates(text), lines, paragraphLines), last);
  const goals: Goal[] = [];
  const stack: Open[] = [];
  const ctx: Context = { years, running: initialKind(text, years) };
  let lineStart = 0;
  const lineStarts: number[] = [];
  lines.reduce((off, l) => (lineStarts.push(off), off + l.length + 1), 0);
  const candLines = new Set(cands.map((c) => c.line));
  // A marker alone on its line (a wiki page that set 一是 in bold on a line of its
  // own) takes its title from the next line, unless that line opens an item itself.
  const titleBelow = (li: number): string => {
    let n = li + 1;
    while (n < lines.length && !lines[n]!.trim()) n++;
    if (n >= lines.length || candLines.has(n)) return '';
    return titleAfter(text, lineStarts[n]!, lineStarts[n]! + lines[n]!.length);
  };
  // The kind a section's own text sets before its first item ("1985年,是…" under a
  // heading that names no kind), read from its opening lines.
  const bodyKind = (li: number): GoalKind | null | undefined => {
    for (let n = li + 1; n < lines.length && n <= li + outlineDictionary().bodyKindLines && !candLines.has(n); n++) {
      const k = lines[n]!.trim() ? lineKind(lines[n]!, years) : undefined;
      if (k !== undefined) return k;
    }
    return undefined;
  };

  lines.forEach((line, li) => {
    const here = cands.filter((c) => c.line === li);
    // inline items close with their paragraph
    while (stack.length && stack[stack.length - 1]!.inline && stack[stack.length - 1]!.line < li) stack.pop();
    // a new numbered paragraph (39. 第一,…) closes the items of the one before: (1)… of 38. are not its parents
    if (paragraphLines.has(li)) {
      const level = outlineDictionary().paragraphNumbering.level;
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    }
    const startsWithMarker = here.length > 0 && here[0]!.offset - lineStart <= line.length - line.trimStart().length;
    if (!startsWithMarker) {
      let k = lineKind(line, years);
      // an unnumbered heading ("2024年工作安排建议") that turns to the other kind
      // opens a part of its own: the numbered sections before it are closed
      if (isBareHeading(line)) {
        k ??= headingKind(line.trim(), years);
        const top = stack[0];
        if (k && top && !top.inline && goals[top.index]!.kind !== k) stack.length = 0;
      }
      if (k !== undefined) ctx.running = k;
    }
    const flat = line.length > outlineDictionary().flatLine.minChars;
    here.forEach((c, hi) => {
      // a run-together document moves its running context sentence by sentence
      if (flat) {
        const from = hi > 0 ? here[hi - 1]!.end : lineStart;
        const sentences = text.slice(from, c.offset).split(/(?<=[。!?！？;；])/);
        for (const sentence of hi > 0 ? sentences.slice(1) : sentences) {
          const k = lineKind(sentence, years);
          if (k !== undefined) ctx.running = k;
        }
      }
      const nextOff = here[hi + 1]?.offset ?? lineStart + line.length;
      const title = titleAfter(text, c.end, nextOff) || (hi === here.length - 1 ? titleBelow(li) : '');
      if (!title) return;
      let level: number;
      let closedHeading: Open | undefined;
      if (c.level !== null) {
        while (stack.length && (stack[stack.length - 1]!.inline || stack[stack.length - 1]!.level >= c.level)) {
          const o = stack.pop()!;
          if (!o.inline && o.level === c.level && o.source === 'heading') closedHeading = o;
        }
        level = c.level;
      } else {
        const at = stack.findIndex((o) => o.family === c.family);
        if (at >= 0) stack.length = at;
        const parent = stack[stack.length - 1];
        level = parent ? parent.level + 1 : 1;
      }
      const parent = stack[stack.length - 1];
      let kind: GoalKind | null;
      let source: KindSource;
      if (parent && parent.source === 'heading') {
        kind = goals[parent.index]!.kind;
        source = 'heading';
      } else {
        // an inline item is a sentence of its paragraph, not a section heading
        let own = c.level === null ? undefined : headingKind(title, years);
        if (own === undefined && c.level !== null) own = bodyKind(li);
        // review is announced (回顾, 总结, 存在问题); the next section at the same
        // level that announces nothing has moved on to the work ahead
        const afterSibling = closedHeading ? goals[closedHeading.index]!.kind : null;
        if (own === undefined && c.level !== null && afterSibling !== null) own = 'plan';
        if (own !== undefined) {
          kind = own;
          source = 'heading';
          // a neutral part (引言, 议程) says nothing about the text after it
          if (own !== null) ctx.running = own;
        } else {
          kind = ctx.running;
          source = 'running';
        }
      }
      const named = yearsIn(title.split(/[,，]/)[0] ?? '')[0];
      const year = named ?? (kind === 'review' ? years.review_year : kind === 'plan' ? years.plan_year : null);
      goals.push({
        marker: c.marker,
        level,
        ordinal: c.ordinal,
        title,
        parent: parent ? parent.index : null,
        kind,
        year,
        offset: c.offset,
      });
      stack.push({ index: goals.length - 1, family: c.family, level, inline: c.level === null, line: li, source });
    });
    lineStart += line.length + 1;
  });
  return goals;
}
