// Finding stated quantities (metrics) in cleaned document text.
//
// The text is scanned for numbers (Arabic, Chinese numerals, 百分之N, N分之M),
// each number is read together with what follows it (range, 多/余, magnitude,
// unit, 以上/左右 …) and what precedes it (约/超过 …, change and level verbs),
// and the noun phrase it quantifies is taken as its subject. Numbers that are
// years, dates, ordinals or parts of names are dropped. The domain lists live
// in dictionaries/metrics.json; this file only holds the reading rules.

import { loadDictionary, wordAlternation } from '../dictionaries.js';
import { bmpTable } from '../normalize/split.js';
import type { Bound, Change, DocumentYears, Metric } from '../model.js';
import {
  CHINESE_NUMERAL_CHARS, chineseDecimal, CIRCLED_NUMBERS, FINANCIAL_NUMERAL_CHARS, isChineseDigit, MAGNITUDE_POWERS, parseAnyNumeral, parseChineseNumeral, parseFractionPercent, parseMixedNumeral,
  scaleDecimal,
} from './numerals.js';

// Circled numbers left at either end of a subject: an item's marker (①新增…) at its head, a
// note's (沿线风貌升级⑮) at its tail.
const CIRCLED_AT_END = new RegExp(`[${CIRCLED_NUMBERS}]+$`);
const TAIL_MARKS = new RegExp(`[、\\s—${CIRCLED_NUMBERS}]+$`);
const ITEM_NUMBER_AT_HEAD = new RegExp(
  `^(?:\\d{1,3}[.．](?:\\s+|$)|O\\s+|[(（][\\d一二三四五六七八九十]{1,3}[)）]\\s*|[${CIRCLED_NUMBERS}]\\s*)`,
);

interface MetricsDictionary {
  units: string[];
  unitAliases: Record<string, string>;
  unitNotBefore: Record<string, string[]>;
  ratingUnits: string[];
  /** what a unit is given per after a slash (吨/日, 元/立方米) */
  perUnits: string[];
  /** units written only after 万/亿 (6.6万方 of sludge; 13方面 is no figure) */
  unitsNeedMagnitude: string[];
  magnitudes: Record<string, number>;
  chineseNumeralUnits: string[];
  chineseNumeralNeedsBefore: Record<string, string[]>;
  bareNumeralVerbs: string[];
  implicitUnitNouns: { unit: string; nouns: string[] }[];
  /** 脱贫人口务工规模超过3300万: the size of a group of people counts people */
  implicitUnitSizeHeads: string[];
  boundPrefixes: Record<Bound, string[]>;
  bareBoundPrefixes: string[];
  bareAtLeastPrefixes: string[];
  boundSuffixes: Record<Bound, string[]>;
  timeUnitsForInner: string[];
  /** 内, 之内, 以内 after a period (三年内给予减免): the span something is done in, no ≤ figure unless a level verb sets it */
  withinSuffixes: string[];
  /** verbs that set a record (创近十年新高), besides the level and change cues */
  recordVerbs: string[];
  /** verbs of a rank (位居, 排) and the scopes after them (全省): 居全省第1位 */
  rankVerbs: string[];
  rankScopes: string[];
  /** words that open a span of time before its length (今后五年, 近三年) */
  periodLeads: string[];
  /** adverbs and modifiers (全, 新) that never stand alone as the noun a count is of (5个全覆盖) */
  oneCharNotNouns: string[];
  approximateMarks: string[];
  changeCues: Record<Change, string[]>;
  levelCues: string[];
  rateNounSuffixes: string[];
  comparisonHeads: string[];
  subjectStripTail: string[];
  subjectStripHead: string[];
  subjectAfterStops: string[];
  subjectAfterCut: string[];
  /** words that hold a one-character cut (公共, 集中): the phrase goes on through them */
  subjectAfterCutKeep: string[];
  periodUnits: string[];
  periodAdverbs: string[];
  /** verbs that make a period a span lived through (经历三年新冠疫情冲击) */
  enduringVerbs: string[];
  nameTypeWords: string[];
  ordinalFollowers: string[];
  policyNameAfterCount: Record<string, string[]>;
  policyNameBefore: string[];
  /** verbs that issue a policy (出台, 制定): a count of 条 they issue with no noun after it is the policy's articles */
  policyIssueVerbs: string[];
  /** change verbs that also raise a quality of an object (提升, 提高): before a count with a noun after it they govern the noun */
  qualityRaiseVerbs: string[];
  /** steps of a ranking or grading (位次, 等级): a count of them after 提升 is a difference */
  rankSteps: string[];
  /** units of a crowd (人, 名) and the event or programme words (培训, 赛, 行动) a round crowd size may qualify */
  attributiveSize: { units: string[]; heads: string[]; eventVerbs: string[]; eventVerbUnits: string[] };
  /** verbs that put a policy into effect (实施, 落实): a bare count of 条 they carry out is its articles, unless it names a thing of `countedByUnit` */
  policyEnactVerbs: string[];
  /** nouns of things counted by a classifier (道路, 河 for 条): a count of them is no policy's articles */
  countedByUnit: Record<string, string[]>;
  sectionNouns: string[];
  notAtUnit: string[];
  notAfterUnit: string[];
  idioms: string[];
  classNounsAfterMoney: string[];
  /** words before an amount that make it what a project invests (总投资超百亿元的…项目), not a size class */
  amountHeadsBefore: string[];
  rankUnits: string[];
  chineseNumeralCountUnits: string[];
  /** smallest unbounded Chinese-numeral count read as a metric, by unit (default 10) */
  chineseNumeralCountMin: Record<string, number>;
  /** words after a Chinese-numeral count that make it part of a policy's name, by unit */
  chineseCountNameFollowers: Record<string, string[]>;
  /** units with which 一 is a quantity, never an article (一倍, 一成) */
  articleFreeUnits: string[];
  /** classifiers whose 一 is always the article (一批) */
  alwaysArticleUnits: string[];
  rateNounHeads: string[];
  comparativeCues: Record<Change, string[]>;
  genericHeadsAfter: string[];
  /** verbs whose object is a duration: 再延长30年试点 measures what comes before the verb */
  durationVerbs: string[];
  /** heads after 的 that name the rule setting a figure, not what it measures */
  policyHeadsAfterDe: string[];
  amountUnits: string[];
  /** units a 多/余 may follow (三年多, 两倍多), and what may follow that 多 for it to be one (三年多来, not 一年比一年多起来) */
  approximateAfterUnit: { units: string[]; followers: string[] };
  pairedContractions: Record<string, string[]>;
  /** nouns ending in a tail word (人均, 成都): the tail word is theirs, not a cue */
  subjectStripTailKeep: string[];
  /** 新增12万吨硅料和22吉瓦拉棒产能: a conjunction before the next figure ends a list item */
  listConjunctions: string[];
  /** words ending in a conjunction's character (之和, 普及) */
  listConjunctionKeep: string[];
  /** particles (的) that a phrase is cut after, never begins with */
  subjectHeadParticles: string[];
  /** words that do begin with such a particle (的士) */
  subjectHeadParticleWords: string[];
}

/** The metric dictionary, read once from dictionaries/metrics.json. */
export function metricsDictionary(): MetricsDictionary {
  return loadDictionary<MetricsDictionary>('metrics.json');
}

/** Word lists made from the dictionary's, built once per dictionary rather than once per figure. */
interface DerivedWords {
  magnitudes: string[];
  /** level and change cues */
  cues: string[];
  /** what trimBefore takes off the end of a phrase */
  tail: string[];
  /** 排第16位, 居全省第1位: the verb (and scope) of a rank, at the end of a phrase */
  rankVerbAtEnd: RegExp;
  /** 5年内, 近三年, 未来五年 at the head of a phrase: the span a figure is reached in */
  periodAtHead: RegExp;
  /** change cues of two characters or more: a one-character one (增) may be part of a noun */
  longChanges: string[];
  /** bound words after a number (以上, 以内, 左右) */
  boundAfter: string[];
  /** what may stand between a group of people and their count (已达, 共, 约) */
  peopleCountCues: string[];
  /** units of time, span and money: no count of things whose noun follows */
  uncountedUnits: Set<string>;
}
const derived = new WeakMap<MetricsDictionary, DerivedWords>();
function derivedWords(dict: MetricsDictionary): DerivedWords {
  let words = derived.get(dict);
  if (!words) {
    const changes = [...dict.changeCues.increase, ...dict.changeCues.decrease];
    const cues = [...dict.levelCues, ...changes];
    const count = '(?:\\d+|[一二三四五六七八九十两]+)(?:个月|年)';
    words = {
      magnitudes: Object.keys(dict.magnitudes), cues, tail: [...dict.subjectStripTail, ...cues],
      longChanges: changes.filter((w) => w.length > 1),
      boundAfter: [...dict.boundSuffixes['>='], ...dict.boundSuffixes['<='], ...dict.boundSuffixes['~']],
      peopleCountCues: [...cues, ...dict.boundPrefixes['~'], ...dict.boundPrefixes['>='], ...dict.boundPrefixes['<='], ...dict.subjectStripTail],
      uncountedUnits: new Set([...dict.periodUnits, ...dict.timeUnitsForInner, ...dict.amountUnits]),
      rankVerbAtEnd: new RegExp(`(?:${wordAlternation(dict.rankVerbs)})(?:${wordAlternation(dict.rankScopes)})?$`),
      periodAtHead: new RegExp(
        `^(?:(?:${wordAlternation(dict.periodLeads)})${count}|${count}(?=[内来]|之内|以内|以来))(?:内|之内|以内|来|以来)?(?![是的为])(?=[\\u4e00-\\u9fff]{2})`,
      ),
    };
    derived.set(dict, words);
  }
  return words;
}

/** Chinese quotation marks and their closers: mainland “”, Hong Kong 「」 and 『』. */
const QUOTE_CLOSE: Record<string, string> = { '“': '”', '「': '」', '『': '』' };
const QUOTE_OPEN: Record<string, string> = Object.fromEntries(Object.entries(QUOTE_CLOSE).map(([open, close]) => [close, open]));
const CLAUSE_END = new Set(['，', ',', '。', '；', ';', '！', '!', '？', '?', '\n', ':', '：', '(', ')', '（', '）']);
// by code unit: the backward scans made a one-character string per step
const SENTENCE_END = bmpTable(/[。；;！!？?\n]/);
// 1,234,567 groups thousands; otherwise a comma (a folded ，) separates clauses
// 1,300 and, in Hong Kong's texts, 15 000 (a no-break space, a plain one after NFKC) group thousands
// and 7 4 7 7 2 (full-width digits set apart by ideographic spaces in some older reports) is one number
const ARABIC_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\d.,])|\d(?: \d)+(?: ?\.\d(?: \d)*)?(?!\d)|\d+(?:\.\d+)?/y;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLatin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isCjk = (c: string | undefined): boolean => c !== undefined && /[\u4e00-\u9fff]/.test(c);
// 4A级, 5G: a digit with a letter after it is part of a name, not a figure
const letteredAt = (text: string, pos: number): boolean => /^\d{1,2}[A-Za-z]/.test(text.slice(pos, pos + 3));
const NUMERAL_CHARS = new Set(CHINESE_NUMERAL_CHARS);
const NUMBER_START = new RegExp(`[0-9${CHINESE_NUMERAL_CHARS}]`, 'g');
const isNumeralChar = (c: string | undefined): boolean => c !== undefined && NUMERAL_CHARS.has(c);
// 一九五四年, 一九八○年: years of the older reports, written digit by digit
const CHINESE_YEAR = '[一二〇零○][一二三四五六七八九〇零○]{3}';
const SPACED_YEAR = '(?:1 9|2 0) \\d \\d';
const YEAR_AT_END = new RegExp(`(?:\\d{4}|${SPACED_YEAR}|${CHINESE_YEAR}) ?年(?:底|末)?$`);
const FROM_DATE_AT_END = new RegExp(`(?:由|从)(?:上年|去年|上年同期|每人每年|每年|\\d{4}年|${CHINESE_YEAR}年)(?:底|末)?的?$`);
// 第19位, 第1。, 第一名: a rank (第六批, 第三方, 第十五小学 are names)
const RANK_AT = /^第(?:\d+|[一二三四五六七八九十]+)(?:位|名|[，,。；;、！!？?\n]|$)/;
const YEAR_AT_HEAD = new RegExp(`^(?:(?:19|20)\\d{2}|${SPACED_YEAR}|${CHINESE_YEAR}) ?年(?:[底末]|以来|上半年|前\\d+个月)?的?`);

/** Longest entry of `words` that starts at `pos` in `text`. */
function longestAt(text: string, pos: number, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const w of words) if (text.startsWith(w, pos) && (!best || w.length > best.length)) best = w;
  return best;
}

/** Longest entry of `words` that ends at `pos` in `text`. */
function longestBefore(text: string, pos: number, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const w of words) {
    if (w.length <= pos && text.startsWith(w, pos - w.length) && (!best || w.length > best.length)) best = w;
  }
  return best;
}

/** The longest of `words` that `context` ends in, a 了 after it allowed (提升了, 达到了). */
function wordAtEnd(context: string, words: readonly string[]): string | null {
  const s = context.replace(/了$/, '');
  return longestBefore(s, s.length, words);
}

/** A number as written, before its unit. */
interface NumberRead {
  start: number;
  end: number;
  /** value without magnitude applied, as a decimal string for exact scaling */
  decimal: string;
  max: string | null;
  kind: 'arabic' | 'chinese' | 'bare';
  /** unit implied by the form of the number itself (百分之N) */
  unit: string | null;
  /** Arabic digits with Chinese units (1万6千) */
  mixed?: boolean;
}

function readArabic(text: string, pos: number): { text: string; end: number } | null {
  ARABIC_RE.lastIndex = pos;
  const m = ARABIC_RE.exec(text);
  return m ? { text: m[0], end: pos + m[0].length } : null;
}

function readChineseRun(text: string, pos: number): { text: string; end: number } | null {
  let end = pos;
  while (end < text.length && isNumeralChar(text[end])) end++;
  return end > pos ? { text: text.slice(pos, end), end } : null;
}

/** Chinese numeral runs whose characters are only magnitudes (百, 千万, 亿) state no digit. */
const isBareMagnitude = (s: string): boolean => [...s].every((c) => '百千万亿'.includes(c));

/** Reads one number starting at `pos`, or null when none starts there. */
function readNumber(text: string, pos: number): NumberRead | null {
  const fraction = readFraction(text, pos);
  if (fraction) return fraction;
  const c = text[pos];
  if (text.startsWith('百分之', pos)) {
    const n = readArabic(text, pos + 3) ?? readChineseRun(text, pos + 3);
    if (!n) return null;
    const point = isDigit(n.text[0]) ? null : readChinesePoint(text, n.text, n.end);
    if (point) return { start: pos, end: point.end, decimal: point.decimal, max: null, kind: 'chinese', unit: '%' };
    const v = parseAnyNumeral(n.text.replace(/[, ]/g, ''));
    if (v === null) return null;
    return { start: pos, end: n.end, decimal: String(v), max: null, kind: isDigit(n.text[0]) ? 'arabic' : 'chinese', unit: '%' };
  }
  if (isDigit(c)) {
    if (isDigit(text[pos - 1]) || (text[pos - 1] === '.' && isDigit(text[pos - 2]))) return null;
    const a = readArabic(text, pos);
    if (!a) return null;
    const mixed = /^\d{1,4}$/.test(a.text) ? readMixed(text, a.end) : null;
    if (mixed !== null) {
      const v = parseMixedNumeral(text.slice(pos, mixed));
      if (v !== null) return { start: pos, end: mixed, decimal: String(v), max: null, kind: 'arabic', unit: null, mixed: true };
    }
    return { start: pos, end: a.end, decimal: a.text.replace(/[, ]/g, ''), max: null, kind: 'arabic', unit: null };
  }
  if (isNumeralChar(c) && !isNumeralChar(text[pos - 1])) {
    const run = readChineseRun(text, pos);
    if (!run) return null;
    const runText = run.text;
    const end = run.end;
    const v = parseChineseNumeral(runText);
    if (v === null) return null;
    if (runText.length > 1 && [...runText].every((ch) => isChineseDigit(ch))) {
      // 二〇二三 style digit strings are years or codes, never counts
      return { start: pos, end, decimal: String(v), max: null, kind: 'chinese', unit: '#digits' };
    }
    if (!wellFormedChinese(runText)) return null;
    const point = readChinesePoint(text, runText, end);
    if (point) return { start: pos, end: point.end, decimal: point.decimal, max: null, kind: 'chinese', unit: null };
    return { start: pos, end, decimal: String(v), max: null, kind: isBareMagnitude(runText) ? 'bare' : 'chinese', unit: null };
  }
  return null;
}

// 千瓦, 千米, 千伏: units of their own, not 千 of a number
const OWN_THOUSAND_UNITS = /^千[瓦米克伏卡]/;

/**
 * 1万6千, 2万5千, 1亿3千, 4亿1千5百万, 5千: the end of Chinese units and digits that go on
 * from an Arabic integer ending at `pos`, or null when no 千/百 of such a numeral follows.
 * 万 and 亿 alone (1.4万) are magnitudes, read with the unit.
 */
function readMixed(text: string, pos: number): number | null {
  let p = pos;
  let end: number | null = null;
  // a digit is owed a unit: 1万6 (colloquial 16000) is left to the plain reading
  let digitOpen = false;
  while (p < text.length) {
    const ch = text[p]!;
    if (isDigit(ch) || (isChineseDigit(ch) && ch !== '〇' && ch !== '零')) {
      if (digitOpen || p === pos || !/[万亿千百]/.test(text[p - 1]!)) break;
      while (isDigit(text[p])) p++;
      if (!isDigit(ch)) p++;
      digitOpen = true;
      continue;
    }
    if ((ch === '千' || ch === '百') && (digitOpen || p === pos) && !OWN_THOUSAND_UNITS.test(text.slice(p, p + 2))) {
      p++;
      digitOpen = false;
      end = p;
      continue;
    }
    if ((ch === '万' || ch === '亿') && !digitOpen) {
      p++;
      if (end !== null) end = p;
      continue;
    }
    break;
  }
  return end;
}

/** 八点二 after the integer part `integer` ending at `end`: the decimal, or null when no 点 + digits follows. */
function readChinesePoint(text: string, integer: string, end: number): { decimal: string; end: number } | null {
  if (text[end] !== '点') return null;
  let stop = end + 1;
  while (stop < text.length && isChineseDigit(text[stop]!)) stop++;
  const decimal = chineseDecimal(integer, text.slice(end + 1, stop));
  return decimal === null ? null : { decimal, end: stop };
}

/** 三分之一, 3分之2: a share, read as a percentage. */
function readFraction(text: string, pos: number): NumberRead | null {
  if (isNumeralChar(text[pos - 1]) || isDigit(text[pos - 1]) || text.startsWith('百分之', pos)) return null;
  const den = isDigit(text[pos]) ? readArabic(text, pos) : readChineseRun(text, pos);
  if (!den || !text.startsWith('分之', den.end)) return null;
  const numer = isDigit(text[den.end + 2]) ? readArabic(text, den.end + 2) : readChineseRun(text, den.end + 2);
  if (!numer) return null;
  const v = parseFractionPercent(den.text, numer.text);
  if (v === null) return null;
  return { start: pos, end: numer.end, decimal: String(v), max: null, kind: 'arabic', unit: '%' };
}

/** 十三五, 三四 and 五六十 are not numerals: two digits may not follow each other. */
function wellFormedChinese(s: string): boolean {
  const chars = [...s];
  for (let i = 1; i < chars.length; i++) {
    if (isChineseDigit(chars[i]!) && isChineseDigit(chars[i - 1]!) && chars[i - 1] !== '零' && chars[i - 1] !== '〇') return false;
  }
  return true;
}

interface Candidate {
  num: NumberRead;
  value: number;
  valueMax: number | null;
  unit: string;
  /** end of number + unit (the raw span) */
  rawEnd: number;
  /** end including a bound suffix */
  end: number;
  approx: boolean;
  suffixBound: Bound | null;
  hasMagnitude: boolean;
  /** where the unit starts */
  unitStart: number;
  implicitUnit: boolean;
  /** 多 or 余 right after the unit (三年多); a bound, but no count-maker as 三十多年 is */
  trailingApprox: boolean;
}

/** Reads range, 多/余, magnitude, unit and bound suffix after a number. */
function readTail(text: string, read: NumberRead, dict: MetricsDictionary): Candidate | null {
  let num = read;
  let pos = num.end;
  let max: string | null = null;
  let unit: string | null = num.unit;
  // 5%-10%: the first unit may be written before the dash
  const unitBeforeDash = text[pos] === '%' ? 1 : 0;
  const dash = text[pos + unitBeforeDash];
  // 增加三分之一至800 000个: after a share, 至 gives the level reached, not a range
  const share = !text.startsWith('百分之', num.start) && text.slice(num.start, num.end).includes('分之');
  if (dash !== undefined && '-~～—至到'.includes(dash) && !(dash === '到' && num.kind === 'arabic') && !share) {
    // 百分之二到百分之三: the upper end may repeat 百分之
    const from = pos + unitBeforeDash + 1 + (num.unit === '%' && text.startsWith('百分之', pos + unitBeforeDash + 1) ? 3 : 0);
    const next = num.kind === 'arabic' ? readArabic(text, from) : readChineseRun(text, from);
    // 到一九五七年: a year written digit by digit is a date, not the upper end
    const year = next !== null && num.kind !== 'arabic' && next.text.length > 1 && [...next.text].every((ch) => isChineseDigit(ch));
    if (next && !year && (num.kind === 'arabic' ? true : parseChineseNumeral(next.text) !== null)) {
      const m = num.kind === 'arabic' ? next.text.replace(/[, ]/g, '') : String(parseChineseNumeral(next.text));
      max = m;
      pos = next.end;
    }
  }
  let approx = false;
  // 7 4 7 7 2 亿元: a spaced number is spaced from its magnitude too
  if (text[pos] === ' ' && text.slice(num.start, pos).includes(' ') && longestAt(text, pos + 1, derivedWords(dict).magnitudes)) pos++;
  if (dict.approximateMarks.includes(text[pos] ?? '')) { approx = true; pos++; }
  let power = 0;
  let hasMagnitude = false;
  const mag = num.kind === 'arabic' || approx ? longestAt(text, pos, derivedWords(dict).magnitudes) : null;
  if (mag && !(mag.startsWith('千') && text.startsWith('千瓦', pos)) && !text.startsWith('千米', pos)) {
    power = dict.magnitudes[mag] ?? MAGNITUDE_POWERS[mag] ?? 0;
    hasMagnitude = true;
    pos += mag.length;
    // 四亿零七百多万: the magnitude after 多 belongs to the last section only, so
    // the numeral is re-read with it (407000000), not multiplied as a whole
    const folded = num.mixed ? parseMixedNumeral(text.slice(num.start, num.end) + mag)
      : num.kind === 'chinese' && !num.decimal.includes('.') && num.unit === null
        ? parseChineseNumeral(text.slice(num.start, num.end) + mag) : null;
    if (folded !== null) {
      num = { ...num, decimal: String(folded) };
      power = 0;
    }
  }
  if ((num.kind !== 'arabic' || num.mixed) && /[万亿]/.test(text.slice(num.start, num.end))) hasMagnitude = true;
  if (num.mixed) hasMagnitude = true;
  if (!approx && dict.approximateMarks.includes(text[pos] ?? '')) {
    approx = true;
    pos++;
    // 4万多亿元: the 多 stands between two magnitudes, which multiply
    const outer = hasMagnitude && num.kind === 'arabic' ? longestAt(text, pos, derivedWords(dict).magnitudes) : null;
    if (outer) {
      power += dict.magnitudes[outer] ?? 0;
      pos += outer.length;
    }
  }
  const unitStart = pos;
  let implicitUnit = false;
  if (unit === null) {
    if (text[pos] === ' ' && (isCjk(text[pos + 1]) || text[pos + 1] === '%' || text[pos + 1] === '‰')) pos++;
    const u = unitAt(text, pos, dict);
    if (u) {
      unit = dict.unitAliases[u] ?? u;
      pos += u.length;
      // 六年半: half a year written after 年
      if (u === '年' && text[pos] === '半' && !num.decimal.includes('.')) {
        num = { ...num, decimal: `${num.decimal}.5` };
        pos++;
      }
      // 高出四成三: tenths written after 成
      if (u === '成' && num.kind !== 'arabic' && !num.decimal.includes('.') && isChineseDigit(text[pos] ?? '') && !isNumeralChar(text[pos + 1])) {
        num = { ...num, decimal: `${num.decimal}.${parseChineseNumeral(text[pos]!)}` };
        pos++;
      }
    } else if (num.kind === 'arabic' && (text[pos] === '、' || text[pos] === '和') && sharedUnit(text, pos, dict)) {
      // 10.6万、3.8万、3.3万平方公里: the unit is written once for the list
      unit = sharedUnit(text, pos, dict);
    } else if (hasMagnitude) {
      unit = implicitUnitAt(text, pos, dict);
      implicitUnit = unit !== null;
      // the people named before the number: a bound may follow the number directly (减少1000万以上)
      unit ??= implicitUnitBefore(text, num.start, pos, dict);
    }
  }
  if (unit === null || unit === '#digits') return null;
  // 225.5万吨/日, 3.8元/立方米, 640元/人/年: a rate's unit stays whole
  if (!implicitUnit && unit !== '%') {
    for (let guard = 0; guard < 2 && text[pos] === '/'; guard++) {
      const per = longestAt(text, pos + 1, dict.perUnits);
      if (!per || isDigit(text[pos + 1 + per.length])) break;
      unit += '/' + per;
      pos += 1 + per.length;
    }
  }
  const rawEnd = pos;
  // 三年多来, 增长两倍多: 多 after a period or a multiple is "more than", not a word of its own
  const after = dict.approximateAfterUnit;
  const trailingApprox = after.units.includes(unit) && dict.approximateMarks.includes(text[pos] ?? '')
    && (pos + 1 >= text.length || !isCjk(text[pos + 1]) || after.followers.includes(text[pos + 1]!));
  if (trailingApprox) pos++;
  let end = pos;
  let suffixBound: Bound | null = null;
  if (!implicitUnit) {
    for (const b of ['>=', '<=', '~'] as Bound[]) {
      const s = longestAt(text, pos, dict.boundSuffixes[b]);
      if (!s) continue;
      if ((s === '内' || s === '之内') && !dict.timeUnitsForInner.includes(unit)) continue;
      suffixBound = b;
      end = pos + s.length;
      break;
    }
  }
  const scale = (d: string): number => scaleDecimal(d, power);
  return {
    num, value: scale(num.decimal), valueMax: max === null ? null : scale(max), unit, rawEnd, end,
    approx, suffixBound, hasMagnitude, unitStart, implicitUnit, trailingApprox,
  };
}

/** The unit written at `pos`, unless it is the first character of a longer word (人口, 家庭). */
function unitAt(text: string, pos: number, dict: MetricsDictionary): string | null {
  const u = longestAt(text, pos, dict.units);
  if (u && (dict.unitNotBefore[u] ?? []).some((w) => text.startsWith(w, pos + u.length))) return null;
  return u;
}

/** The unit closing a list of numbers joined by 、 or 和 that starts at `pos`. */
function sharedUnit(text: string, pos: number, dict: MetricsDictionary): string | null {
  let p = pos;
  for (let items = 0; items < 6 && (text[p] === '、' || text[p] === '和'); items++) {
    const n = readArabic(text, p + 1);
    if (!n || /^(?:19|20)\d\d$/.test(n.text)) return null;
    p = n.end;
    if (dict.approximateMarks.includes(text[p] ?? '')) p++;
    const mag = longestAt(text, p, derivedWords(dict).magnitudes);
    if (mag) p += mag.length;
    if (dict.approximateMarks.includes(text[p] ?? '')) p++;
    const u = unitAt(text, p, dict);
    if (u) return dict.unitAliases[u] ?? u;
  }
  return null;
}

/** 1000多万失业人员: people (or households) counted without a classifier. */
function implicitUnitAt(text: string, pos: number, dict: MetricsDictionary): string | null {
  let stop = pos;
  while (stop < text.length && stop - pos < 8 && isCjk(text[stop])) stop++;
  const phrase = text.slice(pos, stop);
  for (const { unit, nouns } of dict.implicitUnitNouns) {
    for (const noun of nouns) {
      const at = phrase.indexOf(noun);
      if (at >= 0 && !(noun === '人口' && phrase.slice(0, at).endsWith('常住'))) return unit;
    }
  }
  return null;
}

/** 农村贫困人口减少1386万, 参保人数增加1.4亿: the people were named just before the number. */
function implicitUnitBefore(text: string, start: number, after: number, dict: MetricsDictionary): string | null {
  const next = text[after];
  const { boundAfter, peopleCountCues: cues } = derivedWords(dict);
  // 人次由8300万增加到: the starting level of a from-to pair is followed by its verb
  const fromLevel = /[由从]$/.test(text.slice(0, start)) && longestAt(text, after, cues) !== null;
  if (isCjk(next) && !longestAt(text, after, boundAfter) && !fromLevel) return null;
  let lead = text.slice(clauseStart(text, start), start);
  // …由8300万增加到1亿3千多万: the level reached shares the starting level's people
  lead = lead.replace(/[由从][\d.]+[多余]?[万亿]+((?:[增提上下减降扩][加长高升少低大])?[到至])$/, '$1');
  // 我国60岁以上人口已达2.5亿: adverbs and a verb may stand between the people and the number
  for (let guard = 0; guard < 4; guard++) {
    const w = longestBefore(lead, lead.length, cues);
    if (!w) break;
    lead = lead.slice(0, lead.length - w.length);
  }
  // 脱贫人口务工规模: the size of a group named before its head counts its members
  const head = dict.implicitUnitSizeHeads.find((h) => lead.endsWith(h));
  const group = head ? lead.slice(0, lead.length - head.length) : null;
  for (const { unit, nouns } of dict.implicitUnitNouns) if (nouns.some((n) => lead.endsWith(n))) return unit;
  for (const { unit, nouns } of dict.implicitUnitNouns) if (group !== null && nouns.some((n) => group.includes(n))) return unit;
  return null;
}

/** Span [start, end) of every idiom occurrence, so numbers inside them are skipped. */
function idiomSpans(text: string, dict: MetricsDictionary): [number, number][] {
  const spans: [number, number][] = [];
  for (const idiom of dict.idioms) {
    let at = text.indexOf(idiom);
    while (at >= 0) {
      spans.push([at, at + idiom.length]);
      at = text.indexOf(idiom, at + 1);
    }
  }
  return spans;
}

/** Whether [start, end) sits inside a “quotation” on the same line, and what follows the closing quote. */
function enclosingQuote(text: string, start: number, end: number): { after: string; length: number } | null {
  let open = -1;
  for (let i = start - 1; i >= 0 && start - i <= 40; i--) {
    const ch = text[i];
    if (ch === '\n' || ch === '”') return null;
    if (ch === '“') { open = i; break; }
  }
  if (open < 0) return null;
  for (let i = end; i < text.length && i - end <= 40; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '“') return null;
    if (ch === '”') return { after: text.slice(i + 1, i + 9), length: i - open - 1 };
  }
  return null;
}

/** Why a candidate is not a metric, or null when it is one. */
function rejection(text: string, c: Candidate, dict: MetricsDictionary, idioms: [number, number][]): string | null {
  const { num, unit } = c;
  const before = text[num.start - 1];
  // 居前3位, 进入前10名: ranks
  if (before === '前' && dict.rankUnits.includes(unit)) return 'rank';
  if (before === '第' || text.slice(Math.max(0, num.start - 2), num.start) === '第十') return 'ordinal';
  // 第一、二、三批: the later members of a list of ordinals
  const ordinals = num.kind === 'arabic' ? /第\d+(?:、\d+)*、$/ : /第[一二三四五六七八九十]+(?:、[一二三四五六七八九十]+)*、$/;
  if (ordinals.test(text.slice(Math.max(0, num.start - 16), num.start))) return 'ordinal';
  if (isLatin(before) || isLatin(text[num.end]) || before === '.' ) return 'code';
  if (text[num.end] === '.' && isDigit(text[num.end + 1])) return 'code';
  if (num.kind === 'arabic' && unit === '年' && /^\d{4}$/.test(num.decimal) && !c.hasMagnitude) return 'year';
  if (unit === '年' && text.startsWith('年度', c.unitStart)) return 'year';
  if (dict.ratingUnits.some((r) => text.startsWith(r, c.unitStart))) return 'rating';
  if (!c.hasMagnitude && dict.unitsNeedMagnitude.includes(unit)) return 'bare unit';
  if (dict.notAtUnit.some((r) => text.startsWith(r, c.unitStart))) return 'rating';
  if (dict.notAfterUnit.some((r) => text.startsWith(r, c.rawEnd))) return 'rating';
  if (idioms.some(([s, e]) => num.start < e && c.rawEnd > s)) return 'idiom';
  if (dict.sectionNouns.some((w) => text.startsWith(w, c.rawEnd))) return 'section count';
  const afterUnit = text.slice(c.rawEnd, c.rawEnd + 6);
  if (dict.ordinalFollowers.some((w) => afterUnit.startsWith(w) || afterUnit.slice(0, 4).includes(w)) && ['次', '届'].includes(unit)) return 'ordinal';
  const policyWords = dict.policyNameAfterCount[unit];
  // “17条”举措, “彭城英才计划20条”: a quotation closing on the count names a numbered policy
  if (policyWords && numberedPolicy(text, c, dict, policyWords)) return 'policy name';
  if (longestBefore(text, num.start, dict.policyNameBefore)) return 'policy name';
  // 三年新冠疫情防控 names the years; 经历三年新冠疫情冲击 lasts them
  if (unit === '年' && periodIsName(text, c.rawEnd, dict) && !longestBefore(text, num.start, dict.enduringVerbs)) return 'name';
  const quote = enclosingQuote(text, num.start, c.rawEnd);
  // “11235”工程, “521栋梁”计划: a short quotation named by a type word; a long
  // one (“1个市级急救中心+12个县域分中心”体系) describes real counts
  if (quote && (num.kind !== 'arabic' || (quote.length <= 8 && dict.nameTypeWords.some((w) => quote.after.startsWith(w))))) return 'name';
  if (num.kind !== 'arabic') {
    // 四个意识, 两个维护: small Chinese counts with 个 are mostly names; 二千七百多个, 约六千个 are counts
    // 一天之内 (in a single day) states no quantity; 约一万个 and 二千七百多个 do
    const within = text.startsWith('内', c.rawEnd) || text.startsWith('之内', c.rawEnd);
    const bounded = c.approx || (c.suffixBound !== null && !within)
      || longestBefore(text, num.start, [...dict.boundPrefixes['~'], ...dict.boundPrefixes['>='], ...dict.boundPrefixes['<=']]) !== null;
    // 几十种, 一百几十种: a vague count
    if (before === '几') return 'vague';
    // 十项规定, 十项措施: a round slogan number or a numbered set of rules names a policy
    const followers = dict.chineseCountNameFollowers[unit];
    if (followers && !bounded && followers.some((w) => text.startsWith(w, c.rawEnd))) return 'policy name';
    const min = dict.chineseNumeralCountMin[unit] ?? 10;
    const count = dict.chineseNumeralCountUnits.includes(unit) && (c.value >= min || bounded);
    if (!dict.chineseNumeralUnits.includes(unit) && !c.implicitUnit && !count) return 'chinese classifier';
    const needs = dict.chineseNumeralNeedsBefore[unit];
    if (needs && !longestBefore(text, num.start, needs)) return 'chinese classifier';
    const boundNear = bounded;
    // 突破一批关键核心技术: 一批 is "a number of", bounded or not
    if (text.slice(num.start, num.end) === '一' && dict.alwaysArticleUnits.includes(unit)) return 'article';
    if (text.slice(num.start, num.end) === '一' && !boundNear && !(dict.articleFreeUnits.includes(unit) && before !== '的')) return 'article';
    if (unit === '年' && (c.value < 2 || c.value >= 100)) return 'period';
    // counts say 两; 二次供水, 二期, 二级 are ordinals or grades
    if (text.slice(num.start, num.end) === '二') return 'ordinal';
    // 陆家嘴, 伍家岗: a lone financial numeral is a place or family name; amounts write several
    if (num.end - num.start === 1 && FINANCIAL_NUMERAL_CHARS.includes(text[num.start]!)) return 'name';
    // 长江零公里, 破零倍增: a lone zero counts nothing
    if (num.end - num.start === 1 && c.value === 0) return 'name';
    // 一元化, 三元催化 are words; 六百零八元 (older reports) is an amount
    if (unit === '元' && !c.hasMagnitude && c.value < 10) return 'chinese classifier';
    // 超亿元龙头企业, 十亿元以上项目: a size class, not an amount
    if (unit === '元' && sizeClass(text, c, dict)) return 'size class';
    // 十二届三次、四次全会
    if (unit === '次' && (/届[、和]?$|次[、和]$/.test(text.slice(num.start - 2, num.start)) || /^[、和一二三四五六七八九十次]*(?:全会|会议|党代会)/.test(text.slice(c.rawEnd, c.rawEnd + 12)))) return 'ordinal';
    if (!bounded && attributiveSize(text, c, dict)) return 'attributive size';
    if (num.kind === 'bare') {
      let cue = longestBefore(text, num.start, [...dict.bareBoundPrefixes, ...dict.boundPrefixes['>='], ...dict.boundPrefixes['~']]);
      if (cue === '上' && text[num.start - 2] === '以') cue = null;
      const verb = longestBefore(text, num.start, dict.bareNumeralVerbs);
      if (!cue && !verb) return 'bare magnitude';
    }
  }
  return null;
}

/**
 * 省支持滨州30条措施, 出台促进房地产26条、消费11条、文旅11条等政策, 出台促消费措施38条,
 * 出台消费提质扩容18条: the articles of a policy, not things counted.
 */
function numberedPolicy(text: string, c: Candidate, dict: MetricsDictionary, words: string[]): boolean {
  if (text[c.rawEnd] === '”' || words.some((w) => text.startsWith(w, c.rawEnd))) return true;
  const unit = c.unit;
  // the phrase after the count, or after the list of such counts it begins, ends in a policy word
  // (10条硬措施, 120条一揽子政策和73条接续措施, 经济整体好转30条、民营经济40条等政策措施)
  let p = c.rawEnd;
  for (let guard = 0; guard < 8; guard++) {
    const item = text.slice(p, p + 20).match(/^、[^，,。；;、\d\n]{1,12}?(\d+)/);
    if (!item || !text.startsWith(unit, p + item[0].length)) break;
    p += item[0].length + unit.length;
  }
  const tail = (text.slice(p, p + 20).match(/^[^，,。；;、:：\d\n(（]*/)?.[0] ?? '').replace(/[和及与]$/, '');
  if (words.some((w) => tail.endsWith(w))) return true;
  // 出台促消费措施38条: the policy is named before the count
  const clause = clauseStart(text, c.num.start);
  const lead = text.slice(clause, c.num.start);
  const item = lead.slice(lead.lastIndexOf('、') + 1).replace(/[”」』]$/, '');
  if (words.some((w) => item.endsWith(w))) return true;
  // 出台消费提质扩容18条, 出台制造业16条、民营经济16条: a count issued with nothing counted after it
  const bare = p === c.rawEnd ? c.end : p;
  if (!(bare >= text.length || CLAUSE_END.has(text[bare]!) || text[bare] === '、' || text[bare] === '等')) return false;
  if (dict.policyIssueVerbs.some((v) => lead.includes(v))) return true;
  // 实施提信心扩需求增动能72条, 落实人才强市28条: a policy put into effect, unless what is
  // carried out names things of that classifier (实施背街小巷改造259条 counts streets)
  // what the last such verb carries out
  const enact = Math.max(...dict.policyEnactVerbs.map((v) => {
    const at = lead.lastIndexOf(v);
    return at < 0 ? -1 : at + v.length;
  }));
  if (enact < 0) return false;
  const object = lead.slice(enact);
  return !(dict.countedByUnit[unit] ?? []).some((w) => object.includes(w));
}

/**
 * 超亿元龙头企业, 新签约亿元以上内资项目300个, 销售超亿元大品种: the amount classes the things named
 * after it; 总投资超百亿元的宝镁轻合金项目 states the project's investment instead.
 */
function sizeClass(text: string, c: Candidate, dict: MetricsDictionary): boolean {
  if (dict.classNounsAfterMoney.some((w) => text.startsWith(w, c.end) || text.startsWith('的' + w, c.end))) return true;
  // further into the phrase (超亿元农业龙头企业) only for a lower bound: 二十五亿元的中小企业特别信贷计划 is an amount
  const atLeast = c.suffixBound === '>=' || prefixBound(text, c, dict).bound === '>=';
  if (!atLeast) return false;
  const at = text[c.end] === '的' ? c.end + 1 : c.end;
  const phrase = text.slice(at, at + 8).match(/^[\u4e00-\u9fff]*/)?.[0] ?? '';
  if (!dict.classNounsAfterMoney.some((w) => w.length > 1 && phrase.includes(w))) return false;
  const lead = text.slice(clauseStart(text, c.num.start), c.num.start);
  return !dict.amountHeadsBefore.some((w) => lead.includes(w));
}

/**
 * 开展万人应急救护培训, 万人气排球赛, 十万大学生留银专项行动: a round Chinese number of people
 * before an event or programme names its scale, it counts no one.
 */
function attributiveSize(text: string, c: Candidate, dict: MetricsDictionary): boolean {
  const size = dict.attributiveSize;
  if (!/^10+$/.test(String(c.value)) || c.value < 100) return false;
  // 举办百家名企进承德, 举办百名博士铜陵行: what is held is an event, so the crowd or the firms
  // counted right after the verb are the event's name, whatever head closes it
  if (size.eventVerbUnits.includes(c.unit) && longestBefore(text, c.num.start, size.eventVerbs)) return true;
  if (!size.units.includes(c.unit)) return false;
  const phrase = text.slice(c.rawEnd, c.rawEnd + 16).match(/^[^，,。；;、：:！？!?\n“”「」0-9]*/)?.[0] ?? '';
  const head = size.heads.map((w) => phrase.indexOf(w)).filter((at) => at > 0).sort((a, b) => a - b)[0];
  if (head === undefined) return false;
  // 组织千家企业参加百个以上展会: a verb before the event makes the number its participants
  const lead = phrase.slice(0, head);
  return !dict.subjectAfterCut.some((w) => w.length > 1 && lead.includes(w));
}

/** 三年行动, 十年禁渔: a period followed by a programme's type word names the programme. */
function periodIsName(text: string, pos: number, dict: MetricsDictionary): boolean {
  let stop = pos;
  while (stop < text.length && stop - pos < 4 && isCjk(text[stop]) && text[stop] !== '的') stop++;
  const after = text.slice(pos, stop);
  return dict.nameTypeWords.some((w) => after.includes(w));
}

/** Start of the clause holding `pos`. */
function clauseStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0) {
    const ch = text[i - 1]!;
    if (ch === ')' || ch === '）') {
      // a closed aside (人才) belongs to the clause around it
      const open = Math.max(text.lastIndexOf('(', i - 2), text.lastIndexOf('（', i - 2));
      if (open >= 0 && !text.slice(open, i).includes('\n')) { i = open; continue; }
    }
    if (CLAUSE_END.has(ch)) break;
    i--;
  }
  return i;
}

function sentenceStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && SENTENCE_END[text.charCodeAt(i - 1)] === 0) i--;
  return i;
}

/** The bound written before the number (约, 超过, 控制在 …) and where it starts. */
function prefixBound(text: string, c: Candidate, dict: MetricsDictionary): { bound: Bound | null; start: number } {
  // 约共四千个: a total marker may stand between the bound and the number
  const start = text[c.num.start - 1] === '共' ? c.num.start - 1 : c.num.start;
  let best: { bound: Bound; word: string } | null = null;
  for (const b of ['>=', '<=', '~'] as Bound[]) {
    // 上亿, 上千万: 上 before a Chinese numeral means "as many as"; 数十万 and 近/约 are no lower bound
    const words = b === '>=' && c.num.kind !== 'arabic' ? [...dict.boundPrefixes[b], ...dict.bareAtLeastPrefixes] : dict.boundPrefixes[b];
    const w = longestBefore(text, start, words);
    // 以上 before a number ends the previous phrase (规模以上万元…), it is no bound of this one
    if (w === '上' && text[start - 2] === '以') continue;
    if (w && (!best || w.length > best.word.length)) best = { bound: b, word: w };
  }
  if (!best) return { bound: null, start: c.num.start };
  // 近五年 is "the last five years", a period; 将近 is "nearly"
  if (best.word === '近' && dict.periodUnits.includes(c.unit)) return { bound: null, start: start - 1 };
  return { bound: best.bound, start: start - best.word.length };
}

/** The last change or level cue in `context`; a level cue (降至, 达到, 新建) means no change. */
function changeFrom(context: string, dict: MetricsDictionary): Change | null {
  let best: { end: number; len: number; change: Change | null } | null = null;
  const consider = (word: string, change: Change | null): void => {
    let at = context.indexOf(word);
    while (at >= 0) {
      const end = at + word.length;
      // 经济增长贡献率接近60%: a cue followed by a rate noun is part of the indicator's name
      const rateNoun = change !== null && (dict.rateNounSuffixes.some((s) => context.startsWith(s, end))
        || dict.rateNounHeads.some((h) => context.slice(end).includes(h)));
      // one-character cues (为, 达, 从) are words only right before the number
      const stray = word.length === 1 && context.slice(end).replace(/了|到/g, '') !== '';
      if (!rateNoun && !stray && (!best || end > best.end || (end === best.end && word.length > best.len))) {
        best = { end, len: word.length, change };
      }
      at = context.indexOf(word, at + 1);
    }
  };
  for (const w of dict.changeCues.increase) consider(w, 'increase');
  for (const w of dict.changeCues.decrease) consider(w, 'decrease');
  for (const w of dict.levelCues) consider(w, null);
  const chosen = best as { end: number; len: number; change: Change | null } | null;
  if (!chosen || chosen.change === null) return null;
  // 新建和提升: a change verb sharing its object with a level verb counts things, not a difference
  const head = context.slice(0, chosen.end - chosen.len);
  if (/[和、及]$/.test(head) && longestBefore(head, head.length - 1, dict.levelCues)) return null;
  return chosen.change;
}

/** 比去年预算高0.2个百分点: a comparison (比/较 …) closed by 高/低 right before the number. */
function comparativeChange(context: string, dict: MetricsDictionary): Change | null {
  const at = Math.max(context.lastIndexOf('比'), context.lastIndexOf('较'));
  if (at < 0) return null;
  const last = context.replace(/了$/, '').slice(-1);
  if (last === '' || at >= context.length - 1) return null;
  for (const change of ['increase', 'decrease'] as Change[]) if (dict.comparativeCues[change].includes(last)) return change;
  return null;
}

/** Trims cue words, time words and comparisons off a phrase before a number. */
function trimBefore(phrase: string, dict: MetricsDictionary): string {
  // “四上”企业: an opening quote stays when its closing one is in the phrase
  let s = phrase.replace(/^[、\s”"]+|[\s]+$/g, '');
  if (s.startsWith('“') && !s.includes('”')) s = s.replace(/^[“\s]+/, '');
  const tailWords = derivedWords(dict).tail;
  for (let guard = 0; guard < 10; guard++) {
    const before = s;
    s = s.replace(/(?:(?:较|比|与)(?:上年|去年|同期|上年同期|\d{4}年|[^，,]{0,6}年前?)|同比|同期|相比)$/, '');
    s = s.replace(YEAR_AT_END, '');
    // 补助标准由每人每年, 外运能力将由一九八○年的: the starting level's date is no part of the subject
    s = s.replace(FROM_DATE_AT_END, '');
    // a period folded into the phrase (经费五年增长, 是十年前的) is not the subject
    s = s.replace(/(?:是|近|过去)?[一二三四五六七八九十两\d]+年(?:前|以前|来|以来)?(?:的)?$/, '');
    let w = longestBefore(s, s.length, tailWords);
    if (w && dict.subjectStripTailKeep.some((k) => k.length > w!.length && k.endsWith(w!) && s.endsWith(k))) w = null;
    if (w && w.length < s.length) s = s.slice(0, s.length - w.length);
    else if (w && w.length === s.length) s = '';
    // 增加文化交流拨款 —— 由每年5,000万元: a dash sets the figure apart from its heading
    s = s.replace(TAIL_MARKS, '');
    if (s === before) break;
  }
  for (let guard = 0; guard < 10; guard++) {
    const before = s;
    s = s.replace(YEAR_AT_HEAD, '');
    // 5年内新增融资支持, 近三年引进: the span a figure is reached in dates it, it names nothing
    s = s.replace(derivedWords(dict).periodAtHead, '');
    // 新建(改扩建)学校, (下同)地区生产总值: an aside left at the head once its verb is gone
    s = s.replace(/^[(（][^()（）]{1,6}[)）]/, '');
    // a paragraph's own number (55. 在过去三个月), an item's (4), and the letter O that bullets Hong Kong's lists
    s = s.replace(ITEM_NUMBER_AT_HEAD, '');
    const w = longestAt(s, 0, dict.subjectStripHead);
    // a one-character head (再, 和) may begin a word (再灌注): drop it only when alone
    if (w && (w.length > 1 || w === s)) s = s.slice(w.length);
    // 收入10万元以上的村占比: a particle left by the figure before never begins the noun phrase
    const particle = longestAt(s, 0, dict.subjectHeadParticles);
    if (particle && s.length > particle.length + 1 && !longestAt(s, 0, dict.subjectHeadParticleWords)) s = s.slice(particle.length);
    s = s.replace(/^[、,，\s]+/, '');
    if (s === before) break;
  }
  return s;
}

/**
 * The noun phrase right after number+unit (八名同志 → 同志), or null. `counted`: things counted by a
 * classifier, whose noun may be one character (5个镇入选…).
 */
function phraseAfter(text: string, pos: number, dict: MetricsDictionary, nested = true, counted = false): string | null {
  let p = pos;
  // 推出3批173项政策, 58个10亿元以上重大产业项目: a second figure for the same things stands between
  if (nested && isDigit(text[p])) {
    const read = readNumber(text, p);
    const inner = read && read.kind === 'arabic' ? readTail(text, read, dict) : null;
    if (inner && inner.unit !== '%' && !dict.periodUnits.includes(inner.unit) && !rejection(text, inner, dict, [])) {
      return phraseAfter(text, inner.end, dict, false, counted);
    }
  }
  if (text[p] === '的' && !longestAt(text, p, dict.subjectHeadParticleWords)) p++;
  if (dict.subjectAfterStops.some((w) => text.startsWith(w, p)) && !dict.subjectAfterCutKeep.some((w) => text.startsWith(w, p))) return null;
  // 由两成上升至四成: what follows is the next figure's verb, not a noun
  const cue = longestAt(text, p, derivedWords(dict).cues);
  if (cue && cue.length > 1 && (isDigit(text[p + cue.length]) || isNumeralChar(text[p + cue.length]))) return null;
  if (!isCjk(text[p]) && !QUOTE_CLOSE[text[p]!] && text[p] !== '《' && !letteredAt(text, p)) return null;
  let stop = p;
  // 5个镇入选首批国家农业产业强镇: a verb right after a one-character noun closes it too
  const oneCharNoun = counted && isCjk(text[p]) && !dict.oneCharNotNouns.includes(text[p]!);
  let cutAtOne = false;
  let ranked = false;
  while (stop < text.length && stop - p < 18) {
    const ch = text[stop]!;
    // “稳中向好、进中提质”政策, 「产学研1+计划」, 22期《健康365》电视节目: a quoted name or
    // an opening title is whole, whatever words it holds
    const closing = QUOTE_CLOSE[ch] ?? (ch === '《' && stop === p ? '》' : undefined);
    if (closing) {
      // a second quotation (“10项试点工作”“5项支撑任务”) begins the next item
      const before = text.slice(p, stop);
      const closed = before.indexOf(closing);
      if (text[stop - 1] === closing || (closed >= 0 && !before.slice(0, closed).includes(ch))) break;
      const close = text.indexOf(closing, stop + 1);
      if (close > 0 && close - p < 18 && !text.slice(stop, close).includes('\n')) { stop = close + 1; continue; }
    }
    if (ch === '(' || ch === '（') {
      // 县(区): an aside inside the noun phrase
      const close = text.slice(stop, stop + 8).search(/[)）]/);
      if (close > 0) { stop += close + 1; continue; }
    }
    // 国家4A级旅游景区, 5G基站: a digit with a letter is part of a name, not the next figure
    if (CLAUSE_END.has(ch) || (isDigit(ch) && !letteredAt(text, stop)) || ch === '《') break;
    // 120个监测城市第19位: a rank after the things counted is no part of them
    if (ch === '第' && stop > p && RANK_AT.test(text.slice(stop, stop + 8))) {
      ranked = true;
      break;
    }
    // after 向/对 (分三批向种粮农民发放农资补贴) the object of the verb is what is counted
    // (a one-character cut there is a word's second half: 城中村, 大中城市)
    if ((stop > p + 1 || (stop === p + 1 && oneCharNoun)) && !/[向对给]/.test(text[p]!)
      && dict.subjectAfterCut.some((w) => text.startsWith(w, stop) && (stop > p + 1 || w.length > 1)) && !insideKeptWord(text, stop, dict)) {
      cutAtOne = stop === p + 1;
      break;
    }
    stop++;
  }
  // 沿线风貌升级⑮: a circled number after a phrase points to a note
  let s = text.slice(p, stop).replace(CIRCLED_AT_END, '').replace(/[“「『"、\s]+$/g, '');
  // 168个重点城市排第16位, 2项指标增速居全省第1位: the verb of the rank goes with it
  if (ranked) s = s.replace(derivedWords(dict).rankVerbAtEnd, '').replace(/[、\s]+$/, '');
  // 建成103个“美丽街区”: a closing quote stays with its opening one
  while (/[”」』]$/.test(s) && !s.includes(QUOTE_OPEN[s.at(-1)!]!)) s = s.slice(0, -1).replace(/[“「『"、\s]+$/g, '');
  if (isDigit(text[stop])) {
    const and = longestBefore(s, s.length, dict.listConjunctions);
    if (and && and.length < s.length && !dict.listConjunctionKeep.some((k) => s.endsWith(k))) s = s.slice(0, s.length - and.length);
  }
  // 跃上1.4万亿斤新台阶、亩产提升: a milestone after the figure says what it reached, not what it measures
  if (dict.genericHeadsAfter.some((w) => s === w || s.replace(/^新/, '').startsWith(w + '、') || s === '新' + w)) return null;
  // 土地承包期再延长30年的政策: the policy that sets the figure is not what it measures
  if (text[pos] === '的' && dict.policyHeadsAfterDe.includes(s)) return null;
  const length = [...s.replace(/[“”「」『』"]/g, '')].length;
  // 4个镇、40个村: a one-character noun closes a list item
  return length >= 2 || (length === 1 && (cutAtOne || /、$/.test(text.slice(p, stop)))) ? s : null;
}

/** 电动汽车公共充电桩, 相对集中居住: a one-character cut that is part of a word is no cut. */
function insideKeptWord(text: string, pos: number, dict: MetricsDictionary): boolean {
  if (CLAUSE_END.has(text[pos]!)) return false;
  const around = text.slice(pos - 1, pos + 2);
  return dict.subjectAfterCutKeep.some((w) => around.startsWith(w) || around.endsWith(w));
}

// 2023年, 一九八二年 and 1 9 9 7 年 name a year; 八十年代 a decade; 比一九五六年 is the base compared with
const YEAR_NAMED = new RegExp(`(?<![比较])((?:19|20)\\d{2}|${SPACED_YEAR}|${CHINESE_YEAR}) ?年(?!代)`, 'g');
const YEAR_NAMED_ONCE = new RegExp(YEAR_NAMED.source);

function yearValue(raw: string): number | null {
  const compact = raw.replace(/ /g, '');
  const value = /^\d{4}$/.test(compact) ? Number(compact) : parseChineseNumeral(compact.replace(/○/g, '〇'));
  return value !== null && value >= 1900 && value <= 2099 ? value : null;
}

/** The year a figure belongs to: an explicit year earlier in its sentence, 今年/去年, else the section's. */
function yearFor(text: string, pos: number, years: DocumentYears, sectionYear: number | null): number | null {
  const prefix = text.slice(sentenceStart(text, pos), pos);
  const explicit = [...prefix.matchAll(YEAR_NAMED)].map((m) => yearValue(m[1]!)).filter((y) => y !== null).pop();
  if (explicit) return explicit;
  if (/今年|本年|全年目标/.test(prefix) && years.plan_year !== null) return years.plan_year;
  if (/去年|上年/.test(prefix) && years.review_year !== null && !/较上年|比上年/.test(prefix)) return years.review_year;
  return sectionYear;
}

/** Year stated by each level-1 section heading (一、2023年工作回顾), by heading offset. */
function sectionYears(text: string, years: DocumentYears): { offset: number; year: number | null }[] {
  const out: { offset: number; year: number | null }[] = [];
  const re = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)(.{0,40})$/gm;
  for (const m of text.matchAll(re)) {
    const heading = m[1] ?? '';
    const explicit = heading.match(YEAR_NAMED_ONCE);
    let year: number | null = explicit ? yearValue(explicit[1]!) : null;
    if (year === null && /今年/.test(heading)) year = years.plan_year;
    if (year === null && /去年/.test(heading)) year = years.review_year;
    out.push({ offset: m.index ?? 0, year });
  }
  return out;
}

/** A metric under construction, with what the list pass below needs. */
interface Found {
  metric: Metric;
  period: boolean;
  clause: number;
  sentence: number;
  /** text between the previous metric (or clause start) and this number */
  lead: string;
  /** trimmed phrase before the number */
  before: string;
  /** whether the bound came from a word before the number (超过, 约) */
  prefixBound: boolean;
  end: number;
}

/**
 * Every stated quantity in `text`, in document order. `offset` is where `raw`
 * starts; `year` is the year the figure belongs to when the text says so.
 */
export function extractMetrics(text: string, years: DocumentYears): Metric[] {
  const dict = metricsDictionary();
  const idioms = idiomSpans(text, dict);
  const sections = sectionYears(text, years);
  const found: Found[] = [];
  // subject of the last non-period metric and its sentence, for figures whose
  // own clause names nothing (增产74亿斤 after 粮食产量1.37万亿斤)
  let lastSubject: { subject: string; sentence: number } | null = null;
  let lastEnd = 0;
  // where the last figure's number (with a bound word before it) starts
  let lastStart = 0;
  let pos = 0;
  while (pos < text.length) {
    // every number readNumber reads starts with a digit or a Chinese numeral
    NUMBER_START.lastIndex = pos;
    if (!NUMBER_START.test(text)) break;
    pos = NUMBER_START.lastIndex - 1;
    const num = readNumber(text, pos);
    if (!num) { pos++; continue; }
    const c = readTail(text, num, dict);
    if (!c || rejection(text, c, dict, idioms)) {
      pos = Math.max(num.end, pos + 1);
      continue;
    }
    const pb = prefixBound(text, c, dict);
    const clause = clauseStart(text, num.start);
    const within = withinSpan(text, c, clause, pb, dict);
    const bound: Bound | null = (within === null ? c.suffixBound : null) ?? pb.bound ?? (c.approx || c.trailingApprox ? '~' : null);
    const sentence = sentenceStart(text, num.start);
    const raw = text.slice(num.start, c.rawEnd);
    const period = within !== null || isPeriod(text, c, clause, dict);
    // 固定资产投资增长创七年来新高: a look-back period dates the record, it is no difference
    const lookBack = period && /^(?:来|以来)/.test(text.slice(c.end, c.end + 2));
    let change = lookBack ? null
      : changeFrom(text.slice(clause, pb.start), dict) ?? comparativeChange(text.slice(clause, pb.start), dict);
    let from = Math.max(clause, lastEnd);
    // 1.4万亿斤新台阶、亩产提升10.1斤: what runs on from the last figure up to 、 is that figure's
    if (lastEnd > clause) {
      const comma = text.indexOf('、', from);
      if (comma > from && comma < pb.start) from = comma + 1;
    }
    const lead = text.slice(from, pb.start);
    const before = trimBefore(lead, dict);
    // 累计扩招413万人、培训8300多万人次: a change verb right before the figure before is
    // that figure's own; an item with words of its own does not take it (新增A 41家、B 1家 does)
    if (change !== null && lastEnd > clause && text[lastEnd] === '、' && before
      && changeFrom(lead, dict) === null && cueEndsAt(text.slice(clause, lastStart), dict)) change = null;
    let subject: string | null;
    if (period) {
      subject = periodSubject(text, c, before, lead, raw, within, dict);
    } else {
      const own = before && !dict.comparisonHeads.some((w) => before.startsWith(w)) ? before : null;
      // 其中百分之十九是长者住户 names what the share is; 增产74亿斤 after 粮食产量… takes the
      // last figure's subject in its sentence
      // 土地承包到期后再延长30年试点: the duration belongs to what precedes the verb, not to the 试点
      const verb = dict.periodUnits.includes(c.unit) ? dict.durationVerbs.find((w) => lead.endsWith(w)) : undefined;
      const durationOf = verb ? trimBefore(lead.slice(0, -verb.length), dict).replace(/^的/, '') || null : null;
      const counted = !derivedWords(dict).uncountedUnits.has(c.unit);
      const objectAfter = phraseAfter(text, c.end, dict, true, counted);
      // 提升22个国考断面…水质, 提高1200万中小学教师待遇: the verb raises a quality of the things
      // counted, so the count is no difference
      // (提升11个位次 moves up a ranking: steps are the difference)
      if (change === 'increase' && objectAfter !== null && !dict.amountUnits.includes(c.unit) && !dict.rankSteps.includes(objectAfter)
        && wordAtEnd(lead, dict.qualityRaiseVerbs) !== null) change = null;
      subject = durationOf ?? objectAfter ?? own ?? shareIs(text, c, dict);
      if (subject === null && lastSubject && lastSubject.sentence === sentence) subject = lastSubject.subject;
      subject ??= previousClause(text, clause, dict) ?? (before || null);
      if (subject) lastSubject = { subject, sentence };
    }
    const section = sections.findLast((x) => x.offset <= num.start);
    found.push({
      metric: {
        raw, value: c.value, value_max: c.valueMax, unit: c.unit, subject, change, bound,
        year: yearFor(text, num.start, years, section?.year ?? null), offset: num.start,
      },
      period, clause, sentence, lead, before, end: c.end,
      prefixBound: c.suffixBound === null && pb.bound !== null,
    });
    // a period inside a clause (较五年前下降) does not cut the phrase before the next figure
    if (!period) {
      lastEnd = c.end;
      lastStart = pb.start;
    }
    pos = c.end;
  }
  distributeLists(found, dict);
  continueLists(found, text, dict);
  return found.map((f) => f.metric);
}

/** 其中百分之十九是长者住户: what a share is, when a noun phrase (not …的) follows its 是. */
function shareIs(text: string, c: Candidate, dict: MetricsDictionary): string | null {
  if (c.unit !== '%' || text[c.end] !== '是') return null;
  const what = phraseAfter(text, c.end + 1, dict);
  return what !== null && !what.endsWith('的') ? what : null;
}

/**
 * 三年内给予减免, 5年内新增融资支持: a period with 内 after it is the span something is done in,
 * as 近三年 is the span looked back on; its 内 (returned) is no ≤ bound. 缩短至3年以内 and
 * 控制在6个月内 set a level, which keeps it.
 */
function withinSpan(text: string, c: Candidate, clause: number, pb: { bound: Bound | null; start: number }, dict: MetricsDictionary): string | null {
  if (c.suffixBound !== '<=' || !dict.periodUnits.includes(c.unit) || pb.bound !== null) return null;
  const suffix = text.slice(c.rawEnd + (c.trailingApprox ? 1 : 0), c.end);
  if (!dict.withinSuffixes.includes(suffix)) return null;
  return wordAtEnd(text.slice(clause, pb.start), derivedWords(dict).cues) ? null : suffix;
}

/** Durations (连续三年, 五年来, 过去五年) measure time, not an indicator. */
function isPeriod(text: string, c: Candidate, clause: number, dict: MetricsDictionary): boolean {
  if (!dict.periodUnits.includes(c.unit)) return false;
  if (c.num.kind !== 'arabic') return true;
  const around = text.slice(clause, c.num.start) + '|' + text.slice(c.end, c.end + 3);
  // 近 is "the last" before a period, 将近 and 接近 "nearly"
  return /连续|时隔|过去|未来|(?<![将接])近\||\|(?:来|以来|前|时间|的时间)/.test(around);
}

/** A period's subject: the indicator it qualifies (规上工业增加值连续) or its own phrase (五年来). */
function periodSubject(text: string, c: Candidate, before: string, lead: string, raw: string, within: string | null, dict: MetricsDictionary): string {
  const follow = text.slice(c.end, c.end + 3);
  if (/^的?时间/.test(follow)) return '时间';
  const tail = within ?? follow.match(/^(?:以来|来|前)/)?.[0] ?? '';
  const near = text[c.num.start - 1] === '近' && !/[将接]/.test(text[c.num.start - 2] ?? '') ? '近' : '';
  // 败诉率降至近十年最低, 创近六年新高, 特别是近三年: "the last N years" after a verb is the
  // span a record is set in; it qualifies no noun before the verb
  if (near && (wordAtEnd(lead, derivedWords(dict).cues) || wordAtEnd(lead, dict.recordVerbs))) return near + raw + tail;
  // 私营工业的产值在五年内将…, 我提出要在十年内…: what comes before a span things are done in is
  // the doer, not an indicator the span measures
  if (within) return near + raw + tail;
  const own = trimPeriodAdverbs(before, dict);
  // 经历三年新冠疫情冲击, 经过30多年改革开放: what the period was lived through is what follows
  if (dict.enduringVerbs.includes(own)) return phraseAfter(text, c.end, dict) ?? raw;
  // 在未来五年, 会在未来十年: a lone preposition or auxiliary names nothing; the period's own phrase does
  if (own && [...own].length >= 2 && !/[比较和、与]$/.test(lead) && !/^[一二三四五六七八九十]+、/.test(own)) return own;
  return near + raw + tail;
}

/**
 * 分别 lists: 基础设施、制造业投资分别增长9.4%、9.1% gives each figure its own
 * item; 分别增长58%、34% after two counts gives them the counts' subjects.
 */
function distributeLists(found: Found[], dict: MetricsDictionary): void {
  for (let i = 0; i < found.length; i++) {
    const first = found[i]!;
    // 实际增长9.8%和8.5% after two figures: a list with no subject of its own shares out like 分别
    const joined = /^[、和及与]$/.test(first.lead.replace(/\s/g, ''));
    if (first.period || joined || !(/分别/.test(first.lead) || first.before === '')) continue;
    const group = [first];
    for (let j = i + 1; j < found.length; j++) {
      const f = found[j]!;
      if (f.clause !== first.clause || !/^[、和及与]$/.test(f.lead.replace(/\s/g, ''))) break;
      group.push(f);
    }
    if (group.length < 2) continue;
    // 分别突破1000亿元、2000亿元: the bound written before the first figure holds for all
    if (first.metric.bound !== null && first.prefixBound) {
      for (const f of group.slice(1)) if (f.metric.bound === null) f.metric.bound = first.metric.bound;
    }
    let items = first.before.replace(/分别.*$/, '').split(/[、和及与]/).filter((x) => x.length > 0);
    // 城乡居民人均可支配收入分别…, 三次产业分别…: a contraction names all items at once
    if (items.length === 1 && group.length >= 2) items = expandContraction(items[0]!, dict) ?? items;
    if (items.length === group.length) {
      items = completeShortItems(items);
      group.forEach((f, k) => { f.metric.subject = items[k] ?? f.metric.subject; });
      continue;
    }
    if (first.before === '') {
      const earlier = found.slice(0, i).filter((f) => f.sentence === first.sentence && !f.period && f.metric.subject);
      if (earlier.length >= group.length) {
        const subjects = earlier.slice(-group.length).map((f) => f.metric.subject);
        group.forEach((f, k) => { f.metric.subject = subjects[k] ?? f.metric.subject; });
      }
    }
  }
}

/**
 * 一、二、三产业增加值 and 第一、二、三产业: items of one character share the
 * last item's noun (第一产业增加值, 第二产业增加值, 第三产业增加值).
 */
function completeShortItems(items: string[]): string[] {
  const prefix = items[0]!.startsWith('第') ? '第' : '';
  const heads = items.map((x, k) => (k === 0 ? x.slice(prefix.length) : x));
  const last = [...heads.at(-1)!];
  if (last.length < 2 || !heads.slice(0, -1).every((x) => [...x].length === 1)) return items;
  const noun = last.slice(1).join('');
  return heads.map((x, k) => prefix + (k === heads.length - 1 ? x : x + noun));
}

/**
 * 新增A 41家、B 1家,C 6个、D 11家: a list of counts that goes on after a comma
 * with no verb of its own keeps the change of the list it continues.
 */
function continueLists(found: Found[], text: string, dict: MetricsDictionary): void {
  const groups: Found[][] = [];
  for (const f of found) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.clause === f.clause) last.push(f);
    else groups.push([f]);
  }
  for (let i = 1; i < groups.length; i++) {
    const a = groups[i - 1]!;
    const b = groups[i]!;
    const head = a[0]!.metric.change;
    if (head === null || a.length < 2 || b.length < 2 || b[0]!.sentence !== a[0]!.sentence) continue;
    if (text.slice(a[a.length - 1]!.end, b[0]!.clause).replace(/[,，]/, '') !== '') continue;
    // counts of things only: a share or an amount after the comma is a new statement
    const counts = (g: Found[]): boolean => g.every((f) => !f.period && !dict.amountUnits.includes(f.metric.unit));
    const plain = counts(a) && counts(b) && b.every((f) => f.metric.change === null && !hasCue(f.lead, dict));
    if (plain) for (const f of b) f.metric.change = head;
  }
}

/** Whether `context` ends in a change word (了 after it allowed): the verb of the figure that follows. */
function cueEndsAt(context: string, dict: MetricsDictionary): boolean {
  return wordAtEnd(context, derivedWords(dict).longChanges) !== null;
}

/** Whether a change or level word occurs in `context`. */
function hasCue(context: string, dict: MetricsDictionary): boolean {
  return derivedWords(dict).cues.some((w) => w.length > 1 && context.includes(w));
}

/** 城乡居民收入 → [城镇居民收入, 农村居民收入], or null when the phrase starts with no known contraction. */
function expandContraction(phrase: string, dict: MetricsDictionary): string[] | null {
  for (const [short, parts] of Object.entries(dict.pairedContractions)) {
    if (phrase.startsWith(short)) return parts.map((p) => p + phrase.slice(short.length));
  }
  return null;
}

function trimPeriodAdverbs(before: string, dict: MetricsDictionary): string {
  let s = before;
  const w = longestBefore(s, s.length, dict.periodAdverbs);
  if (w) s = s.slice(0, s.length - w.length);
  return s.replace(/[、\s]+$/, '');
}

/** The text of the clause before `clause`, trimmed, when it is in the same sentence. */
function previousClause(text: string, clause: number, dict: MetricsDictionary): string | null {
  if (clause === 0 || SENTENCE_END[text.charCodeAt(clause - 1)] === 1) return null;
  const start = clauseStart(text, clause - 1);
  const s = trimBefore(text.slice(start, clause - 1), dict);
  return s || null;
}
