import {
  FONT_SIZE,
  type ApiError,
  type CallInput,
  type CallName,
  type CallOutput,
  type SearchHit,
  type SearchProgress,
  type SearchResults,
  type SourceSummary,
  type TagSummary,
} from '../core/api.ts';
import type { Annotation, Omission } from '../core/annotate/model.ts';
import { COLORS, DEFAULT_COLOR, type Color } from '../core/annotate/palette.ts';
import type { Source } from '../core/corpus/model.ts';
import { readingText } from '../core/corpus/reading-text.ts';
import { invoke } from './bridge.ts';
import { debounce, el, isTyping } from './dom.ts';
import { History } from './state/history.ts';
import { annotationEditor, type NoteSaver } from './features/annotations/annotation-editor.ts';
import { annotationsPanel, type AnnotationFilters } from './features/annotations/annotations-list.ts';
import { chooseAction, confirmAction, notify } from './ui/dialogs.ts';
import { exportDialog } from './features/transfer/export-dialog.ts';
import { importDialog } from './features/transfer/import-dialog.ts';
import { fieldLabel, metadataDialog } from './features/transfer/metadata-dialog.ts';
import { renderLibrary } from './features/library/library-view.ts';
import { searchResults } from './features/search/search-results.ts';
import { SelectionToolbar } from './features/annotations/selection-toolbar.ts';
import { tagManager } from './features/tags/tag-manager.ts';
import { trimDialog } from './features/annotations/trim-dialog.ts';
import { ReaderView } from './features/reader/reader-view.ts';

interface OpenSource {
  source: Source;
  view: ReaderView;
}

/**
 * The application: library, reader, highlight editor, annotations panel and tag manager, wired to
 * the main process through the bridge. State lives here; panels are re-rendered from it.
 */
export class App {
  readonly #root: HTMLElement;
  readonly #history = new History();
  readonly #toolbar = new SelectionToolbar((color) => void this.highlightSelection(color));
  #sources: SourceSummary[] = [];
  #tags: TagSummary[] = [];
  #annotations = new Map<string, Annotation>();
  #open: OpenSource | null = null;
  #activeId: string | null = null;
  #side: 'annotations' | 'tags' = 'annotations';
  #filters: AnnotationFilters = { scope: 'source', tagId: '', color: '', text: '' };
  #corpusAnnotations: Annotation[] = [];
  #noteSaver: NoteSaver | null = null;
  #fontSize: number = FONT_SIZE.default;
  #results: SearchResults | null = null;
  readonly #inFlight = new Set<Promise<unknown>>();
  #closeNote: (() => void) | null = null;
  #matches: { sourceId: string; ranges: { start: number; end: number }[]; current: number } | null = null;
  readonly #search = debounce((query: string) => void this.#runSearch(query), 250);
  readonly #savePosition = debounce((sourceId: string, offset: number) => void this.#call('reader.savePosition', { sourceId, offset }), 400);

  constructor(root: HTMLElement) {
    this.#root = root;
    document.body.append(this.#toolbar.element);
    document.addEventListener('keydown', (event) => this.#keyDown(event));
    document.addEventListener('selectionchange', () => this.#selectionChanged());
    window.addEventListener('beforeunload', () => this.#flush());
    window.apparatus?.on('menu.undo', () => void this.undo());
    window.apparatus?.on('menu.redo', () => void this.redo());
    window.apparatus?.on('menu.import', () => void this.importSource());
    window.apparatus?.on('menu.export', () => void this.exportAnnotations());
    window.apparatus?.on('app.flush', () => void this.flushAll().then(() => invoke('app.flushed')));
    window.apparatus?.on('search.progress', (payload) => this.#indexProgress(payload as SearchProgress));
    const searchInput = this.#q<HTMLInputElement>('.search-input');
    searchInput.addEventListener('input', () => this.#search(searchInput.value));
    searchInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.#search.flush();
        this.#q('.search-area').querySelector<HTMLButtonElement>('button.result')?.focus();
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.#q('.search-area').querySelector<HTMLButtonElement>('button.result')?.focus();
      } else if (event.key === 'Escape') {
        searchInput.value = '';
        this.#search('');
        this.#search.flush();
      }
    });
    this.#q('[data-action="next-match"]').addEventListener('click', () => this.#stepMatch(1));
    this.#q('[data-action="prev-match"]').addEventListener('click', () => this.#stepMatch(-1));
    this.#q('[data-action="import"]').addEventListener('click', () => void this.importSource());
    this.#q('.reader-scroll').addEventListener('scroll', () => this.#scrolled());
    this.#q('.side-tabs').addEventListener('click', (event) => {
      const tab = (event.target as HTMLElement).closest<HTMLElement>('[data-side]');
      if (tab) this.#showSide(tab.dataset.side as 'annotations' | 'tags');
    });
    this.#q('[data-action="smaller"]').addEventListener('click', () => void this.setFontSize(this.#fontSize - 1));
    this.#q('[data-action="larger"]').addEventListener('click', () => void this.setFontSize(this.#fontSize + 1));
  }

  /** Loads the library and the tags. */
  async start(): Promise<void> {
    const status = this.#q('.library .status');
    status.textContent = 'Loading sources…';
    const sources = await this.#call('corpus.list');
    if (!sources) {
      status.textContent = 'The library could not be loaded.';
      status.classList.add('error');
      return;
    }
    this.#sources = sources;
    renderLibrary(this.#q('.source-list'), sources, (id) => void this.openSource(id), (id) => void this.editDetails(id));
    status.textContent = sources.length === 0 ? 'The corpus folder holds no sources yet.' : '';
    await this.#reloadTags();
    this.#renderSide();
  }

  /** Saves everything still pending (a note being typed, the reading position) and waits for it. */
  async flushAll(): Promise<void> {
    this.#flush();
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Opens the metadata editor of a source and saves what the user changes. */
  async editDetails(id: string): Promise<void> {
    const [item, summary] = [await this.#call('corpus.metadata', { id }), this.#sources.find((s) => s.id === id)];
    if (!item) return;
    const saved = await metadataDialog(item, summary?.missing ?? [], async (patch) => {
      const result = await invoke('corpus.updateMetadata', { id, patch });
      return result.ok ? null : result.error.message;
    });
    if (!saved) return;
    const current = this.#open?.source.id;
    await this.start();
    for (const node of this.#root.querySelectorAll('.source')) node.classList.toggle('current', (node as HTMLElement).dataset.sourceId === current);
    notify('The details were saved.');
  }

  /** Asks what to export, then where, and writes the file. */
  async exportAnnotations(): Promise<void> {
    this.#flush();
    const open = this.#open ? { id: this.#open.source.id, title: this.#open.source.meta.csl['title-short'] ?? this.#open.source.meta.csl.title ?? this.#open.source.id } : null;
    const request = await exportDialog(open, this.#tags);
    if (!request) return;
    // Warn before writing citations that will come out incomplete.
    const scoped = request.scope.kind === 'source' ? this.#sources.filter((s) => s.id === (request.scope as { sourceId: string }).sourceId) : this.#sources;
    const incomplete = scoped.filter((s) => s.missing.length > 0);
    if (incomplete.length > 0) {
      const list = incomplete.map((s) => `“${s.shortTitle}” (${s.missing.map(fieldLabel).join(', ')})`).join('; ');
      const go = await chooseAction('Some sources lack details Chicago needs.', `${list}. Their citations will be incomplete; you can fill them in with Details… in the library.`, [{ label: 'Export anyway', value: true }]);
      if (!go) return;
    }
    const written = await this.#call('export.run', request);
    if (written) notify(`Exported ${written.annotations ? `${written.annotations} highlight${written.annotations === 1 ? '' : 's'} from ` : ''}${written.sources} source${written.sources === 1 ? '' : 's'} to ${written.file}.`);
  }

  /** Lets the user choose a file, confirm its metadata, and adds it to the corpus. */
  async importSource(): Promise<void> {
    const preview = await this.#call('corpus.importChoose');
    if (!preview) return;
    let imported: string | null = null;
    const done = await importDialog(preview, async (metadata) => {
      const result = await invoke('corpus.importCommit', { token: preview.token, metadata });
      if (!result.ok) return result.error.issues?.length ? `${result.error.message} ${result.error.issues.join('; ')}` : result.error.message;
      imported = result.value.id;
      return null;
    });
    if (!done || !imported) return;
    await this.start();
    notify(`“${preview.fileName}” was added to the corpus.`);
    await this.openSource(imported);
  }

  /** Opens a source in the reader, at the last reading position or at a given range. */
  async openSource(id: string, at?: { start: number; end: number }): Promise<void> {
    this.#flush();
    const [opened, state] = await Promise.all([this.#call('corpus.open', { id }), this.#call('reader.getState', { sourceId: id })]);
    if (!opened) return;
    this.#open?.view.destroy();
    this.#open = null;
    this.#activeId = null;
    const mount = this.#q('.reader-body');
    mount.replaceChildren();
    this.#q('.reader-empty').hidden = true;
    this.#q('.reader-title').textContent = opened.source.meta.csl.title ?? id;
    for (const item of this.#root.querySelectorAll('.source')) item.classList.toggle('current', (item as HTMLElement).dataset.sourceId === id);
    const spans = readingText(opened.source).blocks;
    const view = new ReaderView(mount, opened.source, spans, {
      selection: () => this.#selectionChanged(),
      activateHighlight: (annotationId) => this.#activate(annotationId),
      activateLink: (href) => void this.#openLink(href),
      activateNoteRef: (label, anchor) => this.#showNote(label, anchor),
    });
    this.#open = { source: opened.source, view };
    this.#q('.match-nav').hidden = true;
    this.#annotations = new Map(opened.annotations.map((a) => [a.id, a]));
    view.setHighlights(opened.annotations.filter((a) => a.anchor !== 'orphaned').map(toHighlight));
    if (state) await this.setFontSize(state.fontSize, false);
    const scroller = this.#q('.reader-scroll');
    if (at) view.scrollToRange(at.start, at.end);
    else if (state?.offset) view.scrollToRange(state.offset, state.offset, false);
    else scroller.scrollTop = 0;
    view.view.dom.focus({ preventScroll: true });
    this.#renderSide();
  }

  /** Highlights the current selection in a colour. */
  async highlightSelection(color: Color = DEFAULT_COLOR): Promise<void> {
    const open = this.#open;
    const range = open?.view.selectionRange();
    if (!open || !range) return;
    const created = await this.#call('annotations.create', { sourceId: open.source.id, ...range, color });
    if (!created) return;
    open.view.clearSelection();
    this.#toolbar.hide();
    this.#put(created);
    this.#history.record({
      label: 'highlight',
      undo: async () => !!(await this.#remove(created.id)),
      redo: async () => !!(await this.#restore(created)),
    });
    this.#activate(created.id);
  }

  /** Takes back the last annotation action (or, in a text field, the last edit there). */
  async undo(): Promise<void> {
    if (isTyping(document.activeElement)) document.execCommand('undo');
    else if (!(await this.#history.undo())) notify('Nothing to undo.');
  }

  /** Performs again the last undone annotation action. */
  async redo(): Promise<void> {
    if (isTyping(document.activeElement)) document.execCommand('redo');
    else if (!(await this.#history.redo())) notify('Nothing to redo.');
  }

  /** Sets the reading text size (remembered for every source). */
  async setFontSize(size: number, save = true): Promise<void> {
    this.#fontSize = Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, Math.round(size)));
    this.#root.style.setProperty('--reading-size', `${this.#fontSize}px`);
    if (save) await this.#call('reader.setFontSize', { size: this.#fontSize });
  }

  // ---- annotation actions (each undoable) ----

  async #update(annotation: Annotation, patch: { color?: Color; tags?: string[]; note?: string; omissions?: Omission[] }, label: string): Promise<void> {
    const before = { color: annotation.color, tags: annotation.tags, note: annotation.note, omissions: annotation.omissions };
    // A note typed in the open editor is already on screen: redrawing it would move the caret.
    const typing = label === 'edit note';
    let first = true;
    const apply = async (values: typeof patch) => {
      const saved = await this.#call('annotations.update', { id: annotation.id, ...values });
      if (saved) this.#put(saved, !(typing && first));
      first = false;
      return !!saved;
    };
    if (!(await apply(patch))) return;
    const undoPatch = Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof typeof before]]));
    this.#history.record({ label, undo: () => apply(undoPatch), redo: () => apply(patch) });
  }

  async #delete(annotation: Annotation): Promise<void> {
    const deleted = await this.#remove(annotation.id);
    if (!deleted) return;
    this.#history.record({
      label: 'delete highlight',
      undo: async () => !!(await this.#restore(deleted)),
      redo: async () => !!(await this.#remove(deleted.id)),
    });
    notify('Highlight deleted. Undo with Ctrl+Z (⌘Z).');
  }

  async #reattach(annotation: Annotation): Promise<void> {
    const open = this.#open;
    const range = open?.view.selectionRange();
    if (!open || open.source.id !== annotation.sourceId || !range) {
      notify('First select, in this source, the passage the highlight belongs to.', 'error');
      return;
    }
    const moved = await this.#call('annotations.reattach', { id: annotation.id, ...range });
    if (!moved) return;
    open.view.clearSelection();
    this.#put(moved);
    const swap = async (from: Annotation, to: Annotation) => !!(await this.#remove(from.id)) && !!(await this.#restore(to));
    this.#history.record({ label: 're-attach highlight', undo: () => swap(moved, annotation), redo: () => swap(annotation, moved) });
    this.#activate(moved.id);
  }

  // A derivative source (a paraphrase, a translation) is better not cited: offer its original.
  async #copyCitation(annotation: Annotation): Promise<void> {
    const summary = this.#sources.find((s) => s.id === annotation.sourceId);
    let original = false;
    if (summary?.derivativeOf) {
      const derivation = summary.derivativeOf.derivation ?? 'derived from';
      const relation = derivation.charAt(0).toLowerCase() + derivation.slice(1);
      const choice = await chooseAction(
        `“${summary.shortTitle}” is a ${relation} “${summary.derivativeOf.title}”.`,
        'Historians usually cite the original. Which do you want to cite?',
        [
          { label: 'Cite this source', value: 'this' as const },
          { label: 'Cite the original', value: 'original' as const },
        ],
      );
      if (choice === null) return;
      original = choice === 'original';
    }
    const citation = await this.#call('annotations.copyCitation', { id: annotation.id, original });
    if (citation) notify(`Citation copied: ${citation.text}`);
  }

  async #trimQuotation(annotation: Annotation): Promise<void> {
    const omissions = await trimDialog(annotation.quote.exact, annotation.omissions);
    if (omissions === null) return;
    const current = this.#annotations.get(annotation.id) ?? annotation;
    if (JSON.stringify(omissions) === JSON.stringify(current.omissions)) return;
    await this.#update(current, { omissions }, 'trim quotation');
  }

  async #addTag(annotation: Annotation, tagId: string): Promise<void> {
    if (!annotation.tags.includes(tagId)) await this.#update(annotation, { tags: [...annotation.tags, tagId] }, 'tag highlight');
  }

  async #createTag(annotation: Annotation, name: string): Promise<void> {
    const tag = await this.#call('tags.create', { name, color: annotation.color });
    if (!tag) return;
    await this.#reloadTags();
    await this.#addTag(this.#annotations.get(annotation.id) ?? annotation, tag.id);
  }

  async #remove(id: string): Promise<Annotation | null> {
    const deleted = await this.#call('annotations.delete', { id });
    if (!deleted) return null;
    this.#annotations.delete(id);
    this.#corpusAnnotations = this.#corpusAnnotations.filter((a) => a.id !== id);
    this.#open?.view.removeHighlight(id);
    if (this.#activeId === id) this.#activeId = null;
    await this.#reloadTags();
    this.#renderSide();
    return deleted;
  }

  async #restore(annotation: Annotation): Promise<Annotation | null> {
    const restored = await this.#call('annotations.restore', { annotation });
    if (restored) this.#put(restored);
    return restored;
  }

  // Brings the UI in line with one saved annotation.
  #put(annotation: Annotation, redraw = true): void {
    const open = this.#open;
    if (open && open.source.id === annotation.sourceId) {
      const previous = this.#annotations.get(annotation.id);
      this.#annotations.set(annotation.id, annotation);
      if (previous) open.view.removeHighlight(annotation.id);
      if (annotation.anchor !== 'orphaned') open.view.addHighlight(toHighlight(annotation));
      if (this.#activeId === annotation.id) open.view.selectHighlight(annotation.id);
    }
    this.#corpusAnnotations = this.#corpusAnnotations.map((a) => (a.id === annotation.id ? annotation : a));
    if (redraw) void this.#reloadTags().then(() => this.#renderSide());
  }

  // ---- tags ----

  async #reloadTags(): Promise<void> {
    this.#tags = (await this.#call('tags.list')) ?? this.#tags;
  }

  async #tagAction<N extends CallName>(name: N, input: CallInput<N>): Promise<void> {
    if (!(await this.#call(name, input))) return;
    await this.#reloadTags();
    await this.#refreshAnnotations();
  }

  async #refreshAnnotations(): Promise<void> {
    if (this.#open) {
      const list = await this.#call('annotations.list', { sourceId: this.#open.source.id });
      if (list) this.#annotations = new Map(list.map((a) => [a.id, a]));
    }
    if (this.#filters.scope === 'corpus') this.#corpusAnnotations = (await this.#call('annotations.list', {})) ?? [];
    this.#renderSide();
  }

  // ---- side panel ----

  #showSide(side: 'annotations' | 'tags'): void {
    this.#flush();
    this.#side = side;
    for (const tab of this.#root.querySelectorAll<HTMLElement>('[data-side]')) tab.setAttribute('aria-selected', String(tab.dataset.side === side));
    this.#renderSide();
  }

  #renderSide(): void {
    const body = this.#q('.side-body');
    this.#noteSaver = null;
    if (this.#side === 'tags') {
      body.replaceChildren(
        tagManager(this.#tags, {
          rename: (tag, name) => void this.#tagAction('tags.rename', { id: tag.id, name }),
          recolor: (tag, color) => void this.#tagAction('tags.recolor', { id: tag.id, color }),
          setParent: (tag, parent) => void this.#tagAction('tags.setParent', { id: tag.id, parent }),
          merge: async (tag, into) => {
            const ok = await confirmAction(`Merge “${tag.name}” into “${into.name}”?`, `${tag.usage} annotation${tag.usage === 1 ? '' : 's'} will carry “${into.name}” instead, and “${tag.name}” will be gone.`, 'Merge');
            if (ok) await this.#tagAction('tags.merge', { from: tag.id, into: into.id });
          },
          delete: async (tag) => {
            const ok = await confirmAction(`Delete the tag “${tag.name}”?`, `It is on ${tag.usage} annotation${tag.usage === 1 ? '' : 's'}; they keep their highlights and notes.`, 'Delete tag');
            if (ok) await this.#tagAction('tags.delete', { id: tag.id });
          },
        }),
      );
      return;
    }
    const parts: HTMLElement[] = [];
    const active = this.#activeId ? this.#annotations.get(this.#activeId) : undefined;
    if (active) {
      const editor = annotationEditor(active, this.#tags, {
        setColor: (color) => void this.#update(active, { color }, 'recolour highlight'),
        addTag: (tagId) => void this.#addTag(active, tagId),
        createTag: (name) => void this.#createTag(active, name),
        removeTag: (tagId) => void this.#update(active, { tags: active.tags.filter((id) => id !== tagId) }, 'untag highlight'),
        saveNote: (note) => void this.#update(this.#annotations.get(active.id) ?? active, { note }, 'edit note'),
        delete: () => void this.#delete(active),
        reattach: () => void this.#reattach(active),
        copyCitation: () => void this.#copyCitation(active),
        trimQuotation: () => void this.#trimQuotation(active),
        quoteInFull: () => void this.#update(active, { omissions: [] }, 'quote in full'),
        close: () => this.#activate(null),
      });
      this.#noteSaver = editor.notes;
      parts.push(editor.element);
    }
    const listed = this.#filters.scope === 'corpus' ? this.#corpusAnnotations : [...this.#annotations.values()];
    parts.push(
      annotationsPanel(listed, this.#tags, this.#sources, this.#filters, {
        export: () => void this.exportAnnotations(),
        changeFilters: (filters) => {
          this.#filters = filters;
          void this.#refreshAnnotations();
        },
        open: (annotation) => void this.#goTo(annotation),
        reattach: (annotation) => void this.#reattach(annotation),
        delete: (annotation) => void this.#delete(annotation),
      }),
    );
    // Keep focus where the user was typing when the panel is rebuilt.
    const focused = document.activeElement as HTMLElement | null;
    const focusKey = focused?.getAttribute('aria-label');
    const caret = focused instanceof HTMLTextAreaElement || focused instanceof HTMLInputElement ? focused.selectionStart : null;
    body.replaceChildren(...parts);
    if (focused && focusKey && body.contains(focused) === false && isTyping(focused)) {
      const again = body.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[aria-label="${CSS.escape(focusKey)}"]`);
      again?.focus();
      if (again && caret !== null) again.setSelectionRange(caret, caret);
    }
  }

  #activate(id: string | null): void {
    this.#flush();
    this.#activeId = id;
    this.#open?.view.selectHighlight(id);
    if (this.#side !== 'annotations') this.#showSide('annotations');
    else this.#renderSide();
    if (id) this.#q<HTMLElement>('.side-body').querySelector<HTMLElement>('.annotation-editor .swatch[aria-checked="true"]')?.focus();
  }

  async #goTo(annotation: Annotation): Promise<void> {
    if (this.#open?.source.id !== annotation.sourceId) await this.openSource(annotation.sourceId, annotation.position);
    else this.#open.view.scrollToRange(annotation.position.start, annotation.position.end);
    this.#activate(annotation.id);
  }

  // ---- reader events ----

  #selectionChanged(): void {
    const range = this.#open?.view.selectionRange();
    const selection = document.getSelection();
    if (!range || !selection || selection.rangeCount === 0) {
      this.#toolbar.hide();
      return;
    }
    this.#toolbar.show(selection.getRangeAt(0).getBoundingClientRect());
  }

  #scrolled(): void {
    const open = this.#open;
    if (!open) return;
    this.#toolbar.hide();
    this.#savePosition(open.source.id, open.view.topOffset(this.#q('.reader-scroll')));
  }

  async #openLink(href: string): Promise<void> {
    if (!/^https?:\/\//i.test(href)) {
      notify(`This link cannot be opened: ${href}`, 'error');
      return;
    }
    if (await confirmAction('Open this link in your browser?', href, 'Open link')) await this.#call('app.openExternal', { url: href });
  }

  #showNote(label: string, anchor: HTMLElement): void {
    this.#closeNote?.();
    const note = this.#open?.source.notes.find((n) => n.label === label);
    if (!note) return;
    const popover = el('div', 'note-popover', undefined, { role: 'dialog', 'aria-label': `Note ${label}` });
    const noteElement = this.#q('.reader-body').querySelector(`.note[data-label="${CSS.escape(label)}"]`);
    popover.append(el('span', 'note-popover-label', label));
    for (const paragraph of noteElement?.querySelectorAll('p') ?? []) popover.append(paragraph.cloneNode(true));
    // Removing a focused popover fires focusout while it is being removed: remove it once only.
    let gone = false;
    const dismiss = () => {
      if (gone) return;
      gone = true;
      this.#closeNote = null;
      popover.remove();
    };
    this.#closeNote = dismiss;
    popover.tabIndex = -1;
    popover.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      dismiss();
      anchor.focus();
    });
    popover.addEventListener('focusout', (event) => !popover.contains(event.relatedTarget as Node) && dismiss());
    document.body.append(popover);
    const rect = anchor.getBoundingClientRect();
    popover.style.left = `${Math.min(rect.left, window.innerWidth - popover.offsetWidth - 12)}px`;
    popover.style.top = `${rect.bottom + 6}px`;
    popover.focus();
  }

  #keyDown(event: KeyboardEvent): void {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'z' && !isTyping(event.target)) {
      event.preventDefault();
      void (event.shiftKey ? this.redo() : this.undo());
      return;
    }
    if (mod && event.key.toLowerCase() === 'y' && !isTyping(event.target)) {
      event.preventDefault();
      void this.redo();
      return;
    }
    if (mod || event.altKey || isTyping(event.target)) return;
    if (event.key === 'F3') {
      event.preventDefault();
      this.#stepMatch(event.shiftKey ? -1 : 1);
      return;
    }
    if (event.key === 'Escape') {
      this.#closeNote?.();
      this.#toolbar.hide();
      return;
    }
    if (!this.#open?.view.selectionRange()) return;
    const index = event.key === 'h' || event.key === 'H' ? 0 : Number.parseInt(event.key, 10) - 1;
    if (index >= 0 && index < COLORS.length) {
      event.preventDefault();
      void this.highlightSelection(COLORS[index]);
    }
  }

  // ---- search ----

  async #runSearch(query: string): Promise<void> {
    const area = this.#q('.search-area');
    const list = this.#q('.source-list');
    if (query.trim() === '') {
      this.#results = null;
      area.hidden = true;
      list.hidden = false;
      return;
    }
    const results = await this.#call('search.query', { query, limit: 200 });
    if (!results) return;
    this.#results = results;
    area.replaceChildren(searchResults(results, (hit) => void this.#openHit(hit)));
    area.hidden = false;
    list.hidden = true;
  }

  async #openHit(hit: SearchHit): Promise<void> {
    const results = this.#results;
    if (!results) return;
    // Every match in this source, in reading order, so next/previous walk the whole source.
    const ranges = results.hits
      .filter((h) => h.sourceId === hit.sourceId && h.kind === 'block')
      .flatMap((h) => h.ranges)
      .sort((a, b) => a.start - b.start);
    const target = hit.ranges[0];
    let current = target ? ranges.findIndex((r) => r.start === target.start) : 0;
    if (current < 0) {
      ranges.push(...hit.ranges);
      ranges.sort((a, b) => a.start - b.start);
      current = ranges.findIndex((r) => r.start === target!.start);
    }
    if (this.#open?.source.id !== hit.sourceId) await this.openSource(hit.sourceId, target);
    this.#matches = { sourceId: hit.sourceId, ranges, current: Math.max(0, current) };
    this.#showMatch();
    if (hit.annotationId) this.#activate(hit.annotationId);
  }

  #stepMatch(direction: 1 | -1): void {
    const matches = this.#matches;
    if (!matches || matches.ranges.length === 0 || this.#open?.source.id !== matches.sourceId) return;
    matches.current = (matches.current + direction + matches.ranges.length) % matches.ranges.length;
    this.#showMatch();
  }

  #showMatch(): void {
    const matches = this.#matches;
    const view = this.#open?.view;
    const nav = this.#q('.match-nav');
    if (!matches || !view || this.#open?.source.id !== matches.sourceId || matches.ranges.length === 0) {
      nav.hidden = true;
      return;
    }
    view.setSearchMatches(matches.ranges, matches.current);
    const range = matches.ranges[matches.current]!;
    view.scrollToRange(range.start, range.end);
    nav.hidden = false;
    this.#q('.match-count').textContent = `${matches.current + 1} of ${matches.ranges.length}`;
  }

  #indexProgress(progress: SearchProgress): void {
    const bar = this.#q<HTMLProgressElement>('.index-progress');
    const done = progress.total === 0 || progress.done >= progress.total;
    bar.hidden = done;
    bar.max = Math.max(1, progress.total);
    bar.value = progress.done;
  }

  // ---- plumbing ----

  // Saves whatever is still pending (a note being typed, the reading position).
  #flush(): void {
    this.#noteSaver?.flush();
    this.#savePosition.flush();
  }

  async #call<N extends CallName>(name: N, input?: CallInput<N>): Promise<CallOutput<N> | null> {
    const pending = invoke(name, input);
    this.#inFlight.add(pending);
    const result = await pending.finally(() => this.#inFlight.delete(pending));
    if (result.ok) return result.value;
    this.#report(result.error);
    return null;
  }

  #report(error: ApiError): void {
    notify(error.message, 'error');
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T {
    const found = this.#root.querySelector<T>(selector);
    if (!found) throw new Error(`The page lacks ${selector}.`);
    return found;
  }
}

function toHighlight(annotation: Annotation) {
  return { id: annotation.id, start: annotation.position.start, end: annotation.position.end, color: annotation.color };
}
