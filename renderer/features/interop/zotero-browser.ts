import type { Result, ZoteroCollectionView, ZoteroImportReport, ZoteroItemView, ZoteroProgress } from '../../../core/api.ts';
import { button, el } from '../../dom.ts';
import { checkboxItem, PanelDialog, plural } from '../../ui/panel-dialog.ts';
import { zoteroResults } from './zotero-results.ts';

/** What the browser asks of main and of the app. */
export interface ZoteroBrowserDeps {
  collections(): Promise<Result<ZoteroCollectionView[]>>;
  items(collection: string | undefined): Promise<Result<ZoteroItemView[]>>;
  import(keys: string[]): Promise<Result<ZoteroImportReport>>;
  cancel(): void;
  /** Opens a source in the reader (the browser closes first). */
  open(sourceId: string): void;
}

/** The browser while it is open: main's progress events are passed to it. */
export interface ZoteroBrowser {
  progress(progress: ZoteroProgress): void;
  /** Resolves with the report of the import made, or null when nothing was imported. */
  readonly done: Promise<ZoteroImportReport | null>;
}

const TYPE_NAMES: Record<string, string> = { journalArticle: 'article', bookSection: 'chapter', magazineArticle: 'magazine article', newspaperArticle: 'newspaper article', webpage: 'web page' };

/**
 * Browses the Zotero library: its collections, the works of the one chosen with a checkbox each,
 * and imports those ticked with progress and Stop (or Escape), then says what became of each.
 * When Zotero is not running or its local API is off, main's message says how to turn it on,
 * with Try Again.
 */
export function openZoteroBrowser(deps: ZoteroBrowserDeps): ZoteroBrowser {
  const dialog = new PanelDialog('Import from Zotero', 'zotero-browser');
  const collections = el('select', 'zotero-collections', undefined, { size: '8', 'aria-label': 'Zotero collections' });
  const items = el('fieldset', 'zotero-items');
  const legend = el('legend', '', 'Items');
  const all = checkboxItem('Select all', '');
  const list = el('div', 'zotero-item-list');
  items.append(legend, all.label, list);
  const columns = el('div', 'zotero-columns');
  const collectionsField = el('label', 'form-field');
  collectionsField.append(el('span', '', 'Collection'), collections);
  columns.append(collectionsField, items);
  const status = el('div', 'zotero-status', undefined, { role: 'status' });
  const bar = el('progress', 'zotero-progress', undefined, { max: '1', value: '0' });
  const statusText = el('span');
  const stop = button('Stop', () => {
    stop.disabled = true;
    deps.cancel();
  });
  status.append(bar, statusText, stop);
  status.hidden = true;
  // Escape stops the import under way, as Stop does; the dialog stays to show what was imported.
  dialog.stopWith(stop);
  const retry = button('Try Again', () => void load());
  retry.hidden = true;
  dialog.alert.after(retry);
  dialog.body.append(columns, status);

  const titles = new Map<string, string>();
  let boxes: HTMLInputElement[] = [];
  const close = dialog.addButton('Close', () => dialog.close());
  const importButton = dialog.addButton('Import', () => void run(), true);
  const refresh = () => {
    const chosen = boxes.filter((box) => box.checked).length;
    importButton.textContent = chosen > 0 ? `Import ${plural(chosen, 'item')}` : 'Import';
    importButton.disabled = chosen === 0 || dialog.busy;
    all.input.checked = chosen > 0 && chosen === boxes.length;
    all.input.indeterminate = chosen > 0 && chosen < boxes.length;
  };
  all.input.addEventListener('change', () => {
    for (const box of boxes) box.checked = all.input.checked;
    refresh();
  });

  // A failure is said in the dialog; Zotero not answering can be tried again once it is started.
  const failed = <T>(result: Result<T>): result is Extract<Result<T>, { ok: false }> => {
    if (result.ok) return false;
    dialog.say(result.error.message);
    retry.hidden = result.error.code !== 'unavailable';
    return true;
  };
  const showItems = async () => {
    const key = collections.value === '' ? undefined : collections.value;
    const found = await deps.items(key);
    if (failed(found)) return;
    boxes = [];
    list.replaceChildren();
    for (const item of found.value) {
      titles.set(item.key, item.title);
      const detail = [item.creators, item.year ?? 'n.d.', TYPE_NAMES[item.itemType] ?? item.itemType].filter(Boolean).join(' · ');
      const entry = checkboxItem(item.title, item.key, detail);
      entry.input.addEventListener('change', refresh);
      boxes.push(entry.input);
      list.append(entry.label);
    }
    if (found.value.length === 0) list.append(el('p', 'form-hint', 'No items here.'));
    legend.textContent = `Items (${found.value.length})`;
    all.label.hidden = found.value.length === 0;
    refresh();
  };
  const load = async () => {
    dialog.say('');
    retry.hidden = true;
    const found = await deps.collections();
    if (failed(found)) {
      retry.focus();
      return;
    }
    collections.replaceChildren(el('option', '', 'My Library (all items)', { value: '' }));
    const add = (parent: string | null, depth: number) => {
      for (const c of found.value.filter((col) => col.parent === parent).sort((a, b) => a.name.localeCompare(b.name))) {
        collections.append(el('option', '', `${'\u00a0\u00a0'.repeat(depth)}${c.name}${c.items === null ? '' : ` (${c.items})`}`, { value: c.key }));
        add(c.key, depth + 1);
      }
    };
    add(null, 0);
    collections.value = '';
    await showItems();
    collections.focus();
  };
  collections.addEventListener('change', () => void showItems());

  let report: ZoteroImportReport | null = null;
  const run = async () => {
    const keys = boxes.filter((box) => box.checked).map((box) => box.value);
    if (keys.length === 0) return;
    dialog.busy = close.disabled = importButton.disabled = collections.disabled = true;
    dialog.say('');
    status.hidden = false;
    stop.disabled = false;
    progress({ done: 0, total: keys.length, key: keys[0] ?? null });
    // The Import button just pressed is now off: the focus would fall out of the dialog.
    stop.focus();
    const result = await deps.import(keys);
    dialog.busy = close.disabled = collections.disabled = false;
    status.hidden = true;
    if (failed(result)) {
      refresh();
      // Stop went with the progress: the focus goes back to the button that tries again.
      importButton.focus();
      return;
    }
    report = result.value;
    dialog.body.replaceChildren(...zoteroResults(result.value, (key) => titles.get(key) ?? key, (id) => {
      dialog.close();
      deps.open(id);
    }));
    importButton.remove();
    if (result.value.stopped) dialog.say(result.value.stopped);
    close.focus();
  };
  const progress = (p: ZoteroProgress) => {
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    statusText.textContent = p.key === null ? `Imported ${p.done} of ${p.total}.` : `Importing ${p.done + 1} of ${p.total}: “${titles.get(p.key) ?? p.key}”…`;
  };

  refresh();
  void load();
  return { progress, done: dialog.closed.then(() => report) };
}
