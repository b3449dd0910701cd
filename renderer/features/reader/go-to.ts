import type { Source } from '../../../core/corpus/model.ts';
import { blockText } from '../../../core/corpus/inline-runs.ts';
import { locate } from '../../../core/corpus/source-index.ts';
import type { Context } from '../../context.ts';
import { el } from '../../dom.ts';
import type { TextRange } from '../../state/app-state.ts';
import { notify } from '../../ui/dialogs.ts';

/** A place the outline lists: a heading, or the notes. */
interface Entry {
  label: string;
  level: number;
  offset: number;
}

function outlineOf(source: Source): Entry[] {
  const spans = locate(source).reading.blocks;
  const entries: Entry[] = source.blocks.flatMap((block, i) =>
    block.type === 'heading' ? [{ label: blockText(block) || '(untitled section)', level: block.level ?? 2, offset: spans[i]!.start }] : [],
  );
  const firstNote = spans[source.blocks.length];
  if (firstNote) entries.push({ label: 'Notes', level: 1, offset: firstNote.start });
  return entries;
}

/** What going somewhere needs of the reader. */
export interface GoToDeps {
  scrollTo(range: TextRange): void;
  focusReader(): void;
}

/**
 * Mounts the reader's navigation: the outline of the source's headings (a menu under Contents,
 * crossed with the arrows, Home and End),
 * and the page field, which shows the printed page on screen while scrolling and goes to the page
 * typed into it (Ctrl+G). Each shows only when the source has headings, or printed pages.
 */
export function mountGoTo(ctx: Context, deps: GoToDeps): void {
  const { store } = ctx;
  const group = ctx.part('.reader-nav');
  const outlineButton = ctx.part('[data-action="outline"]');
  const outline = ctx.part('.outline');
  const pageField = ctx.part('.page-field');
  const pageInput = ctx.part<HTMLInputElement>('.page-input');
  let entries: Entry[] = [];

  const closeOutline = (returnFocus: boolean) => {
    if (outline.hidden) return;
    outline.hidden = true;
    outlineButton.setAttribute('aria-expanded', 'false');
    if (returnFocus) outlineButton.focus();
  };
  const go = (offset: number) => {
    deps.scrollTo({ start: offset, end: offset });
    deps.focusReader();
  };
  const openOutline = () => {
    const list = el('ul', 'outline-list');
    for (const entry of entries) {
      const item = el('li', `outline-level-${Math.min(entry.level, 4)}`);
      const link = el('button', 'outline-entry', entry.label, { type: 'button', title: entry.label });
      link.addEventListener('click', () => {
        closeOutline(false);
        go(entry.offset);
      });
      item.append(link);
      list.append(item);
    }
    outline.replaceChildren(list);
    outline.hidden = false;
    // Under its button (the pane is the menu's containing block).
    const bar = outlineButton.closest<HTMLElement>('.reader-toolbar');
    outline.style.top = `${(bar?.offsetTop ?? 0) + (bar?.offsetHeight ?? 0)}px`;
    outline.style.left = `${Math.max(8, Math.min(outlineButton.offsetLeft, (outline.offsetParent?.clientWidth ?? 0) - outline.offsetWidth - 8))}px`;
    outlineButton.setAttribute('aria-expanded', 'true');
    list.querySelector<HTMLButtonElement>('button')?.focus();
  };
  outlineButton.addEventListener('click', () => (outline.hidden ? openOutline() : closeOutline(true)));
  outline.addEventListener('keydown', (event) => {
    const buttons = [...outline.querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeOutline(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      buttons[(index + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      // As in the library and the search results: a long outline is crossed in one key.
      event.preventDefault();
      (event.key === 'Home' ? buttons[0] : buttons.at(-1))?.focus();
    }
  });
  outline.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node && (outline.contains(next) || next === outlineButton))) closeOutline(false);
  });

  const goToPage = () => {
    const source = store.state.open?.source;
    const label = pageInput.value.trim().replace(/^p\.?\s*/i, '');
    if (!source || label === '') return;
    const index = locate(source);
    const offset = index.pageStart(label);
    if (offset === null) {
      const pages = index.pageLabels();
      notify(`There is no page ${label} in this source; its pages run from ${pages[0]} to ${pages.at(-1)}.`);
      pageInput.select();
      return;
    }
    go(offset);
  };
  pageInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      goToPage();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      deps.focusReader();
    }
  });
  pageInput.addEventListener('focus', () => pageInput.select());
  pageInput.addEventListener('blur', () => showPage());
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'g' || store.state.dialogs.modal) return;
    if (pageField.hidden || !store.state.open) return;
    event.preventDefault();
    pageInput.focus();
  });

  // The page at the top of the screen, unless the user is typing one.
  const showPage = () => {
    const { open, reader } = store.state;
    if (!open || document.activeElement === pageInput) return;
    try {
      pageInput.value = locate(open.source).pageAt(reader.offset ?? 0) ?? '';
    } catch {
      pageInput.value = '';
    }
  };
  store.watch(
    (state) => state.open?.source,
    (source) => {
      closeOutline(false);
      entries = source ? outlineOf(source) : [];
      const paged = source ? locate(source).pageLabels().length > 0 : false;
      outlineButton.hidden = entries.length === 0;
      pageField.hidden = !paged;
      group.hidden = !source || (entries.length === 0 && !paged);
    },
  );
  store.watch((state) => [state.open?.source, state.reader.offset] as const, showPage);
}
