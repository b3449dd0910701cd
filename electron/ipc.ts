import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { callNames, channelFor, type Result } from '../core/api.ts';
import { createHandlers, type Services } from './handlers.ts';
import { isTrustedSender } from './sender.ts';

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'This request did not come from the Apparatus window.' },
};

/**
 * Registers one `ipcMain.handle` per contract call, and nothing else. Each handler first checks
 * that the message comes from our window's own page, then validates the payload.
 * Returns a disposer that removes every handler.
 */
export function registerIpc(services: Services, window: () => BrowserWindow | null): () => void {
  const handlers = createHandlers(services);
  for (const name of callNames) {
    ipcMain.handle(channelFor(name), (event: IpcMainInvokeEvent, payload: unknown) => {
      const ours = window();
      const frame = event.senderFrame;
      const trusted = isTrustedSender(
        frame?.url,
        ours !== null && event.sender === ours.webContents,
        frame !== null && frame === event.sender.mainFrame,
      );
      return trusted ? handlers[name](payload) : FORBIDDEN;
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(channelFor(name));
  };
}
