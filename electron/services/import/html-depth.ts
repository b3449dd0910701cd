/**
 * Pages nested deeper than Apparatus reads a layout. Mozilla Readability's time grows with the
 * square of a page's depth or worse (a page of 1,000 nested `div`s took 38 s), and recursive
 * walks overflow the stack on deeper ones; a real article is a few dozen levels deep. Whatever
 * lies deeper than `HTML_NESTING_CAP` is flattened, iteratively, into plain paragraphs that keep
 * every word in order.
 */
import { type DomDocument, type DomElement, type DomNode, TEXT_NODE, isElement } from './html-dom.ts';
import { BLOCK_ELEMENTS } from './html-blocks.ts';

/** Elements below `<html>` read as they are; an element at this depth holds its deeper content as paragraphs. */
export const HTML_NESTING_CAP = 100;

/**
 * Flattens, in place, the content of every element `cap` levels below `<html>` that has elements
 * inside it: that content becomes paragraphs, one per run of text between block boundaries.
 * Returns how many elements were flattened (0 for any ordinary page). Never recursive.
 */
export function flattenDeepNesting(document: DomDocument, cap = HTML_NESTING_CAP): number {
  let flattened = 0;
  const stack: { element: DomElement; depth: number }[] = [{ element: document.documentElement, depth: 1 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop() as { element: DomElement; depth: number };
    const children = Array.from(element.childNodes).filter(isElement);
    if (children.length === 0) continue;
    if (depth >= cap) {
      flattened += flattenInto(document, element);
      continue;
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ element: children[i] as DomElement, depth: depth + 1 });
  }
  return flattened;
}

/** Replaces the element's content by its text as paragraphs; returns how many elements went. */
function flattenInto(document: DomDocument, element: DomElement): number {
  const paragraphs: string[] = [];
  let run = '';
  const flush = (): void => {
    const text = run.replace(/\s+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    run = '';
  };
  let removed = 0;
  // Each entry is a node to read, or the end of a block element (null node, flush).
  const stack: (DomNode | null)[] = Array.from(element.childNodes).reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      run += node.textContent ?? '';
      continue;
    }
    if (!isElement(node)) continue;
    removed += 1;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') run += ' ';
    else if (name === 'IMG') run += ` ${node.getAttribute('alt') ?? ''} `;
    if (BLOCK_ELEMENTS.has(name)) {
      flush();
      stack.push(null);
    }
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as DomNode);
  }
  flush();
  element.textContent = '';
  for (const text of paragraphs) {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    element.appendChild(paragraph);
  }
  return removed;
}
