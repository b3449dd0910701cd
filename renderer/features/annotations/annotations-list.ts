import type { SourceSummary, TagSummary } from '../../../core/api.ts';
import type { Annotation } from '../../../core/annotate/model.ts';
import { trimmedQuote } from '../../../core/annotate/omissions.ts';
import { COLORS } from '../../../core/annotate/palette.ts';
import { descendants } from '../../../core/annotate/tag-tree.ts';
import { button, el } from '../../dom.ts';

/** The filters of the annotations panel. */
export interface AnnotationFilters {
  scope: 'source' | 'corpus';
  tagId: string;
  color: string;
  text: string;
}

/** What the panel asks of the app. */
export interface AnnotationsPanelActions {
  changeFilters(filters: AnnotationFilters): void;
  export(): void;
  open(annotation: Annotation): void;
  reattach(annotation: Annotation): void;
  delete(annotation: Annotation): void;
}

/** The annotations that pass the filters: a tag includes its children; text matches quote or note. */
export function filterAnnotations(annotations: readonly Annotation[], tags: readonly TagSummary[], filters: AnnotationFilters): Annotation[] {
  const tagIds = filters.tagId ? new Set([filters.tagId, ...descendants(tags, filters.tagId)]) : null;
  const text = filters.text.trim().toLocaleLowerCase();
  return annotations.filter(
    (a) =>
      (!tagIds || a.tags.some((id) => tagIds.has(id))) &&
      (!filters.color || a.color === filters.color) &&
      (!text || a.quote.exact.toLocaleLowerCase().includes(text) || a.note.toLocaleLowerCase().includes(text)),
  );
}

/** Renders the panel: filters, the anchored and moved annotations, then the orphans apart. */
export function annotationsPanel(
  annotations: readonly Annotation[],
  tags: readonly TagSummary[],
  sources: readonly SourceSummary[],
  filters: AnnotationFilters,
  actions: AnnotationsPanelActions,
): HTMLElement {
  const panel = el('section', 'annotations-panel', undefined, { 'aria-label': 'Annotations' });
  const header = el('div', 'editor-header');
  header.append(el('h3', 'panel-heading', 'Annotations'), button('Export…', actions.export, { title: 'Export annotated citations (Ctrl+E)' }));
  panel.append(header, filterBar(tags, filters, actions));

  const shown = filterAnnotations(annotations, tags, filters);
  const found = shown.filter((a) => a.anchor !== 'orphaned');
  const orphans = shown.filter((a) => a.anchor === 'orphaned');
  const titles = new Map(sources.map((s) => [s.id, s.shortTitle]));
  const tagNames = new Map(tags.map((t) => [t.id, t.name]));

  const list = el('ul', 'annotation-list');
  for (const annotation of found) {
    const item = el('li', 'annotation-item');
    const open = el('button', `annotation-open hl-border-${annotation.color}`, undefined, { type: 'button', 'data-annotation-id': annotation.id });
    open.append(el('span', 'annotation-quote', excerpt(trimmedQuote(annotation.quote.exact, annotation.omissions), 160)));
    if (annotation.note) open.append(el('span', 'annotation-note', excerpt(annotation.note, 120)));
    const meta = [filters.scope === 'corpus' ? titles.get(annotation.sourceId) : null, ...annotation.tags.map((id) => tagNames.get(id))].filter(Boolean);
    if (annotation.anchor === 'moved') meta.push('text changed');
    if (meta.length) open.append(el('span', 'annotation-meta', meta.join(' · ')));
    open.addEventListener('click', () => actions.open(annotation));
    item.append(open);
    list.append(item);
  }
  panel.append(found.length ? list : el('p', 'status', annotations.length ? 'No annotation matches these filters.' : 'No annotations yet. Select text in the reader to highlight it.'));

  if (orphans.length) {
    panel.append(el('h4', 'panel-subheading', `Not found in the current text (${orphans.length})`));
    const orphanList = el('ul', 'annotation-list orphans');
    for (const annotation of orphans) {
      const item = el('li', 'annotation-item orphan', undefined, { 'data-annotation-id': annotation.id });
      item.append(el('span', 'annotation-quote', excerpt(trimmedQuote(annotation.quote.exact, annotation.omissions), 200)));
      if (annotation.note) item.append(el('span', 'annotation-note', excerpt(annotation.note, 120)));
      const buttons = el('div', 'orphan-actions');
      buttons.append(button('Re-attach to selection', () => actions.reattach(annotation)), button('Delete', () => actions.delete(annotation), { className: 'danger' }));
      item.append(buttons);
      orphanList.append(item);
    }
    panel.append(orphanList);
  }
  return panel;
}

function filterBar(tags: readonly TagSummary[], filters: AnnotationFilters, actions: AnnotationsPanelActions): HTMLElement {
  const bar = el('div', 'filter-bar');
  const change = (patch: Partial<AnnotationFilters>) => actions.changeFilters({ ...filters, ...patch });
  const scope = select('Show', [['source', 'This source'], ['corpus', 'All sources']], filters.scope, (value) => change({ scope: value as AnnotationFilters['scope'] }));
  const tag = select('Tag', [['', 'Any tag'], ...tags.map((t): [string, string] => [t.id, t.name])], filters.tagId, (value) => change({ tagId: value }));
  const color = select('Colour', [['', 'Any colour'], ...COLORS.map((c): [string, string] => [c, c])], filters.color, (value) => change({ color: value }));
  const text = el('input', 'filter-text', undefined, { type: 'search', placeholder: 'Filter quotes and notes', 'aria-label': 'Filter quotes and notes' });
  text.value = filters.text;
  text.addEventListener('change', () => change({ text: text.value }));
  bar.append(scope, tag, color, text);
  return bar;
}

function select(label: string, options: [string, string][], value: string, onChange: (value: string) => void): HTMLElement {
  const wrapper = el('label', 'filter');
  wrapper.append(el('span', 'visually-hidden', label));
  const node = el('select', '', undefined, { 'aria-label': label });
  for (const [optionValue, text] of options) {
    const option = el('option', '', text, { value: optionValue });
    option.selected = optionValue === value;
    node.append(option);
  }
  node.addEventListener('change', () => onChange(node.value));
  wrapper.append(node);
  return wrapper;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
