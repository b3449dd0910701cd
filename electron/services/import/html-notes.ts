import { type DomDocument, type DomElement, type DomNode, isElement } from './html-dom.ts';
import { anchorTarget, isNoteMark } from './note-calls.ts';

/**
 * The notes an article calls that were left out of it. A word processor saving a document as a web
 * page (Word's "Web Page, Filtered", LibreOffice) writes the text in one container and its
 * footnotes and endnotes after it, in containers of their own; Readability keeps the text and
 * drops the notes, short and full of references, as page furniture. A historian's notes are the
 * part of the source that carries its evidence, so each note the article links to is read back
 * from the page.
 */

/**
 * The page's elements that hold the notes `article` calls and does not hold itself, in the order
 * they are first called. A call is a link to `#id` whose text is a note mark ("1", "[2]", "iv",
 * "*"); links of other text (a table of contents, "#comments") are never followed, so no page
 * furniture comes back. A note is the largest element around its anchor that holds no other note
 * and no call, so that a note of several paragraphs comes whole. `page` gives the whole page
 * parsed, only when some call's note is missing.
 */
export function calledNotes(article: DomNode, page: () => DomDocument): DomElement[] {
  if (!isElement(article)) return [];
  const inside = anchorsOf(article);
  const calls: string[] = [];
  for (const link of Array.from(article.querySelectorAll('a[href^="#"]'))) {
    const target = anchorTarget(link.getAttribute('href'));
    if (target !== undefined && !inside.has(target) && !calls.includes(target) && isNoteMark(link.textContent ?? '')) calls.push(target);
  }
  if (calls.length === 0) return [];
  const document = page();
  const anchors = new Map<string, DomElement>();
  for (const element of Array.from(document.querySelectorAll('[id], a[name]'))) {
    for (const name of [element.getAttribute('id'), element.getAttribute('name')]) {
      if (name && !anchors.has(name)) anchors.set(name, element);
    }
  }
  const callers = new Set(Array.from(document.querySelectorAll('a[href^="#"]')).filter((link) => calls.includes(anchorTarget(link.getAttribute('href')) ?? '')));
  const others = new Set(calls.map((call) => anchors.get(call)).filter((anchor) => anchor !== undefined));
  const notes: DomElement[] = [];
  for (const call of calls) {
    const anchor = anchors.get(call);
    if (anchor === undefined) continue;
    const note = noteAround(anchor, others, callers);
    if (!notes.some((kept) => kept === note || contains(kept, note))) notes.push(note);
  }
  return notes;
}

// The ids and anchor names an element holds.
function anchorsOf(root: DomElement): Set<string> {
  const names = new Set<string>();
  for (const element of [root, ...Array.from(root.querySelectorAll('[id], a[name]'))]) {
    for (const name of [element.getAttribute('id'), element.getAttribute('name')]) if (name) names.add(name);
  }
  return names;
}

// The largest element around the anchor holding no other note's anchor and no call.
function noteAround(anchor: DomElement, others: Set<DomElement>, callers: Set<DomElement>): DomElement {
  let note = anchor;
  for (let parent = anchor.parentNode; parent && isElement(parent); parent = parent.parentNode) {
    const name = parent.nodeName.toUpperCase();
    if (name === 'BODY' || name === 'HTML') break;
    const holdsOther = [...others].some((other) => other !== anchor && contains(parent, other));
    const holdsCall = [...callers].some((caller) => contains(parent, caller));
    if (holdsOther || holdsCall) break;
    note = parent;
  }
  return note;
}

function contains(outer: DomNode, inner: DomNode): boolean {
  for (let node: DomNode | null = inner; node; node = node.parentNode) if (node === outer) return true;
  return false;
}
