import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../../electron/services/import/pdf/read-pdf.ts';
import { bodyText } from './pdf-body.ts';

// A page of Hebrew in two justified columns (test/fixtures/pdf/README.md), the right one first.
const PAGE = fileURLToPath(new URL('../../../fixtures/pdf/hebrew-columns.pdf', import.meta.url));

const RIGHT =
  'העמודה הימנית נקראת ראשונה. המשלחת ידעה על הסירוב עוד לפני שיצאה אל Moscow בשנת 1961, וההנהגה שקלה את מחירו לבסיס הימי בוולורה, שם עגנו הצוללות. המומחים עזבו באביב, וצי הדיג הרגיש בכך כמעט מיד. היסטוריונים התווכחו זמן רב אם הנסיגה הייתה הסלמה מכוונת או תוצאה בלתי נמנעת של הקרע.';
const LEFT =
  'העמודה השמאלית נקראת אחריה. ארכיון הוועד המרכזי שומר את הפרוטוקולים, והם מכריעים את השאלה: ההחלטה התקבלה בפברואר, אחרי שהמליאה התכנסה, והשגריר הסובייטי קיבל את התשובה שבוע לאחר מכן בעל פה, כפי שמראים המסמכים שנמצאו בתיק של משרד החוץ.';

describe('a PDF set right to left in two columns', () => {
  it('reads the right column first, each line from its right end, a Latin word and a year kept as they read', async () => {
    const extraction = await readPdf(PAGE);
    expect(bodyText(extraction.body)).toBe(`{{page:1}}${RIGHT} ${LEFT}`);
  });
});
