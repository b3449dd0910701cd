/**
 * One export used by the writer tests: four highlights in edemskiy-2019 and wikipedia-split, with
 * notes, tags, a trimmed quotation and an orphan.
 */
import type { Tag } from '../../../core/annotate/model.ts';
import { buildExport } from '../../../core/export/build-export.ts';
import type { ExportDocument } from '../../../core/export/export-document.ts';
import { corpusSource, highlight, offsetOf, pageStart } from './corpus-fixture.ts';

export const edemskiy = corpusSource('edemskiy-2019');
export const wikipedia = corpusSource('wikipedia-split');

export const tags: Tag[] = [
  { id: 't-moscow', name: 'Moscow', color: 'yellow' },
  { id: 't-tirana', name: 'Tirana <& co>', color: 'blue' },
];

const p380 = pageStart(edemskiy, '380') + 3;
const p386 = pageStart(edemskiy, '386');
const origins = offsetOf(wikipedia, 'Origins') + 'Origins\n\n'.length;

export const first = highlight(edemskiy, p380, p380 + 80, {
  note: 'See *Balcanica* for the **full** text & <b>context</b>.',
  tags: ['t-moscow'],
  now: '2025-03-01T09:00:01.000Z',
});
export const second = highlight(edemskiy, p380 + 100, p380 + 160, {
  now: '2025-03-01T09:00:02.000Z',
  tags: ['t-tirana'],
});
export const third = highlight(wikipedia, origins, origins + 120, {
  note: 'Background.',
  now: '2025-03-01T09:00:03.000Z',
});
/** The omission cut out of `across`: ten characters in its middle (reading-text offsets). */
export const cut = { start: p386 - 20, end: p386 - 10 };
const acrossStart = p386 - 40;
export const across = {
  ...highlight(edemskiy, acrossStart, p386 + 40, { now: '2025-03-01T09:00:04.000Z' }),
  omissions: [{ start: cut.start - acrossStart, end: cut.end - acrossStart }],
};
export const orphan = {
  ...highlight(edemskiy, p380 + 200, p380 + 230, { now: '2025-03-01T09:00:05.000Z' }),
  anchor: 'orphaned' as const,
  quote: { exact: 'words the source no longer has', prefix: '', suffix: '' },
};

/** The sample export in `style`, in reading order. */
export function sampleExport(style: 'cmos18' | 'cmos17-ibid' = 'cmos18'): ExportDocument {
  return buildExport({
    sources: [edemskiy, wikipedia],
    annotations: [orphan, across, third, second, first],
    tags,
    scope: { kind: 'all' },
    order: 'reading',
    style,
  });
}
