// Turning the bytes of a text file into a string. Chinese policy texts arrive
// as UTF-8 (with or without BOM), UTF-16 (with BOM, from Windows tools) and
// GB18030/GBK (older government sites) and Big5 (Taiwan, Hong Kong); the
// encoding is told from the bytes, never from the file name, and a file we
// cannot read with confidence is refused rather than guessed into mojibake.
// Markup (HTML, XML) may declare its charset; the declaration is trusted when
// the bytes are not UTF-8 and decode cleanly under it.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export interface DecodeOptions {
  /** the charset a document declares (`<meta charset>`, `<?xml encoding?>`) */
  declared?: string | null;
  /** the bytes are markup: judge the language on the text between the tags */
  markup?: boolean;
}

// WHATWG labels map gb2312 and gbk to the GBK decoder; GB18030 reads all of
// GBK and more, so every Simplified label goes to it.
const LABELS: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-x-big5': 'big5', cp950: 'big5',
};

export function encodingOfLabel(label: string): Encoding | null {
  return LABELS[label.trim().toLowerCase()] ?? null;
}

function strict(encoding: Encoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that are CJK ideographs or common CJK punctuation. */
function cjkShare(text: string): number {
  if (text.length === 0) return 0;
  const cjk = text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  const letters = text.replace(/\s/g, '').length || 1;
  return cjk / letters;
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): Encoding | null {
  // Chinese in UTF-16 without a BOM: every other byte is rarely zero, but ASCII
  // digits and punctuation put zeros at one parity only.
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (oddZeros > pairs * 0.2 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros === 0) return 'utf-16be';
  return null;
}

// The commonest characters of Chinese prose, in both scripts.
const COMMON = new Set(
  '的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經',
);

function commonCharShare(text: string): number {
  let hits = 0;
  let han = 0;
  for (const ch of text) {
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (COMMON.has(ch)) hits++;
    }
  }
  return han ? hits / han : 0;
}

function hasBinaryControls(text: string): boolean {
  // NUL and most C0 controls never occur in text files; a few are tolerated
  // (form feeds from PDF-to-text, escape codes from terminals) if rare.
  const controls = text.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g)?.length ?? 0;
  return controls > 0 && (text.includes('\u0000') || controls > text.length * 0.001);
}

const withoutTags = (text: string): string => text.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');

/** Where the first invalid UTF-8 sequence starts, for a message the user can act on. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on prefixes: a valid prefix (cut at a character boundary
  // or not) decodes in stream mode without an error.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/** Share of U+FFFD when the bytes are read as UTF-8 leniently. */
function replacementShare(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.match(/\ufffd/g)?.length ?? 0;
  return text.length ? bad / text.length : 1;
}

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) throw new DecodeError('empty file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes);
    if (text === null) throw new DecodeError('invalid UTF-8 after a UTF-8 byte-order mark');
    return finish(text, 'utf-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict('utf-16le', bytes);
    if (text === null) throw new DecodeError('invalid UTF-16LE after a byte-order mark');
    return finish(text, 'utf-16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict('utf-16be', bytes);
    if (text === null) throw new DecodeError('invalid UTF-16BE after a byte-order mark');
    return finish(text, 'utf-16be');
  }
  const utf16 = looksLikeUtf16WithoutBom(bytes);
  if (utf16) {
    const text = strict(utf16, bytes);
    if (text !== null && cjkShare(text) > 0.3) return finish(text, utf16);
  }
  // UTF-8 first, whatever a page declares: Chinese UTF-8 also decodes as
  // (mojibake) GBK, never the other way round, and pages re-saved as UTF-8
  // often keep their old <meta charset=gb2312>.
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return finish(utf8, 'utf-8');
  const declared = options.declared ? encodingOfLabel(options.declared) : null;
  if (declared && declared !== 'utf-16le' && declared !== 'utf-16be' && declared !== 'utf-8') {
    const text = strict(declared, bytes);
    if (text !== null) return finish(text, declared);
  }
  if (bytes.includes(0)) throw new DecodeError('binary file (contains NUL bytes)');
  const judged = (text: string): string => (options.markup ? withoutTags(text) : text);
  // GB18030 and Big5 accept most double-byte sequences, so a decode that
  // succeeds proves little: of the two, keep the one that reads as Chinese,
  // i.e. where the commonest characters of the language are frequent.
  let best: { text: string; encoding: Encoding; score: number } | null = null;
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = strict(encoding, bytes);
    if (text === null || cjkShare(judged(text)) <= 0.5 || hasBinaryControls(text)) continue;
    const score = commonCharShare(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  if (best && best.score > 0.05) return finish(best.text, best.encoding);
  // Mostly UTF-8 with a few broken sequences (a truncated download, a bad
  // copy): say where, rather than "unknown encoding".
  if (replacementShare(bytes) < 0.01) {
    throw new DecodeError(`invalid UTF-8 byte sequence at byte ${firstInvalidUtf8(bytes)}`);
  }
  if (declared) throw new DecodeError(`the bytes are not valid ${options.declared} as the document declares`);
  throw new DecodeError('unknown encoding: not UTF-8, UTF-16, GB18030 or Big5 text');
}

function finish(raw: string, encoding: Encoding): Decoded {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (hasBinaryControls(text)) throw new DecodeError('binary file (control characters in the text)');
  if (text.trim().length === 0) throw new DecodeError('no text (the file holds only white space)');
  return { text, encoding };
}
