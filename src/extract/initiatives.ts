// Named programmes and numeric slogans (see ../shared/spec/extraction.md,
// "Initiative"). A quotation becomes an initiative when a type word follows
// or ends it (“三名”战略, “强基工程”), when it is a numeric slogan (“四优先”,
// “三合理一规范”, “11235”) or a "+" formula (“互联网+”); unquoted, only
// numeral + 大/项 + head (五大中心, 八项规定) and numeral + character + 活动
// (五进活动) are taken. Everything else quoted - metaphors, honours, problems,
// slogans without a name - is left out. The components of a numeric slogan
// are read from the enumeration the document gives next to any mention.
import type { Initiative, InitiativeGroup } from '../model.js';
import { escapeRegExp, loadDictionary } from '../dictionaries.js';
import { isCircledNumber, parseChineseNumeral } from './numerals.js';

interface InitiativeTable {
  typeWords: string[];
  endingOnlyTypeWords: string[];
  endingTypeMinPrefix: Record<string, number>;
  tailMaxPrefix: number;
  codeTailMaxPrefix: number;
  serviceNumbers: string[];
  serviceNumberTails: string[];
  tailBlockers: string[];
  nonInitiativeTails: string[];
  problemTailsKeptForCompoundCodes: string[];
  categoryTails: string[];
  categoryTailWeakTypes: string[];
  runHonourCues: string[];
  numeralChars: string;
  countClassifiers: string[];
  eachClassifier: string;
  numericIdioms: string[];
  measureStarts: string[];
  /** time words after a numeral: 三年 is a period, not three members */
  periodWords: string[];
  wordsWithNumerals: string[];
  streakMarkers: string[];
  frameCode: { first: string; second: string[] };
  maxCountValue: number;
  plusFormulaMaxLength: number;
  memberCues: string[];
  leadingListCues: string[];
  leadingFillers: string[];
  prefixlessTailTypes: string[];
  unquotedHeads: { 大: string[]; 项: string[]; single: string[] };
  unquotedSingleExcluded: string[];
  numericPlaceNames: string[];
  honourCuesBefore: string[];
  rejectionCuesBefore: string[];
  brandTailWords: string[];
  bigExcluded: string[];
  middleExcluded: string;
  singleHeads: string[];
  parallelFormula: { length: number; notMiddle: string[] };
  named: NamedTable;
  creation: { verb: string; minRepeats: number; maxTarget: number; notTargets: string[] };
}

interface NamedTable {
  types: string[];
  onceTypes: string[];
  cues: string[];
  boundaryChars: string;
  badAfter: string;
  owners: string[];
  determiners: string[];
  leadingVerbs: string[];
  auxiliaries: string;
  generic: string[];
  genericEnds: string[];
  innerDeterminers: string[];
  continuations: Record<string, string>;
  measureStarts: string;
  constructionEnds: string;
  minCore: number;
  maxScan: number;
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
      singleHeads: [...t.singleHeads].sort(byLength),
      honourCuesBefore: [...t.honourCuesBefore].sort(byLength),
      rejectionCuesBefore: [...t.rejectionCuesBefore].sort(byLength),
      named: {
        ...t.named,
        types: [...t.named.types].sort(byLength),
        cues: [...t.named.cues].sort(byLength),
        owners: [...t.named.owners].sort(byLength),
        determiners: [...t.named.determiners].sort(byLength),
        leadingVerbs: [...t.named.leadingVerbs].sort(byLength),
      },
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
    // 双一流: 一流 is the word counted, not a second numeral
    while (i < compact.length && isNumeral(compact[i]!) && !(numeral && wordAt(i, true))) numeral += compact[i++];
    let word = '';
    while (i < compact.length) {
      const w = wordAt(i, word.length > 0 || numeral.length > 0);
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
  // “7·22鄂州人才周”: a date names the event, it counts nothing
  if (arabic && /^\d{1,2}[·.]\d{1,2}(?!\d)/.test(s)) return null;
  if (arabic) {
    const code = arabic[1]!;
    return { code, parts: [], arabic: /^\d{2,}$/.test(code), slogan: code === s, expected: null };
  }
  if (/\d|%/.test(s) || isIdiom(s)) return null;
  // 三江早春茶, 三峡工程: the numeral belongs to a place name
  if (d.numericPlaceNames.some((p) => s.startsWith(p))) return null;
  const parts = splitParts(s);
  if (parts) {
    const first = parts[0]!;
    if (d.streakMarkers.some((m) => first.word.startsWith(m))) return null; // 三连冠, 十八连丰
    // 四个一, 三个一批: N things each named by what the second numeral starts; N is the count
    // (六个三年行动计划: the second numeral counts time, the name goes on)
    if (parts.length === 2 && first.word === d.eachClassifier && first.value !== null &&
        !d.measureStarts.includes(parts[1]!.word[0] ?? '')) {
      return { code: s, parts: [first], arabic: false, slogan: true, expected: first.value <= d.maxCountValue ? first.value : null };
    }
    // 三大攻坚战三年行动: a later numeral that counts time ends the slogan
    const timed = parts.slice(1).some((p) => d.measureStarts.includes(p.word[0] ?? ''));
    const short = !timed && (parts.length === 1 ? first.word.length <= 6 : parts.length <= 4 && parts.every((p) => p.word.length >= 1 && p.word.length <= 4));
    // counts say 两: a lone 二 is an ordinal (二次创业, 二期工程, 二线口岸), as in the metrics
    if (parts.length === 1 && first.numeral === '二') return null;
    // 一排底线 is "a row of", not a one-item slogan; 九二共识, 十四五 are labels, not counts
    const counts = parts.every((p) => p.value !== null) && !(parts.length === 1 && first.value === 1);
    // 十年禁渔, 三年行动计划: a numeral that counts time gives the slogan's period, not its members
    const period = d.periodWords.some((w) => first.word.startsWith(w));
    if (short && counts && first.word.length > 0) {
      return { code: s, parts, arabic: false, slogan: true, expected: period ? null : expectedFromParts(parts) };
    }
    // 演艺之都三年行动, 东数西算二期工程: a period or a phase inside a name is no code
    if (period || d.measureStarts.includes(first.word[0] ?? '')) return null;
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
function matchTailType(tail: string, maxPrefix = dict().tailMaxPrefix): TailType | null {
  const d = dict();
  const lead = tail.startsWith('的') ? 1 : 0;
  const body = tail.slice(lead);
  for (let i = 0; i <= Math.min(maxPrefix, body.length - 1); i++) {
    const w = typeWordAt(body, i);
    if (!w) continue;
    const prefix = body.slice(0, i);
    if (prefix && d.prefixlessTailTypes.includes(w) && !typeWordAt(body, i + w.length)) continue;
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

function rejectedByTail(tail: string, code: Code | null, far: TailType | null): boolean {
  const d = dict();
  const body = tail.replace(/^的/, '');
  const compound = code !== null && code.slogan && code.parts.length >= 2;
  if (d.nonInitiativeTails.some((w) => body.startsWith(w))) {
    return !(compound && d.problemTailsKeptForCompoundCodes.some((w) => body.startsWith(w)));
  }
  // “三公”经费, “四上”企业 name a category; “8+4”经济政策体系, “五上”企业倍增行动 a programme for it
  if (code?.slogan && d.categoryTails.some((w) => body.startsWith(w))) {
    const t = matchTailType(tail) ?? far;
    if (!t || d.categoryTailWeakTypes.some((w) => t.type.startsWith(w))) return true;
  }
  return d.runHonourCues.some((w) => tail.includes(w));
}

/** The type word a digit code's name ends in, however far: “811”生态文明先行示范行动. */
function farCodeType(text: string, tailStart: number): TailType | null {
  const t = matchTailType(readTail(text, tailStart, 24), dict().codeTailMaxPrefix);
  // a note number folded into the text (“301”线上快贷㉞服务模式) is no part of the name
  return t && !/\d/.test(t.prefix) ? t : null;
}

/** “12345”政务服务热线: the number dials a service line. */
function isServiceNumber(content: string, tail: string): boolean {
  const d = dict();
  return d.serviceNumbers.includes(content) || d.serviceNumberTails.some((w) => tail.includes(w));
}

function isPlusFormula(content: string): boolean {
  return content.includes('+') && [...content].length <= dict().plusFormulaMaxLength;
}

/** 乙类乙管, 小车小团: a coined A-x-A-y formula names the policy it stands for. */
export function isParallelFormula(content: string): boolean {
  const cs = [...content];
  if (cs.length !== dict().parallelFormula.length || !cs.every((c) => /\p{Script=Han}/u.test(c))) return false;
  const [a, x, a2, y] = cs;
  return a === a2 && x !== y && a !== x && a !== y && !isNumeral(a!) && !dict().parallelFormula.notMiddle.includes(x!);
}

/** The clause before a quotation, from the last punctuation on. */
function clauseBefore(text: string, at: number, max = 10): string {
  const raw = text.slice(Math.max(0, at - max), at);
  const stop = Math.max(...[...',，。;；:：!！?？、\n”」』'].map((p) => raw.lastIndexOf(p)));
  return raw.slice(stop + 1);
}

/** 获评“中国最具幸福感城市”: a title won. */
function honouredBefore(before: string): boolean {
  return dict().honourCuesBefore.some((w) => before.includes(w));
}

/** 不能搞“半拉子”工程, 反对“台独”: what the text rejects is not its programme. */
function rejectedBefore(before: string): boolean {
  const b = before.replace(/[了住]$/, '');
  return dict().rejectionCuesBefore.some((w) => b.endsWith(w));
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
    // “五地增绿”⑭行动: a note mark between the quotation and its type word is no part of either
    let tailStart = runEnd;
    while (isCircledNumber(text[tailStart])) tailStart++;
    const tail = readTail(text, tailStart);
    // “揭榜挂帅”等机制: the type word the 等 gives the list
    const etcType = tail.startsWith('等') ? matchTailType(tail.slice(1)) : null;
    const tailType = matchTailType(tail) ?? (etcType && etcType.prefix === '' ? { ...etcType, length: etcType.length + 1 } : null);
    const before = clauseBefore(text, run[0]!.start);
    // “三江早春茶”等柳州茶品牌: a brand, whatever its shape
    const branded = !tailType && dict().brandTailWords.some((w) => tail.includes(w));
    for (const q of run) {
      const c = q.content;
      // single characters are metaphors (“根”, “魂”); 以…为… is a motto; figures with units describe, not name
      if ([...c].length < 2 || [...c].length > 40 || /[xX]{2,}|…|\.\.\./.test(c)) continue;
      if (/^以.+为/.test(c) || /\d+[个家所名人次项条座]/.test(c)) continue;
      const code = parseCode(c);
      const digits = code?.arabic === true && code.slogan && !isServiceNumber(c, tail);
      const far = digits && q === run.at(-1) ? farCodeType(text, tailStart) : null;
      if (branded || rejectedByTail(tail, code, far)) continue;
      if (!code?.slogan && rejectedBefore(before)) continue;
      const own = endingType(c);
      let name = c;
      let type: string | null = own;
      let end = q.end;
      // the tail's type word heads the name when words stand between: “医保-临床-管理”三方联动机制
      if (tailType && (!own || tailType.prefix !== '')) {
        name = c + tailType.prefix + tailType.type;
        type = tailType.type;
        if (q === run.at(-1)) end = tailStart + tailType.length;
      } else if (!own && !(code?.slogan && !code.arabic) && !isPlusFormula(c) && !isParallelFormula(c)) {
        const again = typeFromRecurrence(text, q);
        // a digit code is a numeric slogan whatever noun follows (“1336”总体工作思路), and
        // having no words of its own, its name may run on far (“811”生态文明先行示范行动);
        // a service number (“12345”热线) is a phone line, not a programme
        if (again) {
          name = c + again.type;
          type = again.type;
        } else if (digits && far) {
          name = c + far.prefix + far.type;
          type = far.type;
          end = tailStart + far.length;
        } else if (!digits) {
          continue;
        }
      }
      // a title won keeps its head (城市, 年) but no programme type word of its own
      if (/^(?:[和与及、等]|$)/.test(tail) && (type === null || dict().endingOnlyTypeWords.includes(type)) && honouredBefore(before)) continue;
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

function unquotedMentions(text: string): Mention[] {
  const d = dict();
  const num = '一二两三四五六七八九十';
  const big = d.unquotedHeads.大.map(escapeRegExp).join('|');
  const item = d.unquotedHeads.项.map(escapeRegExp).join('|');
  const single = d.unquotedHeads.single.map(escapeRegExp).join('|');
  const heads = d.singleHeads.map(escapeRegExp).join('|');
  const excluded = new Set(d.unquotedSingleExcluded);
  const inName = `[^\\P{Script=Han}${d.middleExcluded}]`;
  const patterns = [
    new RegExp(`(?<![${num}第每各几这那多])([${num}]大${inName}{0,6}?(?:${big}))`, 'gu'),
    new RegExp(`(?<![${num}第每各几这那多])([${num}]项(?:${item}))`, 'g'),
    new RegExp(`(?<![${num}第每各几这那多])([${num}双][\\u4e00-\\u9fff](?:${single}))`, 'g'),
    // 双拥工作机制, 三农工作: two characters are the whole code; 一 + character is nearly always a word (一切, 一体)
    new RegExp(`(?<![${num}第每各几这那多])([${num.slice(1)}双][\\u4e00-\\u9fff](?:${heads}))`, 'g'),
  ];
  const mentions: Mention[] = [];
  for (const [k, re] of patterns.entries()) {
    for (const m of text.matchAll(re)) {
      const s = m[1]!;
      const pair = k >= 2;
      if (pair && excluded.has(s[1]!)) continue;
      if (k === 0 && d.bigExcluded.includes(s[2] ?? '')) continue; // 一大批, 九大类
      if (text[m.index - 1] === '“' || text[m.index - 1] === '「') continue; // quoted: seen already
      const code = parseCode(pair ? s.slice(0, 2) : s);
      if (!code || code.expected === null) continue;
      const type = d.typeWords.find((w) => s.endsWith(w)) ?? null;
      // the category a 等-list gives the slogan: 肿瘤、微创介入…等临床服务五大中心
      const modifier = /等([\u4e00-\u9fff]{2,4})$/.exec(text.slice(Math.max(0, m.index - 6), m.index));
      const core = (modifier ? modifier[1]! : '') + (pair ? s.slice(0, 2) : s);
      const start = m.index - (modifier ? modifier[1]!.length : 0);
      mentions.push({
        core, name: core + (pair ? s.slice(2) : ''), type, code: { ...code, slogan: true },
        start, coreStart: start, coreEnd: m.index + s.length, end: m.index + s.length,
      });
    }
  }
  return mentions;
}

// ---------------------------------------------------------------- unquoted names

function stripLeading(s: string, words: string[], keep = 2): string {
  const w = words.find((x) => s.startsWith(x) && [...s].length - [...x].length >= keep);
  return w ? s.slice(w.length) : s;
}

interface NamedCandidate {
  core: string;
  type: string;
  /** a cue verb (开展, 实施 …) stands right before the name */
  cued: boolean;
  start: number;
  end: number;
}

/** 人才强卫战略 in 大力实施人才强卫战略: the run before a type word, cut at the last cue verb. */
function namedCandidates(text: string): NamedCandidate[] {
  const d = dict();
  const n = d.named;
  const types = new RegExp(`(?:${n.types.map(escapeRegExp).join('|')})+`, 'g');
  const cueAt = (s: string): { index: number; length: number } | null => {
    let best: { index: number; length: number } | null = null;
    for (let i = 0; i < s.length; i++) {
      const c = n.cues.find((w) => s.startsWith(w, i));
      if (c && (!best || i >= best.index + best.length)) best = { index: i, length: c.length };
    }
    return best;
  };
  const out: NamedCandidate[] = [];
  for (const m of text.matchAll(types)) {
    const typeStart = m.index;
    const end = typeStart + m[0].length;
    const last = n.types.find((t) => m[0].endsWith(t))!;
    if (n.badAfter.includes(text[end] ?? '') || (n.continuations[last] ?? '').includes(text[end] ?? '\u0000')) continue;
    if (text[typeStart - 1] === '进' && m[0].startsWith('行动')) continue; // 进行动员
    let i = typeStart;
    while (i > 0 && typeStart - i < n.maxScan && /\p{Script=Han}/u.test(text[i - 1]!) && !n.boundaryChars.includes(text[i - 1]!)) i--;
    if (typeStart - i >= n.maxScan) continue; // no boundary in sight: a clause, not a name
    const stopChar = text[i - 1] ?? '';
    if (/[“”「」『』"]/.test(stopChar) || stopChar === '等') continue; // quoted names are read elsewhere; 等品牌活动 is a category
    if (/[0-9０-９]/.test(stopChar) && n.measureStarts.includes(text[i]!)) continue; // 500千伏输变电工程
    let core = text.slice(i, typeStart);
    const cue = cueAt(core);
    let cued = cue !== null || n.cues.some((w) => text.slice(0, i).endsWith(w)) || stopChar === '以';
    if (cue) core = core.slice(cue.index + cue.length);
    // 2014年世界卫生日活动, 第二十一个爱国卫生月活动, 省级以上重点人才工程
    core = core.replace(/^第[一二三四五六七八九十百零〇]+[个届次期]/, '');
    if (/[0-9０-９xX]/.test(stopChar)) core = core.replace(/^[年月]/, '');
    if (stopChar === '以') core = core.replace(/^[上下来后前内外]/, '');
    const stripsAfter = (s: string): boolean => [n.leadingVerbs, n.cues, n.determiners].some((ws) => ws.some((w) => s.startsWith(w)));
    for (let again = true; again;) {
      const before = core;
      const aux = core.length > 1 && n.auxiliaries.includes(core[0]!) ? core.slice(1) : null;
      if (aux !== null && stripsAfter(aux)) core = aux; // 会改善…计划
      core = stripLeading(stripLeading(stripLeading(stripLeading(core, n.determiners, 0), n.owners), d.leadingFillers), n.leadingVerbs, 0);
      if (core !== before && n.cues.some((w) => before.startsWith(w))) cued = true;
      again = core !== before;
    }
    const type = m[0];
    if ([...core].length < n.minCore || n.generic.includes(core)) continue;
    if (n.innerDeterminers.some((w) => core.includes(w))) continue; // 引育一批战略
    if (/[一二两三四五六七八九十百千万多数几][项个批类]/.test(core)) continue; // 两项计划, 一千多项计划
    if (n.genericEnds.some((w) => core.endsWith(w))) continue; // 国防发展重大工程 describes, does not name
    if (type.startsWith('工程') && n.constructionEnds.includes(core.at(-1)!)) continue; // 门诊综合楼工程, 二期工程
    out.push({ core, type, cued, start: typeStart - core.length, end });
  }
  return out;
}

/**
 * Unquoted programme names: kept when the document uses the same name twice,
 * or once right after a cue verb for the types that are rarely generic (战略, 计划, 工程).
 */
function namedMentions(text: string): Mention[] {
  const n = dict().named;
  const cands = namedCandidates(text);
  // 召开医院创先争优活动 and 开展创先争优活动 both name 创先争优活动
  const exact = new Map<string, number>();
  const within = new Map<string, number>();
  for (const c of cands) {
    const name = c.core + c.type;
    exact.set(name, (exact.get(name) ?? 0) + 1);
    if (!within.has(name)) within.set(name, cands.filter((o) => (o.core + o.type).endsWith(name)).length);
  }
  const kept = cands.filter((c) => {
    const name = c.core + c.type;
    if ((exact.get(name) ?? 0) >= 2) return true;
    return c.cued && ((within.get(name) ?? 0) >= 2 || n.onceTypes.some((t) => c.type.endsWith(t)));
  });
  const names = new Set(kept.map((c) => c.core + c.type));
  // 我院创先争优活动 is 创先争优活动
  const shortest = (name: string): boolean => ![...names].some((o) => o !== name && name.endsWith(o));
  return kept.filter((c) => shortest(c.core + c.type)).map((c) => ({
    core: c.core, name: c.core + c.type, type: c.type, code: null,
    start: c.start, coreStart: c.start, coreEnd: c.start + c.core.length, end: c.end,
  }));
}

/** 创建平安医院: a campaign named by its target, when the document keeps repeating it. */
function creationMentions(text: string): Mention[] {
  const c = dict().creation;
  const re = new RegExp(`${c.verb}(\\p{Script=Han}{2,${c.maxTarget}}?)(?=工作|活动|和|与|及|、|的|为|成果|目标|任务|[,，。;；:：\\n])`, 'gu');
  const hits = [...text.matchAll(re)].filter((m) => !c.notTargets.some((w) => m[1]!.startsWith(w)));
  const count = new Map<string, number>();
  for (const m of hits) count.set(m[1]!, (count.get(m[1]!) ?? 0) + 1);
  return hits.filter((m) => (count.get(m[1]!) ?? 0) >= c.minRepeats && !honouredBefore(clauseBefore(text, m.index))).map((m) => ({
    core: m[1]!, name: c.verb + m[1]!, type: null, code: null,
    start: m.index, coreStart: m.index + c.verb.length, coreEnd: m.index + m[0].length, end: m.index + m[0].length,
  }));
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
  // only the last 161 characters can take part in the match; anchored at the
  // end, the regex alone tried every earlier start on a long prefix
  if (!before.endsWith('等')) return [];
  const m = /([^,，。;；:：!?！？\n“”「」]{2,160})等$/.exec(before.slice(-161));
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
  const coded = [...quotedMentions(text), ...unquotedMentions(text)];
  // a name already read as a quotation or numeric slogan is not read again unquoted
  const overlaps = (m: Mention): boolean => coded.some((o) => m.start < o.end && o.start < m.end);
  const named = [...namedMentions(text), ...creationMentions(text)].filter((m) => !overlaps(m));
  const mentions = [...coded, ...named].sort((a, b) => a.start - b.start);
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
