import type { TagSummary } from '../../../core/api.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { trimmedQuote } from '../../../core/annotate/omissions.ts';
import { COLORS, type Color } from '../../../core/annotate/palette.ts';
import { button, debounce, el } from '../../dom.ts';
import { tagPicker } from '../tags/tag-picker.ts';

/** What the editor asks of the app. Each is one undoable action. */
export interface EditorActions {
  setColor(color: Color): void;
  addTag(tagId: string): void;
  createTag(name: string): void;
  removeTag(tagId: string): void;
  saveNote(note: string): void;
  delete(): void;
  reattach(): void;
  copyCitation(): void;
  /** Opens the trim dialog: the historian leaves words out of the quotation. */
  trimQuotation(): void;
  /** Puts the left-out words back. */
  quoteInFull(): void;
  close(): void;
}

const STATUS: Record<Annotation['anchor'], string> = {
  anchored: '',
  moved: 'The text here changed since you highlighted it; this is the closest match.',
  orphaned: 'This passage is no longer in the source. Select where it belongs and re-attach it, or delete it.',
};

/** The pending note save of the open editor, so the app can flush it before anything else happens. */
export interface NoteSaver {
  flush(): void;
}

/**
 * The editor of one highlight: its quotation (trimmable), colour, tags, note (saved as you type,
 * debounced, and at once on leaving the field), delete, and re-attach for orphans.
 */
export function annotationEditor(
  annotation: Annotation,
  tags: readonly TagSummary[],
  actions: EditorActions,
): { element: HTMLElement; notes: NoteSaver } {
  const section = el('section', 'annotation-editor', undefined, { 'aria-label': 'Highlight' });
  const header = el('div', 'editor-header');
  header.append(el('h3', 'panel-heading', 'Highlight'), button('×', actions.close, { className: 'icon', title: 'Close the highlight editor' }));
  section.append(header);

  if (annotation.anchor !== 'anchored') section.append(el('p', `anchor-status anchor-${annotation.anchor}`, STATUS[annotation.anchor]));
  // The quotation as the export will print it, so a trim is visible where it was made.
  const trimmed = annotation.omissions.length > 0;
  section.append(el('blockquote', 'editor-quote', trimmedQuote(annotation.quote.exact, annotation.omissions)));
  const quoteActions = el('div', 'quote-actions');
  if (trimmed) quoteActions.append(el('span', 'quote-trimmed', 'Trimmed for quotation.'));
  quoteActions.append(button(trimmed ? 'Change trim…' : 'Trim quotation…', actions.trimQuotation));
  if (trimmed) quoteActions.append(button('Quote in full', actions.quoteInFull));
  section.append(quoteActions);

  const colors = el('div', 'color-choice', undefined, { role: 'radiogroup', 'aria-label': 'Colour' });
  for (const color of COLORS) {
    const swatch = el('button', `swatch hl-${color}`, '', {
      type: 'button',
      role: 'radio',
      'aria-checked': String(color === annotation.color),
      'aria-label': color,
      title: color,
    });
    swatch.addEventListener('click', () => color !== annotation.color && actions.setColor(color));
    colors.append(swatch);
  }
  section.append(colors);

  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const chips = el('ul', 'tag-chips', undefined, { 'aria-label': 'Tags' });
  for (const id of annotation.tags) {
    const tag = byId.get(id);
    const chip = el('li', `tag-chip hl-${tag?.color ?? 'yellow'}`, tag?.name ?? '(deleted tag)');
    chip.append(button('×', () => actions.removeTag(id), { className: 'icon', title: `Remove the tag ${tag?.name ?? ''}` }));
    chips.append(chip);
  }
  section.append(chips, tagPicker(tags, new Set(annotation.tags), { pick: actions.addTag, create: actions.createTag }));

  const noteLabel = el('label', 'note-label', 'Note (Markdown)');
  const note = el('textarea', 'note-input', undefined, { rows: '6', 'aria-label': 'Note' });
  note.value = annotation.note;
  let saved = annotation.note;
  const save = debounce((text: string) => {
    if (text === saved) return;
    saved = text;
    actions.saveNote(text);
  }, 600);
  note.addEventListener('input', () => save(note.value));
  note.addEventListener('blur', () => save.flush());
  noteLabel.append(note);
  section.append(noteLabel);

  const footer = el('div', 'editor-actions');
  if (annotation.anchor !== 'orphaned') footer.append(button('Copy citation', actions.copyCitation, { title: 'Copy the Chicago note for this passage' }));
  if (annotation.anchor === 'orphaned') footer.append(button('Re-attach to selection', actions.reattach));
  footer.append(button('Delete highlight', actions.delete, { className: 'danger' }));
  section.append(footer);
  return { element: section, notes: save };
}
