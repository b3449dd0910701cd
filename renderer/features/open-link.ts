import type { Context } from '../context.ts';
import { confirmAction, notify } from '../ui/dialogs.ts';

/** Opens a web link in the user's browser once they confirm it; anything but http(s) is refused. */
export async function openLink(ctx: Context, href: string): Promise<void> {
  if (!/^https?:\/\//i.test(href)) {
    notify(`This link cannot be opened: ${href}`, 'error');
    return;
  }
  if (await ctx.modal('confirm', () => confirmAction('Open this link in your browser?', href, 'Open link'))) await ctx.calls.call('app.openExternal', { url: href });
}
