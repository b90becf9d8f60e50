// Named programmes and numeric slogans (see ../shared/spec/extraction.md,
// "Initiative"). A quotation becomes an initiative when a type word follows
// or ends it (“三名”战略, “强基工程”), when it is a numeric slogan (“四优先”,
// “三合理一规范”, “11235”) or a "+" formula (“互联网+”); unquoted, only
// numeral + 大/项 + head (五大中心, 八项规定) and numeral + character + 活动
// (五进活动) are taken. Everything else quoted - metaphors, honours, problems,
// slogans without a name - is left out. The components of a numeric slogan
// are read from the enumeration the document gives next to any mention.
import type { Initiative, InitiativeGroup } from '../model.js';
import { loadDictionary } from '../dictionaries.js';
import { parseChineseNumeral } from './numerals.js';

interface InitiativeTable {
  typeWords: string[];
  endingOnlyTypeWords: string[];
  endingTypeMinPrefix: Record<string, number>;
  tailMaxPrefix: number;
  tailBlockers: string[];
  nonInitiativeTails: string[];
  problemTailsKeptForCompoundCodes: string[];
  categoryTails: string[];
  runHonourCues: string[];
  numeralChars: string;
  countClassifiers: string[];
  numericIdioms: string[];
  measureStarts: string[];
  wordsWithNumerals: string[];
  streakMarkers: string[];
  frameCode: { first: string; second: string[] };
  maxCountValue: number;
  plusFormulaMaxLength: number;
  memberCues: string[];
  leadingListCues: string[];
  leadingFillers: string[];
  unquotedHeads: { 大: string[]; 项: string[]; single: string[] };
  unquotedSingleExcluded: string[];
}

let table: InitiativeTable | null = null;
function dict(): InitiativeTable {
  if (!table) {
    const t = loadDictionary<InitiativeTable>('initiatives.json');
    // longest first, so that 主题教育 wins over a shorter word at the same place
    const byLength = (a: string, b: string): number => b.length - a.length;
    table = {
      ...t,
      typeWords: [...t.typeWords].sort(byLength),
      endingOnlyTypeWords: [...t.endingOnlyTypeWords].sort(byLength),
      memberCues: [...t.memberCues].sort(byLength),
      leadingListCues: [...t.leadingListCues].sort(byLength),
      leadingFillers: [...t.leadingFillers].sort(byLength),
    };
  }
  return table;
}

// ---------------------------------------------------------------- identity

const KEY_STRIP = /[\s"“”「」『』'‘’()（）,，。、;；:：!！?？·\-—]/g;

export function initiativeKey(name: string): string {
  return name.normalize('NFKC').replace(KEY_STRIP, '').replace(/的/g, '');
}

// ---------------------------------------------------------------- numeric codes

interface CodePart {
  numeral: string;
  value: number | null;
  word: string;
}

interface Code {
  code: string;
  parts: CodePart[];
  /** Arabic digit string such as 11235: counts come from the digits, but only once the groups are found */
  arabic: boolean;
  /** the content is nothing but the slogan (四优先, 三合理一规范), not a name with a numeral in it */
  slogan: boolean;
  expected: number | null;
}

const CANONICAL_NUMERAL = /^(?:[一二两三四五六七八九十双]|十[一二三四五六七八九]|[二三四五六七八九]十[一二三四五六七八九]?)$/;

function numeralValue(run: string): number | null {
  if (run === '双') return 2;
  if (/[百千万]/.test(run)) return parseChineseNumeral(run);
  if (!CANONICAL_NUMERAL.test(run)) return null; // 十四五, 九二: ordinals and labels, not counts
  return parseChineseNumeral(run);
}

function isNumeral(ch: string): boolean {
  return dict().numeralChars.includes(ch);
}

/** Splits 三合理一规范 into 三|合理, 一|规范; null when the text does not start with a numeral. */
function splitParts(s: string): CodePart[] | null {
  const compact = s.replace(/[、,，·\s]/g, '');
  if (compact.length === 0 || !isNumeral(compact[0]!)) return null;
  const parts: CodePart[] = [];
  let i = 0;
  // 统一 in 六统一 is the word, not a second numeral
  const wordAt = (k: number, inWord: boolean): string | undefined =>
    dict().wordsWithNumerals.find((w) => compact.startsWith(w, k) && (inWord || !isNumeral(w[0]!)));
  while (i < compact.length) {
    let numeral = '';
    while (i < compact.length && isNumeral(compact[i]!)) numeral += compact[i++];
    let word = '';
    while (i < compact.length) {
      const w = wordAt(i, word.length > 0);
      if (w) {
        word += w;
        i += w.length;
      } else if (!isNumeral(compact[i]!)) {
        word += compact[i++];
      } else {
        break;
      }
    }
    parts.push({ numeral, value: numeralValue(numeral), word });
  }
  return parts;
}

function expectedFromParts(parts: CodePart[]): number | null {
  const d = dict();
  const [first, second] = parts;
  // 一国两制, 一岗双责, 一院两区: the 一 is the frame the others belong to
  if (parts.length === 2 && first && second && first.numeral === d.frameCode.first &&
      first.word.length === 1 && d.frameCode.second.includes(second.numeral)) return null;
  let sum = 0;
  for (const p of parts) {
    if (p.value === null || p.value > d.maxCountValue || p.word.length === 0) return null;
    sum += p.value;
  }
  return sum;
}

function isIdiom(s: string): boolean {
  return dict().numericIdioms.some((w) => s.startsWith(w));
}

/** The numeric code of a quotation or name, if it has one. */
export function parseCode(content: string): Code | null {
  const d = dict();
  const s = content.trim();
  const arabic = /^(\d+(?:\+[0-9A-Za-z]+)*[A-Za-z]*)/.exec(s);
  if (arabic) {
    const code = arabic[1]!;
    return { code, parts: [], arabic: /^\d{2,}$/.test(code), slogan: code === s, expected: null };
  }
  if (/\d|%/.test(s) || isIdiom(s)) return null;
  const parts = splitParts(s);
  if (parts) {
    const first = parts[0]!;
    if (d.streakMarkers.some((m) => first.word.startsWith(m))) return null; // 三连冠, 十八连丰
    // 三大攻坚战三年行动: a later numeral that counts time ends the slogan
    const timed = parts.slice(1).some((p) => d.measureStarts.includes(p.word[0] ?? ''));
    const short = !timed && (parts.length === 1 ? first.word.length <= 6 : parts.length <= 4 && parts.every((p) => p.word.length >= 1 && p.word.length <= 4));
    // 一排底线 is "a row of", not a one-item slogan; 九二共识, 十四五 are labels, not counts
    const counts = parts.every((p) => p.value !== null) && !(parts.length === 1 && first.value === 1);
    if (short && counts && first.word.length > 0) {
      return { code: s, parts, arabic: false, slogan: true, expected: expectedFromParts(parts) };
    }
    // a name that opens with a count: 十万名技能人才梯次培育工程 -> 十万名
    const cls = d.countClassifiers.find((c) => first.word.startsWith(c));
    const code = first.numeral + (cls ?? '');
    const value = first.value;
    return {
      code, parts: [{ numeral: first.numeral, value, word: cls ?? '' }], arabic: false, slogan: false,
      expected: cls && value !== null && value <= d.maxCountValue ? value : null,
    };
  }
  // a count inside the name: 首都十大疾病科技成果推广项目
  const numerals = d.numeralChars.replace('双', '');
  const inner = new RegExp(`([${numerals}]+)(${d.countClassifiers.join('|')})`).exec(s);
  if (inner && ['大', '项', '个'].includes(inner[2]!)) {
    const value = numeralValue(inner[1]!);
    if (value !== null && value <= d.maxCountValue) {
      return { code: inner[1]! + inner[2]!, parts: [{ numeral: inner[1]!, value, word: inner[2]! }], arabic: false, slogan: false, expected: value };
    }
  }
  return null;
}

// ---------------------------------------------------------------- quotations

interface Quote {
  content: string;
  /** offset of the opening mark */
  start: number;
  /** offset just after the closing mark */
  end: number;
}

function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  const patterns = [/[“「『]([^“”「」『』"\n]{1,60})[”」』]/g, /"([^"“”\n]{1,40})"/g];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      quotes.push({ content: m[1]!.trim(), start: m.index, end: m.index + m[0].length });
    }
  }
  quotes.sort((a, b) => a.start - b.start);
  return quotes.filter((q, i) => i === 0 || q.start >= quotes[i - 1]!.end);
}

/** Quotations listed together share what follows them: “乡聘村用”和“县管乡用”机制. */
function groupRuns(quotes: Quote[], text: string): Quote[][] {
  const runs: Quote[][] = [];
  for (const q of quotes) {
    const last = runs.at(-1);
    const prev = last?.at(-1);
    if (last && prev && /^(?:|、|和|与|及|或)$/.test(text.slice(prev.end, q.start).trim())) {
      last.push(q);
    } else {
      runs.push([q]);
    }
  }
  return runs;
}

const TAIL_STOP = /[,，。;；:：!！?？、\n“”「」『』《》()（）"]/;

function readTail(text: string, from: number, max = 16): string {
  const raw = text.slice(from, from + max);
  const stop = raw.search(TAIL_STOP);
  return stop < 0 ? raw : raw.slice(0, stop);
}

interface TailType {
  /** words between the name and its type word (安全 in “四零”安全目标) */
  prefix: string;
  type: string;
  /** characters of the tail used, including a leading 的 */
  length: number;
}

function typeWordAt(s: string, i: number): string | undefined {
  return dict().typeWords.find((w) => s.startsWith(w, i));
}

/** The type word that names the quotation before `tail`, if any. */
function matchTailType(tail: string): TailType | null {
  const d = dict();
  const lead = tail.startsWith('的') ? 1 : 0;
  const body = tail.slice(lead);
  for (let i = 0; i <= Math.min(d.tailMaxPrefix, body.length - 1); i++) {
    const w = typeWordAt(body, i);
    if (!w) continue;
    const prefix = body.slice(0, i);
    if (d.tailBlockers.some((b) => prefix.includes(b))) return null;
    if (/[^\u4e00-\u9fff0-9A-Za-z]/.test(prefix)) return null;
    // 闭环管理体系: type words written together make one
    let type = w;
    let j = i + w.length;
    for (let next = typeWordAt(body, j); next; next = typeWordAt(body, j)) {
      type += next;
      j += next.length;
    }
    return { prefix, type, length: lead + j };
  }
  return null;
}

/** The type word a quotation ends with (强基工程, 管理质量提升年, 无废城市). */
function endingType(content: string): string | null {
  const d = dict();
  if (d.tailBlockers.some((b) => content.startsWith(b))) return null; // “以病人为中心” is a motto
  for (const w of [...d.typeWords, ...d.endingOnlyTypeWords]) {
    if (!content.endsWith(w)) continue;
    const before = content.slice(0, -w.length);
    const min = d.endingTypeMinPrefix[w] ?? 2;
    if ([...before].length < min) continue;
    if (w === '年' && /[\d一二三四五六七八九十〇零xX]$/.test(before)) continue; // 2022年, 十年
    return w;
  }
  return null;
}

function rejectedByTail(tail: string, code: Code | null): boolean {
  const d = dict();
  const body = tail.replace(/^的/, '');
  const compound = code !== null && code.slogan && code.parts.length >= 2;
  if (d.nonInitiativeTails.some((w) => body.startsWith(w))) {
    return !(compound && d.problemTailsKeptForCompoundCodes.some((w) => body.startsWith(w)));
  }
  if (code?.slogan && d.categoryTails.some((w) => body.startsWith(w))) return true; // “三公”经费, “四上”企业
  return d.runHonourCues.some((w) => tail.includes(w));
}

function isPlusFormula(content: string): boolean {
  return content.includes('+') && [...content].length <= dict().plusFormulaMaxLength;
}

// ---------------------------------------------------------------- mentions

interface Mention {
  /** identity of the entity: the quotation, or the unquoted name */
  core: string;
  name: string;
  type: string | null;
  code: Code | null;
  /** where the mention starts (opening quote or first character) */
  start: number;
  /** where the core's text starts and ends */
  coreStart: number;
  coreEnd: number;
  /** end of the whole mention, type word included */
  end: number;
}

/** An unquoted occurrence of the quotation followed by a type word: 锦城名医活动. */
function typeFromRecurrence(text: string, q: Quote): TailType | null {
  if ([...q.content].length < 4) return null; // short words recur inside other words (“新” in 创新管理)
  for (let i = text.indexOf(q.content); i >= 0; i = text.indexOf(q.content, i + 1)) {
    const after = i + q.content.length;
    if (i - 1 === q.start || /[”」』"]/.test(text[after] ?? '')) continue;
    const t = matchTailType(readTail(text, after));
    if (t && t.prefix === '') return t;
  }
  return null;
}

function quotedMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const run of groupRuns(findQuotes(text), text)) {
    const runEnd = run.at(-1)!.end;
    const tail = readTail(text, runEnd);
    const tailType = matchTailType(tail);
    for (const q of run) {
      const c = q.content;
      // single characters are metaphors (“根”, “魂”); 以…为… is a motto; figures with units describe, not name
      if ([...c].length < 2 || [...c].length > 40 || /[xX]{2,}|…|\.\.\./.test(c)) continue;
      if (/^以.+为/.test(c) || /\d+[个家所名人次项条座]/.test(c)) continue;
      const code = parseCode(c);
      if (rejectedByTail(tail, code)) continue;
      const own = endingType(c);
      let name = c;
      let type: string | null = own;
      let end = q.end;
      // the tail's type word heads the name when words stand between: “医保-临床-管理”三方联动机制
      if (tailType && (!own || tailType.prefix !== '')) {
        name = c + tailType.prefix + tailType.type;
        type = tailType.type;
        if (q === run.at(-1)) end = runEnd + tailType.length;
      } else if (!own && !(code?.slogan && !code.arabic) && !isPlusFormula(c)) {
        // a bare number (“12345” hotline) needs a type word to be a programme
        const again = typeFromRecurrence(text, q);
        if (!again) continue;
        name = c + again.type;
        type = again.type;
      }
      // the numeral may sit between the quotation and the type word: “医保-临床-管理”三方联动机制
      const tailCode = !code && tailType ? parseCode(tailType.prefix) : null;
      mentions.push({
        core: c, name, type, code: code ?? (tailCode ? { ...tailCode, slogan: false } : null),
        start: q.start, coreStart: q.start + 1, coreEnd: q.end - 1, end,
      });
    }
  }
  return mentions;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unquotedMentions(text: string): Mention[] {
  const d = dict();
  const num = '一二两三四五六七八九十';
  const big = d.unquotedHeads.大.map(escapeRe).join('|');
  const item = d.unquotedHeads.项.map(escapeRe).join('|');
  const single = d.unquotedHeads.single.map(escapeRe).join('|');
  const excluded = new Set(d.unquotedSingleExcluded);
  const patterns = [
    new RegExp(`(?<![${num}第每各几这那])([${num}]大[\\u4e00-\\u9fff]{0,6}?(?:${big}))`, 'g'),
    new RegExp(`(?<![${num}第每各几这那])([${num}]项(?:${item}))`, 'g'),
    new RegExp(`(?<![${num}第每各几这那])([${num}双][\\u4e00-\\u9fff](?:${single}))`, 'g'),
  ];
  const mentions: Mention[] = [];
  for (const [k, re] of patterns.entries()) {
    for (const m of text.matchAll(re)) {
      const s = m[1]!;
      if (k === 2 && excluded.has(s[1]!)) continue;
      if (text[m.index - 1] === '“' || text[m.index - 1] === '「') continue; // quoted: seen already
      const code = parseCode(s);
      if (!code || code.expected === null) continue;
      const type = d.typeWords.find((w) => s.endsWith(w)) ?? null;
      // the category a 等-list gives the slogan: 肿瘤、微创介入…等临床服务五大中心
      const modifier = /等([\u4e00-\u9fff]{2,4})$/.exec(text.slice(Math.max(0, m.index - 6), m.index));
      const core = (modifier ? modifier[1]! : '') + (k === 2 ? s.slice(0, 2) : s);
      const start = m.index - (modifier ? modifier[1]!.length : 0);
      mentions.push({
        core, name: core + (k === 2 ? s.slice(2) : ''), type, code: { ...code, slogan: true },
        start, coreStart: start, coreEnd: m.index + s.length, end: m.index + s.length,
      });
    }
  }
  return mentions;
}

// ---------------------------------------------------------------- members

function stripLeadingFillers(s: string): string {
  let out = s;
  for (let again = true; again;) {
    again = false;
    for (const f of dict().leadingFillers) {
      if (out.startsWith(f) && [...out].length - f.length >= 2) {
        out = out.slice(f.length);
        again = true;
        break;
      }
    }
  }
  return out;
}

function stripTrailing(s: string): string {
  let out = s.replace(/等+$/, '');
  for (const w of dict().nonInitiativeTails) {
    if (out.endsWith(w) && out.length - w.length >= 2) out = out.slice(0, -w.length);
  }
  return out;
}

/** A 、-list, with 和/及 splitting its last item: 组织建设和作风建设. */
function splitList(s: string, separators = /[、,，;；]/): string[] {
  const items = s.split(separators).map((x) => x.trim()).filter((x) => x.length > 0);
  const last = items.at(-1);
  if (last && items.length >= 2) {
    const m = /^(.{2,}?)(?:和|及|以及|与)(.{2,})$/.exec(last);
    if (m && !/^和谐/.test(last)) items.splice(items.length - 1, 1, m[1]!, m[2]!);
  }
  if (items.length) items[items.length - 1] = stripTrailing(items.at(-1)!);
  return items;
}

/** The first item of a list often carries the clause's verb: 加快推进肿瘤、微创介入 -> 肿瘤. */
function alignFirst(items: string[]): string[] {
  if (items.length < 2) return items;
  const rest = items.slice(1);
  let first = items[0]!;
  const initials = new Set(rest.map((x) => x[0]));
  const shared = initials.size === 1 ? [...initials][0]! : null;
  if (shared && !first.startsWith(shared)) {
    const at = first.lastIndexOf(shared);
    if (at > 0 && first.length - at >= 2) first = first.slice(at);
  }
  const minRest = Math.min(...rest.map((x) => x.length));
  if (first.length > minRest) first = stripLeadingFillers(first);
  const maxRest = Math.max(...rest.map((x) => x.length));
  if (first.length > maxRest) first = first.slice(first.length - maxRest);
  return [first, ...rest];
}

function plausible(items: string[]): boolean {
  return items.length >= 2 && items.every((x) => x.length >= 1 && x.length <= 24);
}

interface Decoded {
  members: string[];
  groups: InitiativeGroup[];
}

function wordsOf(code: Code): string[] {
  const cls = dict().countClassifiers;
  return code.parts.map((p) => {
    let w = p.word;
    while (w.length > 1 && cls.includes(w[0]!)) w = w.slice(1);
    return w;
  }).filter((w) => w.length > 0);
}

/** Distributes items over the parts of a compound code by the part's word (合理 / 规范). */
function groupByWords(items: string[], code: Code): InitiativeGroup[] {
  if (code.parts.length < 2) return [];
  const groups = code.parts.map((p) => ({ label: p.numeral + p.word, count: p.value ?? 0, items: [] as string[] }));
  for (const it of items) {
    const k = code.parts.findIndex((p) => p.word.length > 0 && [...p.word].some((ch) => it.includes(ch)));
    if (k < 0) return [];
    groups[k]!.items.push(it);
  }
  return groups.every((g) => g.items.length === g.count) ? groups : [];
}

/**
 * Whether a list spells out the code: every part's word shows in the items
 * (合理 and 规范 for 三合理一规范), and for a one-part code in most of them
 * (保 in 保居民就业、保基本民生…, which 六稳 beside it does not own).
 */
function fitsCode(items: string[], code: Code): boolean {
  const words = wordsOf(code);
  if (words.length === 0) return false;
  if (words.length === 1) {
    const w = words[0]!;
    return items.filter((it) => it.includes(w)).length * 2 >= items.length;
  }
  return words.every((w) => items.some((it) => it.includes(w)));
}

const LABEL = /^(.{0,8}?([一二两三四五六七八九十\d]+)[个项大条名点类方]?[\u4e00-\u9fff]{0,6})[:：](.+)$/;

/** 即围绕一个中心:以病人为中心;抓住一个核心:…;实现两项创新:管理和服务创新。突出三个重点:… */
function labelledGroups(after: string): InitiativeGroup[] {
  const d = dict();
  let s = after.replace(/^[,，\s]*/, '');
  const cue = d.memberCues.find((c) => s.startsWith(c));
  if (cue) s = s.slice(cue.length).replace(/^[:：]/, '');
  const groups: InitiativeGroup[] = [];
  for (const seg of s.split('\n')[0]!.split(/[;；。]/)) {
    const m = LABEL.exec(seg.trim());
    if (!m) break;
    const count = /\d/.test(m[2]!) ? Number(m[2]) : numeralValue(m[2]!);
    if (count === null) break;
    let items = splitList(m[3]!);
    if (items.length === 1 && count === 2) {
      // 管理和服务创新 -> 管理创新, 服务创新
      const p = /^(.+?)(?:和|及|与)(.+)$/.exec(items[0]!);
      if (p && p[1]!.length < p[2]!.length) items = [p[1]! + p[2]!.slice(p[1]!.length), p[2]!];
    }
    groups.push({ label: m[1]!, count, items });
  }
  return groups.length >= 2 ? groups : [];
}

function cueList(after: string): string[] {
  const d = dict();
  const s = after.replace(/^[,，\s]*/, '');
  const cue = d.memberCues.find((c) => s.startsWith(c)) ?? (/^[:：]/.test(s) ? ':' : null);
  if (!cue) return [];
  const body = s.slice(cue.length).replace(/^[:：\s]*/, '');
  const clause = body.split(/[,，。;；\n]/)[0] ?? '';
  const items = splitList(clause);
  return plausible(items) ? items : [];
}

/** “A、B、C”的“code”, 以“A、B”为内容的“code”, or an unquoted A、B、C的“code”. */
function leadingList(before: string): string[] {
  const d = dict();
  for (const cue of d.leadingListCues) {
    if (!before.endsWith(cue)) continue;
    const head = before.slice(0, -cue.length);
    const quoted = /[“「]([^“”「」]{2,200})[”」]$/.exec(head);
    const raw = quoted ? quoted[1]! : /([^,，。;；:：!?！？\n“”「」]{4,160})$/.exec(head)?.[1];
    if (!raw) continue;
    const items = quoted ? splitList(raw) : alignFirst(splitList(raw, /[、]/));
    if (plausible(items)) return items;
  }
  return [];
}

/** A、B、C等“code”: the list the 等 closes. */
function etcList(before: string): string[] {
  const m = /([^,，。;；:：!?！？\n“”「」]{2,160})等$/.exec(before);
  if (!m) return [];
  const items = alignFirst(splitList(m[1]!, /[、]/));
  return plausible(items) ? items : [];
}

/** The clauses after the mention: the list whose size (or sizes, for a compound code) fits. */
function followingLists(after: string, code: Code): Decoded | null {
  if (code.expected === null) return null;
  const sentences = after.split('\n')[0]!.split('。');
  const window = sentences.slice(0, 2).join('。');
  const clauses = window.split(/[,，;；:：。]/).slice(0, 8).map((c) => {
    // a clause naming the code again belongs to that mention: …等临床服务五大中心建设
    if (c.includes(code.code) || !c.includes('、')) return [];
    return alignFirst(splitList(c.replace(/等.*$/, ''), /[、]/));
  });
  for (let i = 0; i < clauses.length; i++) {
    const items = clauses[i]!;
    if (items.length === code.expected && plausible(items) && fitsCode(items, code)) {
      return { members: items, groups: groupByWords(items, code) };
    }
    // two-part codes spelled out clause by clause: 不愁吃、不愁穿, 义务教育、基本医疗、住房安全有保障
    if (code.parts.length >= 2 && i + code.parts.length <= clauses.length) {
      const run = clauses.slice(i, i + code.parts.length);
      if (run.every((c, k) => c.length >= 2 && c.length === code.parts[k]!.value) && fitsCode(run.flat(), code)) {
        const groups = run.map((c, k) => ({ label: code.parts[k]!.numeral + code.parts[k]!.word, count: c.length, items: c }));
        return { members: run.flat(), groups };
      }
    }
  }
  return null;
}

/** X中心、Y中心、Z中心 in the same paragraph, for a slogan named by its head word. */
function headList(paragraph: string, head: string): string[] {
  const re = new RegExp(`([\\u4e00-\\u9fff]{1,8}${head}(?:、[\\u4e00-\\u9fff]{1,8}${head})+)`, 'g');
  for (const m of paragraph.matchAll(re)) {
    const items = alignFirst(m[1]!.split('、'));
    if (plausible(items)) return items;
  }
  return [];
}

function paragraphAround(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at) + 1;
  const to = text.indexOf('\n', at);
  return text.slice(from, to < 0 ? text.length : to);
}

function decode(text: string, m: Mention): Decoded {
  const after = text.slice(m.end, m.end + 400);
  const before = text.slice(Math.max(0, m.start - 240), m.start);
  const code = m.code;
  // the name spells out its parts: 党建领院、人才立院…发展战略, 制度-执行-评价-改进
  const spelled = code?.slogan ? [] : m.core.split(/[、,，;；\-—]/).map((x) => x.trim()).filter(Boolean);
  if (spelled.length >= 2) return { members: spelled, groups: [] };
  if (!code) return { members: cueList(after), groups: [] };
  const groups = labelledGroups(after);
  if (groups.length) return { members: groups.flatMap((g) => g.items), groups };
  for (const items of [cueList(after), leadingList(before), etcList(before)]) {
    if (items.length) return { members: items, groups: groupByWords(items, code) };
  }
  const following = followingLists(after, code);
  if (following) return following;
  const head = m.type && m.core.endsWith(m.type) ? m.type : null;
  if (head) {
    const items = headList(paragraphAround(text, m.start), head).filter((x) => !m.core.endsWith(x));
    if (items.length >= 2) return { members: items, groups: [] };
  }
  return { members: [], groups: [] };
}

// ---------------------------------------------------------------- entities

export function extractInitiatives(text: string): Initiative[] {
  const mentions = [...quotedMentions(text), ...unquotedMentions(text)].sort((a, b) => a.start - b.start);
  const byKey = new Map<string, { init: Initiative; code: Code | null }>();
  for (const m of mentions) {
    const key = initiativeKey(m.core);
    if (!key) continue;
    const decoded = decode(text, m);
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        code: m.code,
        init: {
          name: m.name, code: m.code?.code ?? null, type: m.type, members: [], groups: [],
          expected_count: null, consistent: null, offset: m.start,
        },
      };
      byKey.set(key, entry);
    } else if (!entry.init.type && m.type) {
      entry.init.name = m.name;
      entry.init.type = m.type;
    }
    for (const x of decoded.members) if (!entry.init.members.includes(x)) entry.init.members.push(x);
    if (!entry.init.groups.length && decoded.groups.length) entry.init.groups = decoded.groups;
  }
  const out: Initiative[] = [];
  for (const { init, code } of byKey.values()) {
    if (code?.arabic) {
      // 11235 counts 1+1+2+3+5 only when the document spells the five groups out
      const digits = [...code.code].map(Number);
      const counts = init.groups.map((g) => g.count);
      init.expected_count = counts.length === digits.length && counts.every((c, i) => c === digits[i])
        ? digits.reduce((a, b) => a + b, 0) : null;
    } else {
      init.expected_count = code?.expected ?? null;
    }
    init.consistent = init.expected_count === null || init.members.length === 0
      ? null : init.members.length === init.expected_count;
    out.push(init);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
