import type { Annotation } from '../../../core/annotate/model.ts';
import { COLORS, type Color } from '../../../core/annotate/palette.ts';
import type { Context } from '../../context.ts';
import { readingText } from '../../../core/corpus/reading-text.ts';
import { placeLabel } from '../../../core/export/locator.ts';
import { el, isTyping } from '../../dom.ts';
import { notify } from '../../ui/dialogs.ts';
import { readOnlyReason } from '../share/share-reducer.ts';
import { openLink } from '../open-link.ts';
import type { Reader } from '../reader/reader-feature.ts';
import { AnnotationEditor } from './annotation-editor.ts';
import { annotationCommands, type AnnotationCommands } from './annotation-commands.ts';
import { AnnotationsList } from './annotations-list.ts';
import { activeAnnotation, otherAuthors, scopedAnnotations } from './selectors.ts';
import { SelectionToolbar } from './selection-toolbar.ts';
import { nudgedRange } from './word-steps.ts';

/** The annotations feature: highlighting, the highlight editor and the annotations list. */
export interface Annotations {
  readonly commands: AnnotationCommands;
  /** Shows a highlight in the editor (null closes it) and puts the focus on its colour. */
  activate(id: string | null): void;
  /** The reader's text selection changed. */
  selectionChanged(): void;
  /** Loads the shown annotations again (tags changed under them). */
  refresh(): Promise<void>;
}

/** What the feature needs from its neighbours. */
export interface AnnotationsDeps {
  reader: Reader;
  reloadTags(): Promise<void>;
  exportAnnotations(): void;
}

/** Mounts the selection toolbar and the annotations tab of the side panel. */
export function mountAnnotations(ctx: Context, deps: AnnotationsDeps): Annotations {
  const { store, calls } = ctx;
  const { reader } = deps;
  const pane = ctx.part('[data-pane="annotations"]');
  const editorSlot = el('div', 'editor-slot');
  let editor: AnnotationEditor | null = null;
  calls.onFlush(() => editor?.flush());

  const activate = (id: string | null) => {
    calls.flush();
    store.dispatch({ type: 'annotation/activated', id });
    if (id) editor?.focusFirst();
  };
  const commands = annotationCommands(ctx, { reader, reloadTags: deps.reloadTags, activate });
  const toolbar = new SelectionToolbar((color) => void highlight(color));
  // Inside the reader's landmark, where it belongs, floating over the text.
  ctx.part('.reader-pane').append(toolbar.element);
  const highlight = async (color: Color) => {
    await commands.highlight(color);
    toolbar.hide();
  };

  const goTo = async (annotation: Annotation) => {
    if (store.state.open?.source.id !== annotation.sourceId) await reader.open(annotation.sourceId, annotation.position);
    else reader.scrollTo(annotation.position);
    activate(annotation.id);
  };
  const list = new AnnotationsList({
    export: deps.exportAnnotations,
    changeFilters: (filters) => store.dispatch({ type: 'filters/changed', filters }),
    open: (annotation) => void goTo(annotation),
    reattach: (annotation) => void commands.reattach(annotation.id),
    delete: (annotation) => void commands.delete(annotation.id),
  });
  pane.append(editorSlot, list.element);

  store.watch(
    (state) => [activeAnnotation(state), state.tags] as const,
    ([annotation, tags]) => {
      if (editor && editor.id === annotation?.id) {
        editor.update(annotation, tags);
        return;
      }
      const hadFocus = editor?.element.contains(document.activeElement) ?? false;
      editor?.flush();
      editor?.element.remove();
      editor = annotation ? new AnnotationEditor(annotation, tags, editorActions(annotation.id)) : null;
      editor?.setReadOnly(readOnlyReason(store.state));
      if (editor) editorSlot.append(editor.element);
      // The highlight the user was editing is gone (deleted, closed): the reader has it next.
      else if (hadFocus) reader.focus();
    },
  );
  // The place of a highlight in the open source is worked out here, from its text; others' come from main.
  const placed = new WeakMap<Annotation, string | null>();
  const placeOf = (annotation: Annotation): string | null => {
    const source = store.state.open?.source;
    if (source?.id !== annotation.sourceId) return store.state.places.get(annotation.id) ?? null;
    if (!placed.has(annotation)) placed.set(annotation, annotation.anchor === 'orphaned' ? null : placeLabel(source, annotation.position.start, annotation.position.end));
    return placed.get(annotation)!;
  };
  store.watch(
    (state) => [scopedAnnotations(state), state.tags, state.library.sources, state.filters, state.open?.source, state.places, otherAuthors(state)] as const,
    ([annotations, tags, sources, filters, source, , authors]) => list.render({ annotations, tags, sources, filters, authors, sourceOpen: source !== undefined, placeOf }),
  );
  const refresh = async () => {
    const sourceId = store.state.open?.source.id;
    if (sourceId) {
      const annotations = await calls.call('annotations.list', { sourceId });
      if (annotations) store.dispatch({ type: 'annotations/loaded', sourceId, annotations });
    }
    if (store.state.filters.scope === 'corpus') {
      const [annotations, places] = await Promise.all([calls.call('annotations.list', {}), calls.call('annotations.places', {})]);
      if (places) store.dispatch({ type: 'places/loaded', places });
      if (annotations) store.dispatch({ type: 'annotations/loaded', sourceId: null, annotations });
    }
  };
  // A group's reader reads: everything that would change a highlight is off, and says why.
  store.watch(
    (state) => readOnlyReason(state),
    (reason) => {
      editor?.setReadOnly(reason);
      toolbar.setReadOnly(reason);
      list.setReadOnly(reason);
      ctx.part('.reader-pane').classList.toggle('read-only', reason !== null);
    },
  );
  // Listing the whole corpus loads it.
  store.watch(
    (state) => state.filters.scope,
    (scope, previous) => previous !== undefined && scope === 'corpus' && void refresh(),
  );

  function editorActions(id: string) {
    return {
      setColor: (color: Color) => void commands.update(id, { color }, 'Recolour Highlight'),
      addTag: (tagId: string) => void commands.addTag(id, tagId),
      createTag: (name: string) => void commands.createTag(id, name),
      removeTag: (tagId: string) => void commands.removeTag(id, tagId),
      saveNote: (note: string) => void commands.update(id, { note }, 'Edit Note'),
      delete: () => void commands.delete(id),
      reattach: () => void commands.reattach(id),
      copyCitation: () => void commands.copyCitation(id),
      trimQuotation: () => void commands.trim(id),
      quoteInFull: () => void commands.update(id, { omissions: [] }, 'Quote in Full'),
      nudge: (edge: 'start' | 'end', direction: -1 | 1) => {
        const annotation = store.state.annotations.get(id);
        const source = store.state.open?.source;
        if (!annotation || source?.id !== annotation.sourceId || annotation.anchor === 'orphaned') return;
        const range = nudgedRange(readingText(source).text, annotation.position, { edge, direction });
        if (range) void commands.adjust(id, range);
      },
      openLink: (href: string) => void openLink(ctx, href),
      close: () => activate(null),
    };
  }

  const selectionChanged = () => {
    const selection = document.getSelection();
    if (!reader.selectionRange() || !selection || selection.rangeCount === 0) toolbar.hide();
    else toolbar.show(selection.getRangeAt(0).getBoundingClientRect());
  };
  document.addEventListener('selectionchange', selectionChanged);
  ctx.part('.reader-scroll').addEventListener('scroll', () => toolbar.hide());
  // With text selected: H highlights in the first colour, 1–6 in that colour; Escape hides the toolbar.
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || store.state.dialogs.modal) return;
    if (event.key === 'Escape') {
      toolbar.hide();
      return;
    }
    if (!reader.selectionRange()) return;
    const index = event.key === 'h' || event.key === 'H' ? 0 : Number.parseInt(event.key, 10) - 1;
    if (index >= 0 && index < COLORS.length) {
      event.preventDefault();
      const reason = readOnlyReason(store.state);
      if (reason) notify(reason);
      else void highlight(COLORS[index]!);
    }
  });

  return { commands, activate, selectionChanged, refresh };
}
