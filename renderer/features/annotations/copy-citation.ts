import type { Annotation } from '../../../core/annotate/model.ts';
import type { Context } from '../../context.ts';
import { chooseAction, notify } from '../../ui/dialogs.ts';

/**
 * Puts the Chicago note for a highlight on the clipboard. A derivative source (a paraphrase, a
 * translation) is better not cited: the user is offered its original.
 */
export async function copyCitation(ctx: Context, annotation: Annotation): Promise<void> {
  const summary = ctx.store.state.library.sources.find((s) => s.id === annotation.sourceId);
  let original = false;
  if (summary?.derivativeOf) {
    const derivation = summary.derivativeOf.derivation ?? 'derived from';
    const relation = derivation.charAt(0).toLowerCase() + derivation.slice(1);
    const choice = await ctx.modal('confirm', () =>
      chooseAction(`“${summary.shortTitle}” is a ${relation} “${summary.derivativeOf!.title}”.`, 'Historians usually cite the original. Which do you want to cite?', [
        { label: 'Cite this source', value: 'this' as const },
        { label: 'Cite the original', value: 'original' as const },
      ]),
    );
    if (choice === null) return;
    original = choice === 'original';
  }
  const citation = await ctx.calls.call('annotations.copyCitation', { id: annotation.id, original });
  if (citation) notify(`Citation copied: ${citation.text}`);
}
