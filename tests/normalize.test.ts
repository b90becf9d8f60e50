import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, DecodeError, normalizeText } from '../src/normalize/index.js';
import { convertToSimplified } from '../src/normalize/script.js';
import { extractText } from '../src/pipeline.js';
import { joinBrokenLines, splitSentences } from '../src/normalize/split.js';
import { corpusFile, readCorpus } from './helpers.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/encodings/${name}`, import.meta.url));

describe('decode', () => {
  const expected = fixture('expected.txt').toString('utf8');
  it.each([
    ['utf8-bom.txt', 'utf-8'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['gb18030.txt', 'gb18030'],
  ])('reads %s as %s, told from the bytes', (file, encoding) => {
    const decoded = decode(fixture(file));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(expected);
  });

  it('reads Big5 (Traditional) text', () => {
    const decoded = decode(fixture('big5.txt'));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toBe(fixture('big5-expected.txt').toString('utf8'));
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['a binary file', fixture('binary.bin'), /binary/],
    ['white space only', Buffer.from(' \n\t\n'), /no text/],
  ])('refuses %s with a reason', (_name, bytes, reason) => {
    expect(() => decode(bytes)).toThrow(DecodeError);
    expect(() => decode(bytes)).toThrow(reason);
  });
});

describe('normalizeText on the sample corpus', () => {
  it('strips the web chrome of a scraped page and keeps the document', () => {
    const [doc] = normalizeText(readCorpus('seeds/002_b930d5806cce04de.txt'));
    for (const noise of ['原创力文档', '您可能关注的文档', '.docx', '文档评论', '约4.62千字', '发布于四川', '举报']) {
      expect(doc!.text).not.toContain(noise);
    }
    expect(doc!.text.startsWith('2025年医政科工作总结暨下一步工作计划\n')).toBe(true);
    expect(doc!.text).toContain('县域内就诊率提升至91.3%(较上年提高2.1个百分点)');
  });

  it('converts a Traditional page to Simplified and remembers the original script', () => {
    const docs = normalizeText(readCorpus('seeds/000_3bd09cb3f97930f0.txt'));
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.script).toBe('traditional');
    expect(doc.text).toContain('隆重召开义马市人民医院2023年工作会议');
    expect(doc.text).toContain('门急诊量282773人次');
    expect(doc.text).not.toContain('灵感范文站');
    expect(doc.text).not.toContain('标签:');
    expect(doc.title).toBe('为实现三级医院创建目标而努力奋斗');
    expect(doc.org).toBe('义马市人民医院');
  });

  it('splits a compilation page (…篇1 … 篇8) into one article each', () => {
    const docs = normalizeText(readCorpus('seeds/003_51a1886474694a1e.txt'));
    expect(docs.map((d) => d.article)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(docs[0]!.title).toBe('20xx年世界卫生日活动总结');
    expect(docs[3]!.title).toBe('关于落实《富锦市支持人才创新创业新政14条》的工作汇报');
    expect(docs[5]!.org).toBe('晋宁县人民医院');
    const all = docs.map((d) => d.text).join('\n');
    expect(all).not.toContain('上一篇');
    expect(all).not.toContain('时间:2023-11-02');
    expect(all).not.toMatch(/工作总结篇\d/);
  });

  it('gives a speech without a title line a null title', () => {
    const [doc] = normalizeText(readCorpus('seeds/001_456c092f3174d644.txt'));
    expect(doc!.title).toBeNull();
    expect(doc!.script).toBe('simplified');
  });

  it('drops the Wikisource licence notice and rejoins a title broken over lines', () => {
    const [doc] = normalizeText(readCorpus('gov-work-reports-state-council/2017.txt'));
    expect(doc!.title).toBe('政府工作报告');
    expect(doc!.org).toBe('国务院');
    expect(doc!.text).not.toContain('Public domain');
    expect(doc!.text).not.toContain('本作品是中华人民共和国的');
    expect(doc!.text.endsWith('不懈奋斗!')).toBe(true);
  });

  it('takes no congress for the issuer: the 代表 of 人民代表大会 introduces nobody', () => {
    // 1981 opens 向全国人民代表大会常务委员会作过六次报告 and later says 我代表国务院
    expect(normalizeText(readCorpus('gov-work-reports-state-council/1981.txt'))[0]!.org).toBe('国务院');
    for (const year of ['1957', '1959', '1979']) {
      const org = normalizeText(readCorpus(`gov-work-reports-state-council/${year}.txt`))[0]!.org;
      expect(org ?? '', year).not.toMatch(/大会|的/);
    }
  });

  it('tells Traditional from Simplified on whole reports', () => {
    expect(normalizeText(readCorpus('gov-work-reports-state-council/1954.txt'))[0]!.script).toBe('traditional');
    expect(normalizeText(readCorpus('hk-policy-address/1997.txt'))[0]!.script).toBe('traditional');
    expect(normalizeText(readCorpus('gov-work-reports-state-council/2023.txt'))[0]!.script).toBe('simplified');
  });

  it('removes the stray spaces that line wrapping left inside Chinese sentences', () => {
    const raw = readFileSync(corpusFile('hk-policy-address/1997.txt'), 'utf8');
    expect(raw).toContain('特別 行政區');
    const [doc] = normalizeText(raw);
    expect(doc!.text).not.toContain('特别 行政区');
    expect(doc!.text).toContain('特别行政区');
  });

  it('removes page numbers a Word conversion left inside sentences', () => {
    const raw = readCorpus('municipal-gwr-2024/枣庄.txt');
    expect(raw).toMatch(/合 — 3 — 作/);
    const [doc] = normalizeText(raw);
    expect(doc!.text).not.toMatch(/— \d+ —/);
    expect(doc!.text).toContain('持续扩大对外交流合作');
  });

  it('gives a report that lost its line breaks its headings back as paragraphs', () => {
    const [doc] = normalizeText(readCorpus('municipal-gwr-2024/潍坊.txt'));
    const lines = doc!.text.split('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => l.startsWith('二、2024年政府工作安排'))).toBe(true);
  });

  it('does not take a Hong Kong salutation (主席女士∶) for a title', () => {
    const [doc] = normalizeText(readCorpus('hk-policy-address/2003.txt'));
    expect(doc!.title).toBeNull();
    expect(doc!.text.startsWith('主席女士:')).toBe(true);
  });

  it('takes no document from a file that is mostly another language (a SOURCE.md beside the reports)', () => {
    const raw = readCorpus('municipal-gwr-2024/SOURCE.md');
    expect(raw).toContain('三甲医院');
    expect(normalizeText(raw)).toEqual([]);
    expect(normalizeText('2023年GDP增长5.2%,CPI上涨0.2%。\n')).toHaveLength(1);
  });

  it('folds full-width forms (NFKC)', () => {
    const [doc] = normalizeText('２０２４年全市ＧＤＰ增长５．２％。\n');
    expect(doc!.text).toBe('2024年全市GDP增长5.2%。');
  });
});

describe('splitting', () => {
  it('joins lines that a page broke inside a sentence', () => {
    expect(joinBrokenLines(['本作品是中华人民共和国的', '法律', '、', '法规'])).toEqual(['本作品是中华人民共和国的', '法律、法规']);
    expect(joinBrokenLines(['政府工作报', '告', '各位代表:'])).toEqual(['政府工作报告', '各位代表:']);
    expect(joinBrokenLines(['一、2023年工作回顾', '刚刚过去的一年,'])).toEqual(['一、2023年工作回顾', '刚刚过去的一年,']);
  });

  it('splits sentences at 。！？ and keeps their offsets', () => {
    const text = '一是完善制度。二是加强管理!三是?';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['一是完善制度。', '二是加强管理!', '三是?']);
    for (const s of sentences) expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });
});

describe('Traditional to Simplified', () => {
  it('converts the Hong Kong addresses with the Traditional→Simplified tables alone as the whole opencc package does', async () => {
    const Full = await import('opencc-js');
    const full = [Full.Converter({ from: 'tw', to: 'cn' }), Full.Converter({ from: 'hk', to: 'cn' })];
    for (const year of ['1997', '2003', '2018']) {
      const text = readCorpus(`hk-policy-address/${year}.txt`);
      const converted = convertToSimplified(text);
      expect(converted).not.toBe(text);
      expect(converted).toBe(full.reduce((s, convert) => convert(s), text));
    }
  });
});

describe('query folding', () => {
  it('leaves what the converters would not change unconverted, and converts the rest as they do, line by line', async () => {
    const Full = await import('opencc-js');
    const full = [Full.Converter({ from: 'tw', to: 'cn' }), Full.Converter({ from: 'hk', to: 'cn' })];
    const lines = ['gov-work-reports-state-council/2023.txt', 'municipal-gwr-2024/杭州.txt', 'hk-policy-address/2018.txt']
      .flatMap((file) => readCorpus(file).split('\n'))
      .concat(['发展', '医共体', '梁柱', '上梁不正', '軟體', '醫院', '乾隆', '𠮶']);
    let unchanged = 0;
    for (const line of lines) {
      const converted = convertToSimplified(line);
      expect(converted).toBe(full.reduce((s, convert) => convert(s), line));
      if (converted === line) unchanged++;
    }
    expect(unchanged).toBeGreaterThan(100);
    expect(unchanged).toBeLessThan(lines.length);
  });
});

describe('circled numbers', () => {
  it('keeps ①… (NFKC would make them digits) so that they mark list items, not figures', () => {
    const [doc] = normalizeText(readCorpus('municipal-gwr-2024/杭州.txt'));
    expect(doc!.text).toContain('①新增认知障碍照护专区床位1744张');
    expect(doc!.text).not.toContain('1新增认知障碍照护专区床位');
    const goals = extractText(readCorpus('municipal-gwr-2024/杭州.txt'))[0]!.goals.filter((g) => /^[①-⑳]$/.test(g.marker));
    expect(goals.map((g) => [g.marker, g.level])).toEqual([...'①②③④⑤⑥⑦⑧⑨⑩'].map((m) => [m, 4]));
    const metric = extractText(readCorpus('municipal-gwr-2024/杭州.txt'))[0]!.metrics.find((m) => m.raw === '1744张');
    expect(metric).toMatchObject({ subject: '认知障碍照护专区床位', change: 'increase' });
  });

  it('counts the first item of a list opened after a colon when the next items open sentences', () => {
    // 遵义: 持续办好十件民生实事：（1）改善50所城乡学校办学条件。（2）建成…。
    const zunyi = extractText(readCorpus('municipal-gwr-2024/遵义.txt'))[0]!.goals.filter((g) => /^\(\d+\)$/.test(g.marker));
    expect(zunyi.slice(0, 10).map((g) => g.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(zunyi[0]!.title).toBe('改善50所城乡学校办学条件');
    expect(new Set(zunyi.slice(0, 10).map((g) => g.parent)).size).toBe(1);
    // 黔南: 办好“十件民生实事”：（1）…；（2）…；: a list inside one sentence, no outline
    const qiannan = extractText(readCorpus('municipal-gwr-2024/黔南.txt'))[0]!.goals.filter((g) => /^\(\d+\)$/.test(g.marker));
    expect(qiannan).toEqual([]);
  });

  it('leaves a note mark between a quotation and its type word out of the name', () => {
    // 潜江: 开展“五地增绿”⑭行动
    const names = extractText(readCorpus('municipal-gwr-2024/潜江.txt'))[0]!.initiatives.map((x) => x.name);
    expect(names).toContain('五地增绿行动');
    expect(names.filter((n) => /[①-⑳]/.test(n))).toEqual([]);
  });
});
