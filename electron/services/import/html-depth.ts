/**
 * Pages nested deeper than Apparatus reads a layout. Mozilla Readability's time grows with the
 * square of a page's depth or worse (a page of 1,000 nested `div`s took 38 s), and recursive
 * walks overflow the stack on deeper ones; a real article is a few dozen levels deep. Whatever
 * lies deeper than `HTML_NESTING_CAP` is flattened into plain paragraphs that keep every word in
 * order, as the page streams past (`reducePage`), before any tree is built.
 */

/** Elements below `<html>` read as they are; an element at this depth holds its deeper content as paragraphs. */
export const HTML_NESTING_CAP = 100;
