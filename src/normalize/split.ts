// Splitting text: compilation pages into articles, text into paragraphs and
// sentences, and re-joining lines that a web page broke mid-sentence.

const OPENING = /[(\[《“‘「『(]$/u;
const CONTINUES = /^[,，、。;；:：!！?？)\]》”’」』.]/u;
const MID_SENTENCE_END = /[,，、]$/u;
const SENTENCE_END = /[。!！?？;；:：”’」』)\]》]$/u;
const HAN = /\p{Script=Han}/u;

/**
 * Joins lines that belong to one sentence: Wikisource puts link text on a
 * line of its own and some pages wrap titles ("政府工作报\n告"). A line is
 * joined to the previous one when it starts with punctuation that cannot open
 * a sentence, when the previous one ends inside a sentence, or when it is a
 * single character following a line with no closing punctuation.
 */
export function joinBrokenLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1]! : null;
    if (prev !== null && prev !== '' && line !== '') {
      const join =
        CONTINUES.test(line) ||
        OPENING.test(prev) ||
        MID_SENTENCE_END.test(prev) ||
        ([...line].length === 1 && HAN.test(line) && !SENTENCE_END.test(prev));
      if (join) {
        out[out.length - 1] = prev + line;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

const ARTICLE_HEADER = /^(.{2,60}?)篇\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})$/u;

/**
 * A compilation page ("…篇1", "…篇2", …) holds one article per header; the
 * text before the first header is the page's own title block and is dropped.
 * Returns one array of lines per article, or the input whole when it is not a
 * compilation (fewer than two headers sharing a stem).
 */
export function splitArticles(lines: readonly string[]): string[][] {
  const headers: { index: number; stem: string }[] = [];
  lines.forEach((line, index) => {
    const m = ARTICLE_HEADER.exec(line);
    if (m) headers.push({ index, stem: m[1]! });
  });
  const stems = new Map<string, number>();
  for (const h of headers) stems.set(h.stem, (stems.get(h.stem) ?? 0) + 1);
  const [stem, count] = [...stems.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count < 2) return [lines.slice()];
  const starts = headers.filter((h) => h.stem === stem).map((h) => h.index);
  return starts.map((start, i) => lines.slice(start + 1, starts[i + 1] ?? lines.length));
}

/** Sentences end at 。！？!? and at line ends; a ; closes a clause, not a sentence. */
export function splitSentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const re = /[^。!！?？\n]+[。!！?？]*[”’」』]?|[。!！?？]+/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, offset: m.index + lead });
  }
  return out;
}

export function countHan(text: string): number {
  return countMatching(text, HAN);
}

/** Letters of any script (\p{L}), as isChineseText weighs them against the Han ones. */
export function countLetters(text: string): number {
  return countMatching(text, LETTER);
}

const LETTER = /\p{L}/u;
const bmpTables = new Map<RegExp, Uint8Array>();

/**
 * 1 for each character of the Basic Multilingual Plane that a one-character
 * class matches, built once per class: a lookup per character instead of a
 * regex match (a global match built an array of every Han character).
 */
export function bmpTable(charClass: RegExp): Uint8Array {
  let table = bmpTables.get(charClass);
  if (!table) {
    table = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = charClass.test(String.fromCharCode(c)) ? 1 : 0;
    bmpTables.set(charClass, table);
  }
  return table;
}

// Characters that match a one-character class: the BMP by table, astral ones by the class.
function countMatching(text: string, charClass: RegExp): number {
  const table = bmpTable(charClass);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (charClass.test(text.slice(i, i + 2))) n++;
        i++;
        continue;
      }
    }
    n += table[c]!;
  }
  return n;
}

/** Lines longer than this are a whole document run together (a lost Word conversion). */
const RUN_TOGETHER = 3000;
const HEADING_AFTER_SENTENCE =
  /(?<=[。!！?？]) ?(?=(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]))/gu;

/**
 * Gives a document that lost its line breaks its paragraphs back where it is
 * certain: before an outline heading that follows a sentence end.
 */
export function splitRunTogether(lines: readonly string[]): string[] {
  return lines.flatMap((line) => (line.length > RUN_TOGETHER ? line.split(HEADING_AFTER_SENTENCE) : [line]));
}
