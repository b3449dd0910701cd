import { authorLabel } from './author-label.ts';
import type { TagSummary } from '../../../core/api.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { trimmedQuote } from '../../../core/annotate/omissions.ts';
import { COLORS, type Color } from '../../../core/annotate/palette.ts';
import { button, debounce, el } from '../../dom.ts';
import { KeyedList } from '../../ui/keyed-list.ts';
import { noteToDom } from '../../ui/markdown-note.ts';
import { RovingChoice } from '../../ui/roving-choice.ts';
import { TagPicker } from '../tags/tag-picker.ts';

/** What the editor asks of the app. Each is one undoable action on the highlight it shows. */
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
  /** Moves one end of the highlight by a word. */
  nudge(edge: 'start' | 'end', direction: -1 | 1): void;
  /** Opens a link of the note (after the user confirms). */
  openLink(href: string): void;
  close(): void;
}

const STATUS: Record<Annotation['anchor'], string> = {
  anchored: '',
  moved: 'The text here changed since you highlighted it; this is the closest match.',
  orphaned: 'This passage is no longer in the source. Select where it belongs and re-attach it, or delete it.',
};

/**
 * The editor of one highlight: its quotation (trimmable), colour, tags, note (saved as you type,
 * debounced, and at once on leaving the field), delete, and re-attach for orphans. It is built
 * once per highlight and updated in place, so the control the user is in keeps focus and caret.
 */
export class AnnotationEditor {
  readonly element: HTMLElement;
  readonly id: string;
  readonly #status = el('p', 'anchor-status');
  readonly #quote = el('blockquote', 'editor-quote');
  readonly #trimmedNote = el('span', 'quote-trimmed', 'Trimmed for quotation.');
  readonly #trim: HTMLButtonElement;
  readonly #full: HTMLButtonElement;
  readonly #swatches: HTMLButtonElement[] = [];
  readonly #colors: RovingChoice;
  readonly #chips: KeyedList<string>;
  readonly #picker: TagPicker;
  readonly #note = el('textarea', 'note-input', undefined, { rows: '6', 'aria-label': 'Note' });
  readonly #preview = el('div', 'note-preview', undefined, { 'aria-label': 'The note as it reads' });
  readonly #openLink: (href: string) => void;
  readonly #saveNote: ReturnType<typeof debounce<[string]>>;
  readonly #copy: HTMLButtonElement;
  readonly #reattach: HTMLButtonElement;
  readonly #extent = el('div', 'extent-actions', undefined, { role: 'group', 'aria-label': 'Extent of the highlight' });
  /** Why nothing here can be changed (the user is a group's reader), shown above the highlight. */
  readonly #readOnly = el('p', 'read-only-note', undefined, { role: 'note', tabindex: '-1' });
  #readOnlyReason: string | null = null;
  /** Who made the highlight, when another member did. */
  readonly #author = el('div', 'editor-author');
  #annotation: Annotation;
  /** The note as this editor last sent or showed it. */
  #savedNote: string;

  constructor(annotation: Annotation, tags: readonly TagSummary[], actions: EditorActions) {
    this.id = annotation.id;
    this.#openLink = actions.openLink;
    this.#annotation = annotation;
    this.#savedNote = annotation.note;
    const section = el('section', 'annotation-editor', undefined, { 'aria-label': 'Highlight' });
    this.element = section;
    const header = el('div', 'editor-header');
    const close = button('×', actions.close, { className: 'icon', title: 'Close the highlight editor' });
    close.dataset.reading = 'true';
    header.append(el('h2', 'panel-heading', 'Highlight'), close);

    this.#trim = button('Trim quotation…', actions.trimQuotation);
    this.#full = button('Quote in full', actions.quoteInFull);
    const quoteActions = el('div', 'quote-actions');
    quoteActions.append(this.#trimmedNote, this.#trim, this.#full);

    // The ends of the highlight, a word at a time, for the keyboard (the mouse drags them in the text).
    const extent = this.#extent;
    extent.append(
      el('span', 'extent-label', 'Extent:'),
      button('◂ Start', () => actions.nudge('start', -1), { title: 'Start one word earlier' }),
      button('Start ▸', () => actions.nudge('start', 1), { title: 'Start one word later' }),
      button('◂ End', () => actions.nudge('end', -1), { title: 'End one word earlier' }),
      button('End ▸', () => actions.nudge('end', 1), { title: 'End one word later' }),
    );

    const colors = el('div', 'color-choice', undefined, { role: 'radiogroup', 'aria-label': 'Colour' });
    for (const color of COLORS) {
      const swatch = el('button', `swatch hl-${color}`, '', { type: 'button', role: 'radio', 'aria-label': color, title: color });
      swatch.addEventListener('click', () => color !== this.#annotation.color && actions.setColor(color));
      this.#swatches.push(swatch);
      colors.append(swatch);
    }
    this.#colors = new RovingChoice(colors, () => this.#swatches, 'aria-checked', (swatch) => swatch.click(), true);

    const chips = el('ul', 'tag-chips', undefined, { 'aria-label': 'Tags' });
    this.#chips = new KeyedList<string>(
      chips,
      (id) => id,
      (id) => {
        const chip = el('li', 'tag-chip');
        chip.append(el('span', 'tag-chip-name'), button('×', () => actions.removeTag(id), { className: 'icon' }));
        return chip;
      },
      () => {},
      // With the last tag removed, the focus goes to the field that adds one.
      () => this.#picker.input,
    );
    this.#picker = new TagPicker({ pick: actions.addTag, create: actions.createTag });

    const noteLabel = el('label', 'note-label', 'Note (Markdown)');
    this.#note.value = annotation.note;
    this.#saveNote = debounce((text: string) => {
      if (text === this.#savedNote) return;
      this.#savedNote = text;
      actions.saveNote(text);
    }, 600);
    this.#note.addEventListener('input', () => this.#saveNote(this.#note.value));
    this.#note.addEventListener('blur', () => this.#saveNote.flush());
    noteLabel.append(this.#note);
    this.#note.addEventListener('blur', () => this.#showPreview());

    const footer = el('div', 'editor-actions');
    this.#copy = button('Copy citation', actions.copyCitation, { title: 'Copy the Chicago note for this passage' });
    this.#copy.dataset.reading = 'true';
    this.#reattach = button('Re-attach to selection', actions.reattach);
    footer.append(this.#copy, this.#reattach, button('Delete highlight', actions.delete, { className: 'danger' }));

    this.#readOnly.hidden = true;
    section.append(header, this.#readOnly, this.#author, this.#status, this.#quote, quoteActions, extent, colors, chips, this.#picker.element, noteLabel, this.#preview, footer);
    this.#show(annotation, tags);
  }

  /** Shows the highlight's saved state and the current tags, changing only what differs. */
  update(annotation: Annotation, tags: readonly TagSummary[]): void {
    this.#show(annotation, tags);
  }

  /**
   * Turns every control that would change the highlight off, saying why (`reason`), or on again
   * (null); the quotation, note and citation stay there to read and copy.
   */
  setReadOnly(reason: string | null): void {
    if (reason !== null) this.#saveNote.flush();
    this.#readOnlyReason = reason;
    this.#readOnly.hidden = reason === null;
    this.#readOnly.textContent = reason ?? '';
    this.#applyReadOnly();
  }

  /** Where the focus goes when the highlight is opened: its colour, or why it cannot be changed. */
  focusFirst(): void {
    if (this.#readOnlyReason !== null) this.#readOnly.focus();
    else this.element.querySelector<HTMLElement>('.swatch[aria-checked="true"]')?.focus();
  }

  #applyReadOnly(): void {
    const off = this.#readOnlyReason !== null;
    for (const control of this.element.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) {
      if (!control.dataset.reading) control.disabled = off;
    }
    // Still focusable and selectable, to read and copy from.
    this.#note.readOnly = off;
  }

  /** Sends the note typed so far, without waiting for the pause. */
  flush(): void {
    this.#saveNote.flush();
  }

  // The note as it reads (Markdown rendered, links followed after confirming), below the field.
  #showPreview(): void {
    const text = this.#note.value;
    this.#preview.hidden = text.trim() === '';
    this.#preview.replaceChildren(noteToDom(text, { open: this.#openLink }));
  }

  #show(annotation: Annotation, tags: readonly TagSummary[]): void {
    this.#annotation = annotation;
    this.#author.replaceChildren(...(annotation.author ? [authorLabel(annotation.author)] : []));
    this.#author.hidden = !annotation.author;
    this.#status.hidden = annotation.anchor === 'anchored';
    this.#status.className = `anchor-status anchor-${annotation.anchor}`;
    this.#status.textContent = STATUS[annotation.anchor];

    // The quotation as the export will print it, so a trim is visible where it was made.
    const trimmed = annotation.omissions.length > 0;
    this.#quote.textContent = trimmedQuote(annotation.quote.exact, annotation.omissions);
    this.#trimmedNote.hidden = !trimmed;
    this.#trim.textContent = trimmed ? 'Change trim…' : 'Trim quotation…';
    const fullHadFocus = this.#full === document.activeElement;
    this.#full.hidden = !trimmed;
    // The button just used disappears with the cut it undid: the trim button takes its place.
    if (fullHadFocus && !trimmed) this.#trim.focus();

    this.#colors.mark(this.#swatches[COLORS.indexOf(annotation.color)]);

    const byId = new Map(tags.map((tag) => [tag.id, tag]));
    this.#chips.render(annotation.tags);
    for (const id of annotation.tags) {
      const chip = this.#chips.get(id)!;
      const tag = byId.get(id);
      chip.className = `tag-chip hl-${tag?.color ?? 'yellow'}`;
      const name = chip.firstElementChild as HTMLElement;
      name.textContent = tag?.name ?? '(deleted tag)';
      name.title = name.textContent;
      const remove = chip.lastElementChild!;
      remove.setAttribute('title', `Remove the tag ${tag?.name ?? ''}`);
      remove.setAttribute('aria-label', `Remove the tag ${tag?.name ?? ''}`);
    }
    this.#picker.update(tags, new Set(annotation.tags));

    // A note changed by undo or redo is shown. While the user types in the field (where Ctrl+Z
    // undoes typing), what they typed wins over a save coming back.
    if (this.#note !== document.activeElement && annotation.note !== this.#note.value) {
      this.#saveNote.cancel();
      this.#savedNote = annotation.note;
      this.#note.value = annotation.note;
    }

    this.#showPreview();
    // Chips just drawn for new tags are turned off too.
    if (this.#readOnlyReason !== null) this.#applyReadOnly();
    this.#extent.hidden = annotation.anchor === 'orphaned';
    this.#copy.hidden = annotation.anchor === 'orphaned';
    this.#reattach.hidden = annotation.anchor !== 'orphaned';
  }
}
