// Reading a document's text, whatever its format. The format is told from the
// bytes (a .txt that is really HTML, a .xml that is plain text — both occur in
// our corpora), and every format ends as plain text with one paragraph per
// line, which normalizeText then cleans exactly as it cleans a .txt file.
import { extname } from 'node:path';
import { decode, DecodeError } from '../decode.js';
import { docxText } from './docx.js';
import { htmlText } from './html.js';
import { pdfText } from './pdf.js';
import { xmlText } from './xml.js';

export type Format = 'text' | 'html' | 'xml' | 'docx' | 'pdf';

export interface DocumentText {
  text: string;
  /** what `sources.encoding` records: the charset, or the container format */
  encoding: string;
  format: Format;
}

/** Larger files are not documents we can read in memory (a dump, a video). */
export const MAX_BYTES = 64 * 1024 * 1024;
/** The longest real line in the corpora is ~48,000 characters (a report on one line). */
export const MAX_LINE = 500_000;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, length: number): string => Buffer.from(bytes.subarray(0, length)).toString('latin1');

type Container = 'zip' | 'pdf' | 'ole' | 'rtf' | null;

function container(bytes: Uint8Array): Container {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  // The spec lets %PDF- follow some leading junk within the first 1024 bytes.
  if (ascii(bytes, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (ascii(bytes, 5) === '{\\rtf') return 'rtf';
  return null;
}

const LEADING = /^(?:\ufeff|\s|<!--[\s\S]*?-->)*/;

/** HTML, XML or neither, from the start of the (decoded or ASCII-compatible) text. */
export function markupKind(head: string): 'html' | 'xml' | null {
  const start = head.replace(LEADING, '').slice(0, 4096).toLowerCase();
  if (!start.startsWith('<')) return null;
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(start)) return 'html';
  if (start.startsWith('<?xml') || start.startsWith('<!doctype')) {
    return /<html[\s>]/.test(start) && !/docbook/.test(start) ? 'html' : 'xml';
  }
  // A scraped fragment (<div>…, <p>…) is HTML when it holds common HTML tags.
  if (/^<[a-z][\w:-]*[\s>\/]/.test(start) && /<(p|div|br|span|table|meta|title|h[1-6])[\s>\/]/.test(start)) return 'html';
  return null;
}

function declaredCharset(head: string): string | null {
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!;
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

async function markupOrText(bytes: Uint8Array): Promise<DocumentText> {
  // UTF-16 markup has no ASCII head to sniff: decode it first, then look.
  if (hasUtf16Bom(bytes)) {
    const { text, encoding } = decode(bytes, { markup: true });
    const kind = markupKind(text);
    if (kind === 'html') return { text: htmlText(text), encoding: `html/${encoding}`, format: 'html' };
    if (kind === 'xml') return { text: xmlText(text), encoding: `xml/${encoding}`, format: 'xml' };
    return { text, encoding, format: 'text' };
  }
  const head = ascii(bytes, 4096);
  const kind = markupKind(head);
  if (kind === null) {
    const { text, encoding } = decode(bytes);
    return { text, encoding, format: 'text' };
  }
  const { text, encoding } = decode(bytes, { declared: declaredCharset(head), markup: true });
  const body = kind === 'html' ? htmlText(text) : xmlText(text);
  return { text: body, encoding: `${kind}/${encoding}`, format: kind };
}

function checkLines(text: string): void {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > MAX_LINE) {
      throw new DecodeError(`a line of ${stop - start} characters (over ${MAX_LINE}): not a document`);
    }
    start = stop + 1;
  }
}

/**
 * The plain text of one file, one paragraph per line, and how it was read.
 * Throws DecodeError with a reason a user understands for anything that is
 * not a readable document; `path` only names the file in those messages.
 */
export async function readDocumentText(path: string, bytes: Uint8Array): Promise<DocumentText> {
  if (bytes.length === 0) throw new DecodeError('empty file');
  if (bytes.length > MAX_BYTES) throw new DecodeError(`too large (${bytes.length} bytes, over ${MAX_BYTES})`);
  let result: DocumentText;
  switch (container(bytes)) {
    case 'zip':
      result = { text: await docxText(bytes), encoding: 'docx', format: 'docx' };
      break;
    case 'pdf':
      result = { text: await pdfText(bytes), encoding: 'pdf', format: 'pdf' };
      break;
    case 'ole':
      throw new DecodeError('a Word 97–2003 (.doc) or other OLE file: save it as .docx');
    case 'rtf':
      throw new DecodeError('an RTF file: save it as .docx or .txt');
    default:
      try {
        result = await markupOrText(bytes);
      } catch (e) {
        // A .docx or .pdf that lost its first bytes: say what it should have been.
        const ext = extname(path).toLowerCase();
        if (e instanceof DecodeError && (ext === '.docx' || ext === '.pdf')) {
          throw new DecodeError(`named ${ext} but not a ${ext === '.pdf' ? 'PDF' : 'Word'} file (${e.message})`);
        }
        throw e;
      }
  }
  checkLines(result.text);
  if (result.text.trim() === '') throw new DecodeError(`no text in the ${result.format === 'text' ? 'file' : result.format}`);
  return result;
}

export { docxText, htmlText, pdfText, xmlText };
