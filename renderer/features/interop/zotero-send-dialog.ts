import type { Result, SourceSummary } from '../../../core/api.ts';
import type { CslItem } from '../../../core/corpus/model.ts';
import { describeReference } from '../../../core/interop/references/plan-summary.ts';
import { el } from '../../dom.ts';
import { checkboxItem, PanelDialog, plural } from '../../ui/panel-dialog.ts';

/** What was sent, as `zotero.send` reports it. */
export interface Sent {
  sent: number;
  saved: number;
}

/**
 * Asks which sources (and references without text) to send to Zotero, the open source ticked,
 * and sends them; a refusal (Zotero not running) is said in the dialog, which stays open so the
 * user can start Zotero and send again. Resolves with what was sent, or null if cancelled.
 */
export async function zoteroSendDialog(
  sources: readonly SourceSummary[],
  references: readonly CslItem[],
  current: string | null,
  send: (ids: string[]) => Promise<Result<Sent>>,
): Promise<Sent | null> {
  const dialog = new PanelDialog('Send to Zotero', 'zotero-send');
  dialog.body.append(el('p', 'panel-intro', 'The references of the sources you tick are added to the library or collection selected in Zotero. Zotero must be running.'));
  const boxes: HTMLInputElement[] = [];
  const group = (legend: string, entries: { id: string; text: string; detail: string }[]) => {
    if (entries.length === 0) return;
    const fieldset = el('fieldset', 'send-group');
    fieldset.append(el('legend', '', legend));
    for (const entry of entries) {
      const item = checkboxItem(entry.text, entry.id, entry.detail);
      item.input.checked = entry.id === current;
      item.input.addEventListener('change', refresh);
      boxes.push(item.input);
      fieldset.append(item.label);
    }
    dialog.body.append(fieldset);
  };
  const readable = sources.filter((source) => !source.problem);
  group('Sources', readable.map((s) => ({ id: s.id, text: s.shortTitle, detail: [s.authors, s.year ?? 'n.d.'].filter(Boolean).join(', ') })));
  group('References without text', references.map((item) => ({ id: item.id, text: describeReference(item), detail: item.id })));

  let sent: Sent | null = null;
  dialog.addButton('Cancel', () => dialog.close());
  const confirm = dialog.addButton('Send', () => {
    const ids = boxes.filter((box) => box.checked).map((box) => box.value);
    dialog.busy = confirm.disabled = true;
    void send(ids).then((result) => {
      dialog.busy = false;
      refresh();
      if (!result.ok) return dialog.say(result.error.message);
      sent = result.value;
      dialog.close();
    });
  }, true);
  function refresh(): void {
    const chosen = boxes.filter((box) => box.checked).length;
    confirm.textContent = chosen > 0 ? `Send ${plural(chosen, 'reference')}` : 'Send';
    confirm.disabled = chosen === 0 || dialog.busy;
  }
  refresh();
  (boxes.find((box) => box.checked) ?? boxes[0] ?? confirm).focus();
  await dialog.closed;
  return sent;
}
