// Word (.docx) → one line per paragraph, read with mammoth's document model
// rather than its raw-text output so that list numbering, which Word draws
// and does not store as text, comes back as outline markers.
import { DecodeError } from '../decode.js';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  numbering?: { level: string; isOrdered: boolean } | null;
}

const DIGITS = '〇一二三四五六七八九';

export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
  }
  return String(n);
}

// mammoth tells the level of a numbered paragraph and whether it is ordered,
// not the format Word draws. Chinese official documents number their levels
// 一、 (一) 1. (1) (GB/T 9704-2012, 7.3.3), so that is what a level becomes.
const LEVEL_MARKERS: readonly ((n: number) => string)[] = [
  (n) => `${chineseNumeral(n)}、`,
  (n) => `（${chineseNumeral(n)}）`,
  (n) => `${n}.`,
  (n) => `（${n}）`,
];

function inlineText(node: Node): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return ' ';
    case 'break':
      return '\n';
    // Footnote and comment references are anchors, not text of the paragraph.
    case 'noteReference':
    case 'commentReference':
    case 'image':
      return '';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

/** The text lines of a mammoth document, numbering drawn as markers. */
export function documentLines(document: Node): string[] {
  const lines: string[] = [];
  const counters: number[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'paragraph') {
      let marker = '';
      const numbering = node.numbering;
      if (numbering?.isOrdered) {
        const level = Math.max(0, Number(numbering.level) || 0);
        counters.length = level + 1;
        counters[level] = (counters[level] ?? 0) + 1;
        for (let i = 0; i < level; i++) counters[i] ??= 1;
        marker = (LEVEL_MARKERS[level] ?? LEVEL_MARKERS[LEVEL_MARKERS.length - 1]!)(counters[level]!);
      }
      const text = inlineText(node).trim();
      if (text) lines.push(marker + text);
      return;
    }
    if (node.type === 'tableRow') {
      // A row is one line: a label and its figure stay in one sentence.
      const cells = (node.children ?? []).map((cell) => inlineText(cell).replace(/\s+/g, ' ').trim()).filter(Boolean);
      if (cells.length) lines.push(cells.join(' '));
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(document);
  return lines;
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  let lines: string[] | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (document: Node) => {
          lines = documentLines(document);
          // Nothing left to convert: the HTML mammoth would write is not needed.
          return { ...document, children: [] };
        },
      },
    );
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new DecodeError(`not a readable .docx (corrupt or truncated: ${reason})`);
  }
  if (lines === null) throw new DecodeError('not a readable .docx');
  return (lines as string[]).join('\n');
}
