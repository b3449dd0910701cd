import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { callNames, channelFor, DROPPED_FILE_CHANNEL, type Result } from '../core/api.ts';
import { createDropHandler, createHandlers, type Handler, type Services } from './handlers.ts';
import { isTrustedSender } from './sender.ts';

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'This request did not come from the Apparatus window.' },
};

/**
 * Registers one `ipcMain.handle` per contract call, plus the preload's channel for dropped files,
 * and nothing else. Each handler first checks that the message comes from our window's own page,
 * then validates the payload. Returns a disposer that removes every handler.
 */
export function registerIpc(services: Services, window: () => BrowserWindow | null): () => void {
  const handlers = createHandlers(services);
  const channels: [string, Handler][] = [...callNames.map((name): [string, Handler] => [channelFor(name), handlers[name]]), [DROPPED_FILE_CHANNEL, createDropHandler(services)]];
  for (const [channel, handler] of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const ours = window();
      const frame = event.senderFrame;
      const trusted = isTrustedSender(
        frame?.url,
        ours !== null && event.sender === ours.webContents,
        frame !== null && frame === event.sender.mainFrame,
      );
      return trusted ? handler(payload) : FORBIDDEN;
    });
  }
  return () => {
    for (const [channel] of channels) ipcMain.removeHandler(channel);
  };
}
