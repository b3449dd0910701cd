import type { ShareView } from '../../../core/api.ts';
import type { Context } from '../../context.ts';
import type { WriteLock } from '../../state/app-state.ts';
import { notify } from '../../ui/dialogs.ts';
import { shareDialog } from './share-dialog.ts';
import { readOnlyReason } from './share-reducer.ts';
import { describeShareView } from './share-status.ts';

/** Sharing the corpus with a group: the File menu's commands, the status indicator, what others changed. */
export interface Share {
  /** Reads how the project shares, for the indicator. */
  load(): Promise<void>;
  /** File ▸ Share Corpus… or Join…: asks for the server, name, group and token, and joins. */
  join(sharing: boolean): Promise<void>;
  /** Where syncing stands now (main's event). */
  status(view: ShareView): void;
  /** Something the user should know (a source set aside, a text changed; main's event). */
  notice(message: string): void;
  /** Other members changed annotations or tags: the lists are loaded again. */
  changed(tags: boolean): Promise<void>;
}

/** What the feature needs from its neighbours. */
export interface ShareDeps {
  refreshAnnotations(): Promise<void>;
  reloadTags(): Promise<void>;
  reloadLibrary(): Promise<boolean>;
}

/** Mounts the status indicator under the library's header; it stays hidden while nothing is shared. */
export function mountShare(ctx: Context, deps: ShareDeps): Share {
  const { store, calls } = ctx;
  const indicator = ctx.part('.share-status');
  let view: ShareView = { joined: false };

  const status = (next: ShareView) => {
    view = next;
    const role: WriteLock['role'] | null = next.joined ? (next.role === null ? 'unknown' : next.role === 'reader' ? 'reader' : null) : null;
    const lock: WriteLock | null = next.joined && role !== null ? { group: next.group, role } : null;
    const before = store.state.writeLock;
    if (before?.group !== lock?.group || before?.role !== lock?.role) {
      // Work done while the user could write is not theirs to undo once they read only.
      if (lock !== null) ctx.history.clear();
      store.dispatch({ type: 'share/writeLock', lock });
    }
    const described = describeShareView(next);
    indicator.hidden = described === null;
    indicator.textContent = described?.text ?? '';
    indicator.title = described?.title ?? '';
    indicator.dataset.state = described?.state ?? '';
  };

  // Why the user may not write to the group, always in view under the indicator.
  const lockLine = ctx.part('.write-lock');
  store.watch(
    (state) => readOnlyReason(state),
    (reason) => {
      lockLine.hidden = reason === null;
      lockLine.textContent = reason ?? '';
    },
  );

  return {
    async load() {
      const current = await calls.call('share.view');
      if (current) status(current);
    },
    async join(sharing) {
      if (store.state.dialogs.modal !== null) return;
      const joined = await ctx.modal('share', () => shareDialog(sharing, view, (fields) => calls.result('share.join', fields)));
      if (!joined) return;
      status(joined);
      if (joined.joined) notify(`This project now shares its corpus with “${joined.group}”.`);
      await deps.reloadLibrary();
      await deps.reloadTags();
      await deps.refreshAnnotations();
    },
    status,
    notice(message) {
      notify(message);
    },
    async changed(tags) {
      if (tags) await deps.reloadTags();
      await deps.refreshAnnotations();
    },
  };
}
