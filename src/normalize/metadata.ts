// The title and issuing organisation of one article, from its cleaned lines.
import { loadDictionary, wordAlternation } from '../dictionaries.js';

interface MetadataTable {
  titleGenres: string[];
  salutations: string[];
  orgSuffixes: string[];
  orgPlaceSuffixes: string[];
  orgLeadVerbs: string[];
  /** words in which a lead verb is no verb (人民代表大会, 代表们) */
  orgLeadWordsWithin: string[];
  departmentSuffixes: string[];
  /** suffixes that name nobody when they stand alone */
  genericOrgs: string[];
}

const table = (): MetadataTable => loadDictionary<MetadataTable>('metadata.json');


const MAX_TITLE = 50;
const OUTLINE_START = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])/u;

function isSalutation(line: string): boolean {
  return table().salutations.some((s) => line.startsWith(s)) && /[:：∶!！]$/u.test(line);
}

/** A line that can be a title: short, not a sentence, not an outline item, not a salutation. */
function isHeadingLine(line: string): boolean {
  return (
    [...line].length <= MAX_TITLE &&
    !/[。!！?？;；,，:：∶]$/u.test(line) &&
    !OUTLINE_START.test(line) &&
    !isSalutation(line) &&
    /\p{Script=Han}/u.test(line)
  );
}

/**
 * The best title line: the lines that open the article before the first
 * sentence form its title block; a main title is the line before a "——"
 * subtitle, else the first line of the block. A compilation article often
 * opens with its own heading glued to the body by a counter
 * ("20xx年世界卫生日活动总结1为进一步…"): the part before the counter is the
 * title. With no title block the title is null: a first sentence is not a title.
 */
export function findTitle(lines: readonly string[]): string | null {
  const block: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    if (!isHeadingLine(line)) break;
    block.push(line);
  }
  const subtitle = block.findIndex((l) => /^[—–-]{1,2}/u.test(l));
  if (subtitle > 0) return block[subtitle - 1]!;
  if (block.length > 0 && subtitle !== 0) return block[0]!;
  const first = lines.find((l) => l !== '');
  if (!first) return null;
  const glued = new RegExp(`^(.{4,${MAX_TITLE}}?(?:${wordAlternation(table().titleGenres)}))\\d{1,2}(?=\\p{Script=Han})`, 'u');
  return glued.exec(first)?.[1] ?? null;
}

/**
 * The issuing organisation if the text states it: a named body after a verb
 * such as 我代表/召开 (我代表国务院, 召开义马市人民医院2023年工作会议), else a
 * signature on the last line, else a department named in the title
 * (2025年医政科工作总结 → 医政科). A bare 医院 or 全县医院 names nobody.
 */
export function findOrg(text: string, title: string | null): string | null {
  const t = table();
  const head = text.slice(0, 3000);
  const suffixes = wordAlternation(t.orgSuffixes);
  const places = wordAlternation(t.orgPlaceSuffixes);
  const named = new RegExp(
    `(${wordAlternation(t.orgLeadVerbs)})((?:\\p{Script=Han}{1,8}?(?:${places}))?\\p{Script=Han}{0,8}?(?:${suffixes}))`,
    'gu',
  );
  const suffixOnly = new RegExp(`^(?:[全各本我该]\\p{Script=Han}?)?(?:${wordAlternation(t.genericOrgs)})$`, 'u');
  for (const m of head.matchAll(named)) {
    const lead = m[1]!;
    const org = m[2]!;
    // 全国人民代表大会, 人大代表: the 代表 of a congress or its deputies introduces no issuer
    if (t.orgLeadWordsWithin.some((w) => w.includes(lead) && head.startsWith(w, m.index! - w.indexOf(lead)))) continue;
    if (org.includes('的') || suffixOnly.test(org)) continue;
    return org;
  }
  // A report signed at its foot: the last line is the organisation's name.
  const last = text.slice(text.lastIndexOf('\n') + 1);
  const signature = new RegExp(`^\\p{Script=Han}{2,16}(?:${suffixes})$`, 'u');
  if (signature.test(last) && !suffixOnly.test(last)) return last;
  if (title) {
    const dept = new RegExp(
      `^(?:\\d{4}年度?)?(\\p{Script=Han}{2,12}?(?:${wordAlternation(t.departmentSuffixes)}))(?:\\d{4}年度?)?(?:工作|年度|年终|上半年|下半年)`,
      'u',
    );
    const d = dept.exec(title);
    if (d) return d[1]!;
  }
  return null;
}
