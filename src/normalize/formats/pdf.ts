// PDF → text in reading order, one paragraph per line. A PDF stores glyphs at
// positions, not paragraphs: lines are rebuilt from positions, running headers,
// footers and page numbers are dropped, and wrapped lines are joined back into
// paragraphs — with nothing between Chinese characters, which have no spaces.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DecodeError } from '../decode.js';

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfPage {
  items: PdfItem[];
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’《》、，。：；！？（）—…]/u;

/** Joins two pieces of one line: nothing next to Chinese, a space where Latin text has a gap. */
function joinPieces(left: string, right: string, gap: boolean): string {
  if (!left) return right;
  if (!right) return left;
  if (/\s$/.test(left) || /^\s/.test(right)) return left + right;
  const a = left[left.length - 1]!;
  const b = right[0]!;
  return gap && !WIDE.test(a) && !WIDE.test(b) ? `${left} ${right}` : left + right;
}

/**
 * Joins a wrapped line to its paragraph. Chinese type wraps anywhere, inside
 * words and numbers ("2\n026年"); only English words wrap at a space.
 */
function joinWrapped(paragraph: string, line: string): string {
  return /[A-Za-z,.;:]$/.test(paragraph) && /^[A-Za-z]/.test(line) ? `${paragraph} ${line}` : paragraph + line;
}

/** Groups a page's text items into lines, top to bottom, left to right. */
export function pageLines(page: PdfPage, pageNumber: number): Line[] {
  const items = page.items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: PdfItem[]; y: number; size: number }[] = [];
  for (const item of items) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(l.size, item.size) * 0.4);
    if (line) line.items.push(item);
    else lines.push({ items: [item], y: item.y, size: item.size });
  }
  return lines
    .map((l) => {
      const sorted = l.items.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const item of sorted) {
        text = joinPieces(text, item.str, item.x - end > item.size * 0.2);
        end = item.x + item.width;
      }
      const visible = sorted.filter((i) => i.str.trim() !== '');
      return {
        text: text.trim(),
        x0: visible[0]?.x ?? sorted[0]!.x,
        x1: Math.max(...visible.map((i) => i.x + i.width)),
        y: l.y,
        size: Math.max(...sorted.map((i) => i.size)),
        page: pageNumber,
      };
    })
    .filter((l) => l.text !== '')
    .sort((a, b) => b.y - a.y);
}

// "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 10 页", "3 / 10", "Page 3 of 10", "iii"
const PAGE_NUMBER =
  /^[-—–~·\s]*(?:(?:第\s*)?\d{1,4}\s*页?(?:\s*[/／]\s*\d{1,4}|\s*[,，]?\s*共\s*\d{1,4}\s*页)?|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[ivxlc]{1,6})[-—–~·\s]*$/iu;

const shape = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Drops page numbers and running headers/footers: the first and last lines of
 * a page that are page numbers, or whose text (digits aside) recurs at the
 * same edge on at least half the pages.
 */
export function dropPageFurniture(pages: Line[][]): Line[][] {
  const EDGE = 2;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([
      ...lines.slice(0, EDGE).map((l) => `top:${shape(l.text)}`),
      ...lines.slice(-EDGE).map((l) => `bottom:${shape(l.text)}`),
    ]);
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const running = (key: string): boolean => pages.length >= 2 && (counts.get(key) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) =>
    lines.filter((line, i) => {
      const top = i < EDGE;
      const bottom = i >= lines.length - EDGE;
      if (!top && !bottom) return true;
      if (PAGE_NUMBER.test(line.text)) return false;
      if (top && running(`top:${shape(line.text)}`)) return false;
      if (bottom && running(`bottom:${shape(line.text)}`)) return false;
      return true;
    }),
  );
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

const SENTENCE_END = /[。！？!?：:；;]$/u;
const OUTLINE_START = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分条])/u;

/**
 * Re-joins wrapped lines into paragraphs. A line starts a paragraph when it
 * is indented, when the line before stopped short of the right margin, when
 * the type size changes (a heading), or after a gap; a centred title wrapped
 * over two lines is one paragraph.
 */
export function joinParagraphs(lines: readonly Line[]): string[] {
  if (lines.length === 0) return [];
  const left = mode(lines.map((l) => l.x0));
  // Not the maximum: one wide table row or stray number would make every line look short.
  const right = percentile(lines.map((l) => l.x1), 0.95);
  const centre = (left + right) / 2;
  const centred = (l: Line): boolean => l.x0 > left + l.size && Math.abs((l.x0 + l.x1) / 2 - centre) < l.size * 1.5;
  const paragraphs: string[] = [];
  let prev: Line | null = null;
  for (const line of lines) {
    let starts = prev === null;
    if (prev) {
      const size = Math.max(line.size, prev.size);
      const indented = line.x0 > left + size * 0.8;
      const prevShort = prev.x1 < right - size * 1.5;
      const resized = Math.abs(line.size - prev.size) > size * 0.15;
      const gap = line.page === prev.page && prev.y - line.y > size * 2.2;
      const outline = SENTENCE_END.test(prev.text) && OUTLINE_START.test(line.text);
      const wrappedTitle =
        centred(prev) && centred(line) && !resized && !gap && prev.x1 - prev.x0 > (right - left) * 0.7 && !SENTENCE_END.test(prev.text);
      starts = !wrappedTitle && (indented || prevShort || resized || gap || outline);
    }
    if (starts) paragraphs.push(line.text);
    else paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs[paragraphs.length - 1]!, line.text);
    prev = line;
  }
  return paragraphs;
}

export function layoutText(pages: readonly PdfPage[]): string {
  const lines = dropPageFurniture(pages.map((p, i) => pageLines(p, i + 1))).flat();
  return joinParagraphs(lines).join('\n');
}

const pdfjsRoot = (): string => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function readPages(bytes: Uint8Array): Promise<PdfPage[]> {
  // Loaded on first use: pdf.js is large and most runs read no PDF.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = pdfjsRoot();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    // Chinese PDFs often use the predefined CMaps (UniGB-UCS2-H…) instead of embedding a ToUnicode map.
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        items.push({ str: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height || 1 });
      }
      pages.push({ items });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  let pages: PdfPage[];
  try {
    pages = await readPages(bytes);
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException') throw new DecodeError('an encrypted PDF (it needs a password)');
    const reason = e instanceof Error ? e.message : String(e);
    throw new DecodeError(`not a readable PDF (corrupt or truncated: ${reason})`);
  }
  const text = layoutText(pages);
  if (text.replace(/\s/g, '') === '') {
    throw new DecodeError(`no text layer in the PDF (${pages.length} page${pages.length === 1 ? '' : 's'}: a scan? run OCR first)`);
  }
  return text;
}
