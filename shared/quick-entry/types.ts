// The public shapes of quick entry: one typed line in, one or more entries (or one clear error) out.
import type { ProjectOption, TagOption } from '../domain';

/** How a date like 30/11 is read: the order of day and month in the account's Clockify date format. */
export type DateOrder = 'day-first' | 'month-first';

export interface QuickEntryContext {
  readonly now: Date;
  /** IANA zone, or a fixed offset's name from `offsetZone` in shared/time/zone.ts. */
  readonly timeZone: string;
  readonly projects: readonly ProjectOption[];
  readonly tags: readonly TagOption[];
  /** Month first (Clockify's default, MM/DD/YYYY) when not given. */
  readonly dateOrder?: DateOrder;
}

export interface QuickEntryItem {
  /** ISO UTC instants, second precision, `Z`. */
  start: string;
  end: string;
  /** `yyyy-MM-dd` of the start in the zone. */
  localDate: string;
  /** `HH:mm` in the zone. */
  localStart: string;
  localEnd: string;
  endsNextDay: boolean;
  durationSeconds: number;
}

export type QuickEntryParse =
  | {
      ok: true;
      items: QuickEntryItem[];
      description: string;
      projectId: string | null;
      tagIds: string[];
      /** null: `$` was not written, so the project's or workspace's default applies. */
      billable: boolean | null;
      /** What the parser decided for the user, e.g. "ends the next day at 01:00", "year assumed 2026". */
      notes: string[];
    }
  | {
      ok: false;
      error: string;
      /** Labels to pick from when an @project or #tag matched several or none. */
      candidates?: string[];
      /** Which @project or #tag the candidates are for (what was written after the sigil). */
      choiceFor?: { sigil: '@' | '#'; query: string };
    };
