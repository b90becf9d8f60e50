// HTML → the main text of the page, one line per block. A real parser (not
// regular expressions) so that comments, CDATA, entities and unclosed tags of
// scraped government pages come out right.
import { isElement as isTag, isText, parse, textOf as textContent, type DomNode } from './dom.js';

type Child = DomNode;
type Tag = DomNode;

/** Never text a reader sees as the document. */
const NEVER = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'select', 'option', 'button', 'textarea', 'input', 'nav', 'aside',
]);
/** Page chrome around the document; inside the document's own <article> a header holds its title. */
const PAGE_CHROME = new Set(['header', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);
// ids and classes that government CMS templates give their chrome.
const CHROME_NAME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|header|footer|sidebar|share|copyright|toolbar|topbar)(?:$|[\s_-])/i;

const BLOCK = new Set([
  'address', 'article', 'blockquote', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html',
]);
const CELL = new Set(['td', 'th']);
// A list item that already starts with an outline marker shows no second number.
const MARKED = /^\s*(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])/u;

function isChrome(el: Tag, insideDocument: boolean): boolean {
  const name = el.name.toLowerCase();
  if (NEVER.has(name)) return true;
  if (el.attribs.hidden !== undefined || /display\s*:\s*none/i.test(el.attribs.style ?? '')) return true;
  if (CHROME_ROLES.has((el.attribs.role ?? '').toLowerCase())) return true;
  if (insideDocument) return name === 'footer';
  return PAGE_CHROME.has(name) || CHROME_NAME.test(el.attribs.id ?? '') || CHROME_NAME.test(el.attribs.class ?? '');
}

function elements(nodes: readonly Child[], test: (el: Tag) => boolean, out: Tag[] = []): Tag[] {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (test(node)) out.push(node);
    elements(node.children, test, out);
  }
  return out;
}

/** The element holding the document: the <main>/<article> with the most text, else the whole page. */
function documentRoot(nodes: readonly Child[]): { nodes: readonly Child[]; inside: boolean } {
  const candidates = elements(
    nodes,
    (el) => el.name === 'main' || el.name === 'article' || (el.attribs.role ?? '').toLowerCase() === 'main',
  );
  let best: Tag | null = null;
  let bestLength = 0;
  for (const el of candidates) {
    const length = textContent(el).replace(/\s+/g, '').length;
    if (length > bestLength) [best, bestLength] = [el, length];
  }
  return best ? { nodes: [best], inside: true } : { nodes, inside: false };
}

function listMarker(list: Tag, index: number): string {
  if (/list-style(?:-type)?\s*:\s*none/i.test(list.attribs.style ?? '')) return '';
  const start = Number(list.attribs.start ?? 1) || 1;
  return `${start + index}.`;
}

export function htmlText(html: string): string {
  const { nodes, inside } = documentRoot(parse(html, false));
  let out = '';
  const walk = (node: Child, pre: boolean): void => {
    if (isText(node)) {
      out += pre ? node.data : node.data.replace(/\s+/g, ' ');
      return;
    }
    if (!isTag(node)) return;
    const el = node;
    const name = el.name;
    if (isChrome(el, inside)) return;
    if (name === 'br') {
      out += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) out += '\n';
    if (CELL.has(name)) out += ' ';
    const children = el.children;
    if (name === 'ol') {
      let index = 0;
      for (const child of children) {
        if (isTag(child) && child.name === 'li') {
          const marker = MARKED.test(textContent(child)) ? '' : listMarker(el, index++);
          out += `\n${marker}`;
          for (const grandchild of child.children) walk(grandchild, pre);
          out += '\n';
        } else walk(child, pre);
      }
    } else {
      for (const child of children) walk(child, pre || name === 'pre');
    }
    if (block) out += '\n';
  };
  for (const node of nodes) walk(node, false);
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
