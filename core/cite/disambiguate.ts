/**
 * Disambiguation of short forms across a whole document (CMOS 18 13.33, 14.13;
 * docs/citation-rules.md §2.3): persons who share a surname are named in full, and works whose
 * short forms would still coincide get a longer title, then the whole title, then the date.
 */
import type { CslItem } from '../corpus/model.ts';
import { kindOf } from './item.ts';
import { familyName, personKey } from './names.ts';
import { plainText } from './rich.ts';
import { MAX_LEVEL, shortForm, shortFormPersons } from './short-form.ts';
import type { ShortFormContext, TitleLevel } from './short-form.ts';
import type { Edition } from './style.ts';

/** The short-form context of every cited item, by id. */
export type ShortFormPlan = Map<string, ShortFormContext>;

/**
 * Plans the short forms of the cited items so that no two coincide, growing each as little as
 * possible. Items whose forms stay equal at the longest level (duplicates) are left so.
 */
export function planShortForms(items: CslItem[], edition: Edition): ShortFormPlan {
  const fullNames = sharedSurnames(items);
  const levels = new Map<string, TitleLevel>(items.map((item) => [item.id, 0]));
  const contextOf = (id: string): ShortFormContext => ({
    edition,
    level: levels.get(id) ?? 0,
    fullNames,
  });
  for (let round = 0; round < MAX_LEVEL; round += 1) {
    const groups = new Map<string, CslItem[]>();
    for (const item of items) {
      const key = plainText(shortForm(item, kindOf(item), contextOf(item.id))).toLowerCase();
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    let grew = false;
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const item of group) {
        const level = levels.get(item.id) ?? 0;
        if (level < MAX_LEVEL) {
          levels.set(item.id, (level + 1) as TitleLevel);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  return new Map(items.map((item) => [item.id, contextOf(item.id)]));
}

/** Keys of the persons whose surname (as short forms print it) another cited person shares. */
function sharedSurnames(items: CslItem[]): Set<string> {
  const bySurname = new Map<string, Set<string>>();
  for (const item of items) {
    for (const person of shortFormPersons(item, kindOf(item))) {
      const surname = familyName(person).toLowerCase();
      bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(personKey(person)));
    }
  }
  const shared = new Set<string>();
  for (const persons of bySurname.values()) {
    if (persons.size > 1) for (const key of persons) shared.add(key);
  }
  return shared;
}
