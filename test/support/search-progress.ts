import type { SearchProgress } from '../../core/api.ts';
import type { AppPage } from './app-page.ts';

/**
 * The search index's progress as Electron's main process sends it to the window: each event
 * emitted to the page once it is open, the last one heard before that sent as it opens.
 */
export function searchProgressToPage(): { onSearchProgress(progress: SearchProgress): void; attach(app: AppPage): Promise<void> } {
  let page: AppPage | undefined;
  let last: SearchProgress | undefined;
  return {
    onSearchProgress(progress) {
      last = progress;
      // A page closed meanwhile has nothing left to show it on.
      if (page) page.emit('search.progress', progress).catch(() => {});
    },
    async attach(app) {
      page = app;
      if (last) await app.emit('search.progress', last);
    },
  };
}
