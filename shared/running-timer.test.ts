// Resume (the entry that just ended runs again) and the entry before a running one.
import { describe, expect, it } from 'vitest';
import type { EntryView } from './domain';
import { previousEntry, RESUME_WINDOW_MS, resumableEntry } from './running-timer';

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + minutes * MINUTE).toISOString();
const entry = (key: string, start: number, end: number | null, over: Partial<EntryView> = {}): EntryView => ({
  key, serverId: key, workspaceId: 'w1', start: at(start), end: end === null ? null : at(end), sync: 'synced', type: 'REGULAR', customFields: [], problem: null,
  description: key, projectId: null, taskId: null, tagIds: [], billable: false, ...over,
});
const now = (minutes: number) => Date.parse(at(minutes));

describe('resumableEntry', () => {
  it('is the entry that ended last, from its end until the window closes', () => {
    const entries = [entry('late-start', 50, 55), entry('last', 10, 60), entry('early', 0, 5)];
    expect(RESUME_WINDOW_MS).toBe(15 * MINUTE);
    expect(resumableEntry(entries, now(60))?.key).toBe('last');
    expect(resumableEntry(entries, now(75))?.key).toBe('last');
    expect(resumableEntry(entries, now(75) + 1)).toBeNull();
    // An end in the future (another device's clock) is not resumed.
    expect(resumableEntry(entries, now(60) - 1)).toBeNull();
  });

  it('is none while a timer runs, when nothing ended, or when the last entry is not work', () => {
    expect(resumableEntry([entry('done', 0, 10), entry('running', 10, null)], now(12))).toBeNull();
    expect(resumableEntry([], now(0))).toBeNull();
    expect(resumableEntry([entry('work', 0, 10), entry('break', 10, 20, { type: 'BREAK' })], now(21))).toBeNull();
  });
});

describe('previousEntry', () => {
  it('is the finished entry of the same workspace that began last before it', () => {
    const running = entry('running', 100, null);
    const entries = [
      entry('older', 0, 30),
      entry('previous', 40, 90),
      entry('elsewhere', 60, 95, { workspaceId: 'w2' }),
      entry('other-running', 70, null),
      entry('same-start', 100, 100),
      entry('after', 110, 120),
      running,
    ];
    expect(previousEntry(entries, running)?.key).toBe('previous');
    expect(previousEntry([entry('older', 0, 30), entry('previous', 40, 90), running], running)?.key).toBe('previous');
    expect(previousEntry([entry('previous', 40, 90), entry('older', 0, 30), running], running)?.key).toBe('previous');
  });

  it('is none for the first entry, and never the entry itself', () => {
    const first = entry('first', 0, 10);
    expect(previousEntry([first, entry('later', 20, 30)], first)).toBeUndefined();
    expect(previousEntry([{ ...first, start: at(-5) }], first)).toBeUndefined();
  });
});
