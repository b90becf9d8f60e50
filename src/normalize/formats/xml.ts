// XML → text: DocBook (the Hong Kong policy addresses) gives its titles and
// paragraphs, one per line; any other XML gives the text of each element that
// holds text directly, so a document in an unknown schema is not lost.
import { isElement as isTag, isText, parse, type DomNode } from './dom.js';
import { DecodeError } from '../decode.js';

type Child = DomNode;

/** DocBook elements whose text is one line of the document. */
const LINE = new Set(['title', 'subtitle', 'para', 'simpara', 'term', 'entry', 'bridgehead', 'literallayout', 'programlisting']);
/** Metadata and apparatus, not the text of the address. */
const SKIP = new Set(['indexterm', 'remark', 'annotation', 'biblioid', 'releaseinfo', 'revhistory', 'pubdate', 'copyright']);

const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();

function inline(node: Child): string {
  if (isText(node)) return node.data;
  if (!isTag(node) || SKIP.has(localName(node.name))) return '';
  return (node.children).map(inline).join('');
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function docbookLines(nodes: readonly Child[]): string[] {
  const lines: string[] = [];
  const walk = (node: Child, marker: string): void => {
    if (!isTag(node)) return;
    const name = localName(node.name);
    if (SKIP.has(name)) return;
    const children = node.children;
    if (LINE.has(name)) {
      // A para may hold a list; its own text is the line, the list follows.
      const own = children.filter((c) => !(isTag(c) && /list$/.test(localName(c.name))));
      const text = oneLine(own.map(inline).join(''));
      if (text) lines.push(marker + text);
      for (const c of children) if (isTag(c) && /list$/.test(localName(c.name))) walk(c, '');
      return;
    }
    if (name === 'orderedlist') {
      // Items are sub-points of a numbered paragraph ("1." … "200."); as
      // (1) (2) they stay one outline level below it instead of restarting it.
      let n = 0;
      for (const c of children) if (isTag(c) && localName(c.name) === 'listitem') walk(c, `(${++n})`);
      return;
    }
    let first = true;
    for (const c of children) {
      walk(c, first ? marker : '');
      if (isTag(c) && !SKIP.has(localName(c.name))) first = false;
    }
  };
  for (const node of nodes) walk(node, '');
  return lines;
}

function genericLines(nodes: readonly Child[]): string[] {
  const lines: string[] = [];
  const walk = (node: Child): void => {
    if (!isTag(node)) return;
    const children = node.children;
    const own = oneLine(children.filter(isText).map((t) => t.data).join(''));
    if (own) lines.push(oneLine(children.map(inline).join('')));
    else children.forEach(walk);
  };
  nodes.forEach(walk);
  return lines;
}

export function xmlText(xml: string): string {
  const root = parse(xml, true).find(isTag);
  if (!root) throw new DecodeError('an XML file without a root element');
  const docbook = /docbook\.org/.test(root.attribs.xmlns ?? '') || ['article', 'book', 'chapter'].includes(localName(root.name));
  return (docbook ? docbookLines([root]) : genericLines([root])).join('\n');
}
