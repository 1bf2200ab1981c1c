// What each of Clockify's entry types allows. Only REGULAR entries are work: breaks, holidays and
// time off are shown for what they are and left out of work totals. Clockify's write requests accept
// the types REGULAR and BREAK only (CreateTimeEntryRequest / UpdateTimeEntryRequest in its OpenAPI
// document), so a HOLIDAY or TIME_OFF entry (made by the time-off module) cannot be replaced from here.
import type { EntryType } from './domain';

export function countsAsWork(entry: { readonly type: EntryType }): boolean {
  return entry.type === 'REGULAR';
}

/** Continue starts the same work again; a break, a holiday or time off is not work to continue. */
export function mayContinue(type: EntryType): boolean {
  return type === 'REGULAR';
}

/** Edit and delete: only the types Clockify lets a client write. */
export function mayChange(type: EntryType): boolean {
  return type === 'REGULAR' || type === 'BREAK';
}

/** The words shown beside an entry that is not regular work, or null for regular work. */
export function entryTypeLabel(type: EntryType): string | null {
  switch (type) {
    case 'REGULAR':
      return null;
    case 'BREAK':
      return 'Break';
    case 'HOLIDAY':
      return 'Holiday';
    case 'TIME_OFF':
      return 'Time off';
    default:
      return type.charAt(0) + type.slice(1).toLowerCase().replace(/_/g, ' ');
  }
}
