// The few facts about htmlparser2's DOM the HTML and XML readers use, typed
// locally: domutils v4 no longer exports its node type guards.
import { parseDocument } from 'htmlparser2';

export interface DomNode {
  type: string;
  name: string;
  data: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

export function parse(markup: string, xmlMode: boolean): DomNode[] {
  const document = parseDocument(markup, { xmlMode, decodeEntities: true, lowerCaseTags: !xmlMode });
  return document.children as unknown as DomNode[];
}

// <script> and <style> get types of their own; CDATA sections hold text children.
export const isElement = (node: DomNode): boolean => node.type === 'tag' || node.type === 'script' || node.type === 'style';
export const isText = (node: DomNode): boolean => node.type === 'text';

export function textOf(node: DomNode): string {
  if (isText(node)) return node.data;
  return (node.children ?? []).map(textOf).join('');
}
