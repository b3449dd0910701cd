import type { Result, ShareView } from '../../../core/api.ts';
import { el } from '../../dom.ts';
import { PanelDialog } from '../../ui/panel-dialog.ts';

/** What the user gives to share the corpus with a group, or to join one. */
export interface JoinFields {
  server: string;
  user: string;
  group: string;
  token: string;
}

/**
 * Asks for the sync server, the user's name, the group and the token, and joins; a refusal (a
 * wrong token, not a member, no server there) is said in the dialog, which stays open to correct
 * it. `sharing` words it as sharing this corpus rather than joining a group's; both do the same:
 * the group's corpus is the union of its members'. Resolves with how the project shares, or null.
 */
export async function shareDialog(sharing: boolean, current: ShareView, join: (fields: JoinFields) => Promise<Result<ShareView>>): Promise<ShareView | null> {
  const dialog = new PanelDialog(sharing ? 'Share Corpus' : 'Join a Group', 'share-dialog');
  dialog.body.append(
    el(
      'p',
      'panel-intro',
      sharing
        ? 'Your sources, annotations and tags go to the group on the sync server, and its members’ come to you. Ask the server’s administrator for your name, token and group.'
        : 'The group’s sources, annotations and tags come to this project, and yours go to the group. Ask the server’s administrator for your name, token and group.',
    ),
  );
  const field = (label: string, name: keyof JoinFields, value: string, type = 'text') => {
    const wrapper = el('label', 'form-field');
    const input = el('input', '', undefined, { type, name, autocomplete: 'off', spellcheck: 'false' });
    input.value = value;
    wrapper.append(el('span', '', label), input);
    dialog.body.append(wrapper);
    return input;
  };
  const joined = current.joined ? current : null;
  const inputs = {
    server: field('Sync server', 'server', joined?.server ?? ''),
    user: field('Your name on the server', 'user', joined?.user ?? ''),
    group: field('Group', 'group', joined?.group ?? ''),
    token: field('Token', 'token', '', 'password'),
  };
  inputs.server.placeholder = 'wss://sync.example.edu';

  let result: ShareView | null = null;
  dialog.addButton('Cancel', () => dialog.close());
  const confirm = dialog.addButton(
    sharing ? 'Share' : 'Join',
    () => {
      const fields: JoinFields = { server: inputs.server.value.trim(), user: inputs.user.value.trim(), group: inputs.group.value.trim(), token: inputs.token.value.trim() };
      const missing = (Object.keys(fields) as (keyof JoinFields)[]).find((key) => key !== 'user' && fields[key] === '');
      if (missing) {
        dialog.say(missing === 'server' ? 'Give the sync server’s address.' : missing === 'group' ? 'Give the group’s name.' : 'Give your token.');
        inputs[missing].focus();
        return;
      }
      dialog.say('');
      dialog.busy = confirm.disabled = true;
      confirm.textContent = sharing ? 'Sharing…' : 'Joining…';
      void join(fields).then((outcome) => {
        dialog.busy = confirm.disabled = false;
        confirm.textContent = sharing ? 'Share' : 'Join';
        if (!outcome.ok) return dialog.say(outcome.error.message);
        result = outcome.value;
        dialog.close();
      });
    },
    true,
  );
  dialog.element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      confirm.click();
    }
  });
  (joined ? inputs.token : inputs.server).focus();
  await dialog.closed;
  return result;
}
