import { parseHTML } from 'linkedom';

/**
 * The little of the DOM the HTML import uses, typed here because the main process compiles
 * without the DOM library. linkedom builds this DOM in Node and never runs a script.
 */

/** A DOM node as linkedom gives it. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  appendChild(child: DomNode): DomNode;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

/** A DOM element as linkedom gives it. */
export interface DomElement extends DomNode {
  tagName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** A parsed HTML document. */
export interface DomDocument {
  documentElement: DomElement;
  createElement(name: string): DomElement;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  toString(): string;
}

/** Node types the walk tells apart. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses an HTML page into a script-free DOM (linkedom executes nothing). */
export function parseHtmlDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

/** Whether a node is an element. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}
