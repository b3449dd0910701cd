import type { Context } from '../context.ts';
import { isTyping } from '../dom.ts';
import { notify } from '../ui/dialogs.ts';

/** Undo and redo, from the keyboard and the Edit menu. */
export interface UndoRedo {
  /** Takes back the last action (or, in a text field, the last edit there). */
  undo(): Promise<void>;
  /** Performs again the last undone action (or, in a text field, the last undone edit there). */
  redo(): Promise<void>;
}

/** Binds Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (⌘ on macOS) to the history, outside text fields. */
export function mountUndo(ctx: Context): UndoRedo {
  const { history } = ctx;
  const undo = async () => {
    if (isTyping(document.activeElement)) document.execCommand('undo');
    else if (!(await history.undo())) notify('Nothing to undo.');
  };
  const redo = async () => {
    if (isTyping(document.activeElement)) document.execCommand('redo');
    else if (!(await history.redo())) notify('Nothing to redo.');
  };
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || isTyping(event.target) || ctx.store.state.dialogs.modal) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    event.preventDefault();
    void (key === 'y' || event.shiftKey ? redo() : undo());
  });
  return { undo, redo };
}
