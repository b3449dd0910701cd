// Runs in the sandboxed renderer before the page: exposes exactly the contract as
// window.apparatus, one function per call, and never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { callNames, channelFor } from '../core/api.ts';

const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
for (const name of callNames) {
  const [namespace, method] = name.split('.') as [string, string];
  const channel = channelFor(name);
  (api[namespace] ??= {})[method] = (input?: unknown) => ipcRenderer.invoke(channel, input);
}
contextBridge.exposeInMainWorld('apparatus', api);
