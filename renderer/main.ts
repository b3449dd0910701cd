import { listSources } from './bridge.ts';
import { renderLibrary } from './panels/library.ts';

async function start(): Promise<void> {
  const list = document.querySelector<HTMLElement>('.source-list');
  const status = document.querySelector<HTMLElement>('.library .status');
  if (!list || !status) return;
  status.textContent = 'Loading sources…';
  const result = await listSources();
  if (!result.ok) {
    status.textContent = result.error.message;
    status.classList.add('error');
    return;
  }
  renderLibrary(list, result.value);
  status.textContent = result.value.length === 0 ? 'The corpus folder holds no sources yet.' : '';
}

void start();
