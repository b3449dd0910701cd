import { AnnotateError } from '../../../core/annotate/errors.ts';
import type { Omission } from '../../../core/annotate/model.ts';
import { applyCuts, trimmedQuote } from '../../../core/annotate/omissions.ts';
import { omissionsFromEdit } from '../../../core/annotate/trim-edit.ts';
import { el } from '../../dom.ts';
import { formDialog, formField } from '../../ui/dialogs.ts';

/**
 * The words a trimmed quotation keeps, as the text box shows them: its pieces, a space between two
 * only where the quote had one on either side of the cut, so a piece that begins with punctuation
 * follows the word before it ("publicly.", not "publicly .").
 */
function keptText(quote: string, omissions: readonly Omission[]): string {
  const pieces = applyCuts(quote, 0, quote.length, omissions)?.pieces;
  if (!pieces) return quote;
  return pieces
    .map((piece, i) => {
      const before = pieces[i - 1];
      const spaced = before && (/\s/.test(quote.charAt(before.end)) || /\s/.test(quote.charAt(piece.start - 1)));
      return (spaced ? ' ' : '') + piece.text;
    })
    .join('');
}

/** The cuts the edit means, or the historian-readable reason it cannot be a shortening. */
function readEdit(quote: string, edited: string): Omission[] | string {
  try {
    return omissionsFromEdit(quote, edited);
  } catch (error) {
    if (error instanceof AnnotateError) return error.message;
    throw error;
  }
}

/**
 * Lets the historian shorten a quotation by deleting words from it in a text box, with a live
 * preview of the quotation as it will be exported (an ellipsis at each cut). Resolves with the new
 * cuts (ranges of `quote`; [] for the full passage), or null for Cancel and Escape.
 */
export function trimDialog(quote: string, omissions: readonly Omission[]): Promise<Omission[] | null> {
  const editor = el('textarea', 'trim-input', undefined, { rows: '6', spellcheck: 'false' });
  editor.value = keptText(quote, omissions);
  const preview = el('blockquote', 'editor-quote trim-preview', undefined, { 'aria-live': 'polite' });
  const showPreview = () => {
    const cuts = readEdit(quote, editor.value);
    preview.textContent = typeof cuts === 'string' ? cuts : trimmedQuote(quote, cuts);
    preview.classList.toggle('form-error', typeof cuts === 'string');
  };
  editor.addEventListener('input', showPreview);
  showPreview();
  let result: Omission[] = [];
  return formDialog({
    title: 'Trim the quotation',
    intro: [
      el(
        'p',
        'form-hint',
        'Delete the words you want to leave out. Each cut shows as an ellipsis (…) in the export; ' +
          'the words you keep are quoted exactly as the source prints them.',
      ),
    ],
    fields: [formField('Quotation', editor), formField('Will be quoted as', preview)],
    submitLabel: 'Save',
    focus: editor,
    submit: () => {
      const cuts = readEdit(quote, editor.value);
      if (typeof cuts === 'string') return cuts;
      result = cuts;
      return null;
    },
  }).then((saved) => (saved ? result : null));
}
