// Every input format ends as the same documents: the .docx, .html and .pdf
// made from a real text of ../shared/corpora give the goals, metrics and
// initiatives its .txt gives. The format is told from the bytes, not the name.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../src/model.js';
import { countHan } from '../src/normalize/index.js';
import { decode, DecodeError } from '../src/normalize/decode.js';
import { markupKind, readDocumentText } from '../src/normalize/formats/index.js';
import { htmlText } from '../src/normalize/formats/html.js';
import { layoutText } from '../src/normalize/formats/pdf.js';
import { extractText } from '../src/pipeline.js';
import { makeDocx, makeHtml, makePdf, paragraphsOf } from './fixtures/make-formats.js';
import { cli, corpusFile, readCorpus, tempDir } from './helpers.js';

const encodingFixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/encodings/${name}`, import.meta.url));

const documentsOf = async (name: string, bytes: Uint8Array): Promise<PolicyDocument[]> =>
  extractText((await readDocumentText(name, bytes)).text);

// A hospital's work summary, a State Council report, and a Hong Kong address in Traditional script.
const SAMPLES = [
  'seeds/002_b930d5806cce04de.txt',
  'gov-work-reports-state-council/2019.txt',
  'hk-policy-address/2018.txt',
];

describe('the same document as .txt, .docx, .html and .pdf', () => {
  const made = new Map<string, { txt: Buffer; docx: Buffer; html: Buffer; pdf: Buffer }>();
  beforeAll(async () => {
    for (const name of SAMPLES) {
      const paragraphs = paragraphsOf(readCorpus(name));
      made.set(name, {
        txt: readFileSync(corpusFile(name)),
        docx: await makeDocx(paragraphs),
        html: Buffer.from(makeHtml(paragraphs)),
        pdf: await makePdf(paragraphs),
      });
    }
  });

  it.each(SAMPLES.flatMap((name) => (['docx', 'html', 'pdf'] as const).map((format) => [name, format] as const)))(
    '%s as .%s gives the same text, goals, metrics and initiatives',
    async (name, format) => {
      const files = made.get(name)!;
      const expected = await documentsOf('doc.txt', files.txt);
      const actual = await documentsOf(`doc.${format}`, files[format]);
      expect(expected[0]!.goals.length + expected[0]!.metrics.length + expected[0]!.initiatives.length).toBeGreaterThan(20);
      expect(actual.map((d) => d.text)).toEqual(expected.map((d) => d.text));
      expect(actual).toEqual(expected);
    },
  );

  it('is told by its bytes, whatever its name', async () => {
    const files = made.get(SAMPLES[0]!)!;
    expect((await readDocumentText('report.txt', files.docx)).format).toBe('docx');
    expect((await readDocumentText('report.txt', files.pdf)).format).toBe('pdf');
    expect((await readDocumentText('report.txt', files.html)).format).toBe('html');
    // The Hong Kong corpus has plain text behind .xml names (see its SOURCE.md) and XML behind .xml.
    expect((await readDocumentText('pa1997.xml', readFileSync(corpusFile('hk-policy-address/1997.txt')))).format).toBe('text');
    expect((await readDocumentText('notes.txt', readFileSync(corpusFile('hk-policy-address/2019.xml')))).format).toBe('xml');
  });

  it('reads every format through `extract` too', () => {
    const dir = tempDir();
    const files = made.get(SAMPLES[0]!)!;
    const outputs = (['txt', 'docx', 'html', 'pdf'] as const).map((format) => {
      const file = join(dir, `report.${format}`);
      writeFileSync(file, files[format]);
      const r = cli(['extract', file, '--json']);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout).documents;
    });
    for (const documents of outputs.slice(1)) expect(documents).toEqual(outputs[0]);
  });
});

describe('.docx', () => {
  it('keeps Word list numbering as outline markers', async () => {
    const docx = await makeDocx(['2025年卫生健康工作计划', '现将2025年工作安排如下。'], {
      numbered: [
        { level: 0, text: '总体要求' },
        { level: 1, text: '加强基层医疗卫生服务能力建设' },
        { level: 1, text: '提高医疗质量' },
        { level: 0, text: '重点任务' },
        { level: 1, text: '推进县域医共体建设' },
      ],
    });
    const [doc] = await documentsOf('plan.docx', docx);
    expect(doc!.text).toContain('一、总体要求\n(一)加强基层医疗卫生服务能力建设\n(二)提高医疗质量\n二、重点任务\n(一)推进县域医共体建设');
    expect(doc!.goals.map((g) => [g.marker, g.level, g.ordinal])).toEqual([
      ['一、', 1, 1], ['(一)', 2, 1], ['(二)', 2, 2], ['二、', 1, 2], ['(一)', 2, 1],
    ]);
  });

  it('refuses a truncated or corrupt .docx with the reason', async () => {
    const docx = await makeDocx(paragraphsOf(readCorpus(SAMPLES[0]!)));
    await expect(readDocumentText('cut.docx', docx.subarray(0, docx.length / 2))).rejects.toThrow(/not a readable \.docx/);
    const garbled = Buffer.concat([docx.subarray(0, 4), Buffer.alloc(4000, 0x41)]);
    await expect(readDocumentText('bad.docx', garbled)).rejects.toThrow(DecodeError);
  });
});

describe('.html', () => {
  const paragraphs = paragraphsOf(readCorpus(SAMPLES[0]!));
  const page = makeHtml(paragraphs);

  it('keeps the main text and drops script, style, nav, header, footer and comments', () => {
    const text = htmlText(page);
    expect(text.split('\n')[0]).toBe(paragraphs[0]);
    for (const chrome of ['门户网站', '首页', '政民互动', '当前位置', '版权所有', '网站标识码', '浏览次数', '脚本写的段落', '统计代码', '相关文章', 'font-family']) {
      expect(text).not.toContain(chrome);
    }
    expect(text.split('\n')).toHaveLength(paragraphs.length);
  });

  it('reads a GBK page by its <meta charset>, and Big5 without one', async () => {
    const wrap = (charset: string | null, body: Buffer): Buffer => {
      const lines = body.toString('latin1').split('\n').filter(Boolean);
      const head = `<html><head>${charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : ''}</head><body>`;
      return Buffer.concat([Buffer.from(head), ...lines.map((l) => Buffer.concat([Buffer.from('<p>'), Buffer.from(l, 'latin1'), Buffer.from('</p>\n')])), Buffer.from('</body></html>')]);
    };
    const gbk = await readDocumentText('page.htm', wrap('gb2312', encodingFixture('gb18030.txt')));
    expect(gbk).toMatchObject({ format: 'html', encoding: 'html/gb18030' });
    expect(gbk.text).toBe(paragraphsOf(encodingFixture('expected.txt').toString('utf8')).join('\n'));
    const big5 = await readDocumentText('page.htm', wrap(null, encodingFixture('big5.txt')));
    expect(big5).toMatchObject({ format: 'html', encoding: 'html/big5' });
    expect(big5.text).toBe(paragraphsOf(encodingFixture('big5-expected.txt').toString('utf8')).join('\n'));
  });

  it('reads a UTF-8 page that still declares gb2312 as UTF-8', async () => {
    const page = makeHtml(paragraphs).replace('<meta charset="utf-8">', '<meta charset="gb2312">');
    const read = await readDocumentText('page.html', Buffer.from(page));
    expect(read.encoding).toBe('html/utf-8');
    expect(read.text.split('\n')[0]).toBe(paragraphs[0]);
  });

  it('takes the <article> of a page that has one, with its own header', () => {
    const text = htmlText(
      '<body><div class="menu">网站首页</div><article><header><h1>关于印发工作要点的通知</h1></header><p>各单位：</p><footer>分享到微信</footer></article><aside>热点推荐</aside></body>',
    );
    expect(text).toBe('关于印发工作要点的通知\n各单位：');
  });

  it('tells HTML, XML and text apart by their first bytes', () => {
    expect(markupKind('<!DOCTYPE html><html>')).toBe('html');
    expect(markupKind('\ufeff<!-- saved -->\n<HTML><BODY>')).toBe('html');
    expect(markupKind('<?xml version="1.0"?><article xmlns="http://docbook.org/ns/docbook">')).toBe('xml');
    expect(markupKind('<div class="c"><p>正文</p></div>')).toBe('html');
    expect(markupKind('《政府工作报告》')).toBeNull();
    expect(markupKind('<2024年工作要点>')).toBeNull();
  });
});

describe('.pdf', () => {
  const paragraphs = paragraphsOf(readCorpus(SAMPLES[1]!));

  it('drops the running header and page numbers and re-joins wrapped lines', async () => {
    const pdf = await makePdf(paragraphs);
    const { text, format } = await readDocumentText('report.pdf', pdf);
    expect(format).toBe('pdf');
    expect(text).not.toContain('某某市人民政府文件');
    expect(text).not.toMatch(/^- \d+ -$/m);
    expect(text.split('\n')).toEqual(paragraphs);
  });

  it('joins a line break inside a Chinese sentence with nothing, and English words with a space', () => {
    // Full lines run from the left margin (72) to the right one (523); the last line of a paragraph stops short.
    const item = (str: string, y: number, width = 451) => ({ str, x: 72, y, width, size: 12 });
    const text = layoutText([
      { items: [item('国内生产总值增长6.6%，总量突破90万亿元，经济增速在世界前五大经济体中居首', 700), item('位。2018年', 682, 84)] },
      { items: [item('the Belt and Road Initiative has made', 700), item('steady progress.', 682, 100)] },
    ]);
    expect(text).toBe('国内生产总值增长6.6%，总量突破90万亿元，经济增速在世界前五大经济体中居首位。2018年\nthe Belt and Road Initiative has made steady progress.');
  });
});

describe('.xml (DocBook)', () => {
  it('gives the titles and paragraphs of a Hong Kong policy address', async () => {
    const { text, format, encoding } = await readDocumentText('2020.xml', readFileSync(corpusFile('hk-policy-address/2020.xml')));
    expect({ format, encoding }).toEqual({ format: 'xml', encoding: 'xml/utf-8' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('行政长官2020年施政报告');
    expect(lines).toContain('(一) 前言：砥砺前行');
    expect(lines.some((l) => l.startsWith('1. 今天我发表任内的第四份《施政报告》'))).toBe(true);
    expect(text).not.toMatch(/<\/?(para|title|section)/);
    // Every Han character between the tags, none of those in attributes (xml:id="一-前言").
    const raw = readFileSync(corpusFile('hk-policy-address/2020.xml'), 'utf8');
    expect(countHan(text)).toBe(countHan(raw.replace(/<[^>]*>/g, '')));
    expect(countHan(text)).toBeLessThan(countHan(raw));
    const [doc] = extractText(text);
    expect(doc!.goals.filter((g) => g.marker.startsWith('(')).map((g) => g.marker).slice(0, 3)).toEqual(['(一)', '(二)', '(三)']);
    // Each numbered <para> ("1." … "167.") is one line of its own.
    const numbered = raw.match(/<para>\s*\d+\.\s/g)!.length;
    expect(lines.filter((l) => /^\d+\. \S/.test(l))).toHaveLength(numbered);
    expect(lines.filter((l) => /^\d+\. \S/.test(l)).at(-1)).toMatch(/^167\. /);
  });

  it('numbers paragraphs, not goals, however many sub-items stand between the numbers', async () => {
    // 2023: 171 numbered paragraphs among 487 lines, most of the rest (1) (2) … items
    const { text } = await readDocumentText('2023.xml', readFileSync(corpusFile('hk-policy-address/2023.xml')));
    const [doc] = extractText(text);
    expect(text.split('\n').filter((l) => /^\d+\. \S/.test(l)).length).toBeGreaterThan(150);
    expect(doc!.goals.filter((g) => /^\d+\.$/.test(g.marker))).toEqual([]);
    const chapters = doc!.goals.filter((g) => g.level === 2).map((g) => g.marker);
    expect(chapters.slice(0, 3)).toEqual(['(一)', '(二)', '(三)']);
    // the items of a list keep their place under the chapter that holds them
    const item = doc!.goals.find((g) => g.title.startsWith('加强教师培训'))!;
    expect(doc!.goals[item.parent!]!.marker).toBe('(三)');
  });
});

describe('text encodings, told from the bytes', () => {
  it.each([
    ['utf8-bom.txt', 'utf-8'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['gb18030.txt', 'gb18030'],
    ['big5.txt', 'big5'],
  ])('reads %s as %s', async (file, encoding) => {
    const read = await readDocumentText('any.name', encodingFixture(file));
    expect(read).toMatchObject({ format: 'text', encoding });
  });

  it('reads UTF-8 without a BOM and .md files', async () => {
    const read = await readDocumentText('README.md', Buffer.from(readCorpus(SAMPLES[0]!)));
    expect(read.encoding).toBe('utf-8');
  });

  it('says where a UTF-8 file has an invalid byte sequence instead of guessing', () => {
    const good = Buffer.from(readCorpus(SAMPLES[0]!));
    const broken = Buffer.concat([good.subarray(0, 3001), Buffer.from([0xff, 0xfe]), good.subarray(3001)]);
    expect(() => decode(broken)).toThrow(/invalid UTF-8 byte sequence at byte 300[01]/);
  });

  it('refuses bytes whose encoding cannot be told', () => {
    // Latin-1 accented text: valid as no Chinese encoding with confidence.
    const latin1 = Buffer.from('Résumé des activités de l’année, élaboré à Genève. '.repeat(20), 'latin1');
    expect(() => decode(latin1)).toThrow(/unknown encoding|invalid UTF-8/);
  });

  it('refuses an old Word .doc and RTF with what to do', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(504)]);
    await expect(readDocumentText('old.doc', ole)).rejects.toThrow(/save it as \.docx/);
    await expect(readDocumentText('x.rtf', Buffer.from('{\\rtf1\\ansi 政府工作报告}'))).rejects.toThrow(/RTF/);
  });
});
