// Runs in the sandboxed renderer before the page: exposes exactly the contract as
// window.apparatus, one function per call, and never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { callNames, channelFor, DROPPED_FILE_CHANNEL, eventChannel, eventNames, type EventName } from '../core/api.ts';

const api: Record<string, unknown> = {};
for (const name of callNames) {
  const [namespace, method] = name.split('.') as [string, string];
  const channel = channelFor(name);
  const calls = (api[namespace] ??= {}) as Record<string, (input?: unknown) => Promise<unknown>>;
  calls[method] = (input?: unknown) => ipcRenderer.invoke(channel, input);
}
api.on = (event: EventName, listener: (payload?: unknown) => void) => {
  if (!eventNames.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
  const channel = eventChannel(event);
  // The page's listener gets main's payload, never the IPC event object.
  const handler = (_event: unknown, payload?: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
};
// A dropped file's path is known here only: main gets it, the page gets a token for it.
api.droppedFile = async (file: unknown) => {
  let path: string;
  try {
    path = webUtils.getPathForFile(file as File);
  } catch {
    return null;
  }
  return path ? ipcRenderer.invoke(DROPPED_FILE_CHANNEL, path) : null;
};
contextBridge.exposeInMainWorld('apparatus', api);
