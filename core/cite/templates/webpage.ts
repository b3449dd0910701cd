/**
 * Web pages and blog posts (CMOS 18 14.104–14.105; CMOS 17 14.206–14.207):
 * `Author, “Page Title,” Site Name, Owner, Month D, YYYY, locator, URL.`; an undated page gives
 * its access date after the locator, just before the URL. The site name is roman and spelled as
 * the site spells it; the owner appears only when it differs from the site.
 */
import type { CslItem } from '../../corpus/model.ts';
import { formatDate, NO_DATE } from '../dates.ts';
import { field } from '../item.ts';
import {
  accessedText,
  containerName,
  creators,
  creatorsText,
  link,
  quotedTitle,
  sentence,
} from '../parts.ts';
import { join } from '../rich.ts';
import type { Template } from '../template.ts';
import { typeset } from '../typography.ts';

/** The web-page template. */
export const webpageTemplate: Template = {
  full(item, edition, locator) {
    const date = formatDate(item.issued, 'full');
    const accessed = date ? null : accessedText(item, false);
    return join(
      [
        creatorsText(creators(item, edition, 'note')),
        field(item, 'title') ? quotedTitle(item, edition) : null,
        ...site(item),
        date ?? (accessed ? null : NO_DATE),
        locator,
        accessed,
        link(item),
      ],
      ', ',
    );
  },
  bibliography(item, edition, creatorsAsText) {
    const date = formatDate(item.issued, 'full');
    const access = date ? null : accessedText(item, true);
    return sentence([
      creatorsAsText,
      field(item, 'title') ? quotedTitle(item, edition) : null,
      join([...site(item), date ?? (access ? null : NO_DATE)], ', '),
      access,
      link(item),
    ]);
  },
};

/** The site name and, when different, its owner or sponsor. */
function site(item: CslItem): string[] {
  const name = containerName(item);
  const owner = field(item, 'publisher');
  const out = name ? [name] : [];
  if (owner && typeset(owner) !== name) out.push(typeset(owner));
  return out;
}
