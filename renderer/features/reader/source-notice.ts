import { provenanceOf } from '../../../core/corpus/summary.ts';
import type { Context } from '../../context.ts';
import { el } from '../../dom.ts';
import { hasProvenance, provenanceDetails, provenanceSummary } from '../../ui/provenance-details.ts';

/**
 * Mounts the notice above the text of the open source: what it derives from, how many known
 * problems it has, and (on demand) its caveats, rights and cleaning log, so a historian sees what
 * is wrong with a source before quoting it.
 */
export function mountSourceNotice(ctx: Context): void {
  const notice = ctx.part('.source-notice');
  ctx.store.watch(
    (state) => [state.open?.source, state.library.sources] as const,
    ([source, sources]) => {
      if (!source) {
        notice.hidden = true;
        notice.replaceChildren();
        return;
      }
      const original = source.meta.derivativeOf;
      const title = original ? (sources.find((s) => s.id === original)?.title ?? null) : null;
      const provenance = provenanceOf(source, title);
      notice.hidden = !hasProvenance(provenance);
      const summary = el('p', 'notice-summary');
      summary.append(el('strong', '', 'Before quoting: '), provenanceSummary(provenance));
      notice.replaceChildren(summary, provenanceDetails(provenance));
      notice.classList.toggle('derivative', provenance.derivativeOf !== null);
    },
  );
}
