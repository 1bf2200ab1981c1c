import { describe, expect, it } from 'vitest';
import type { ProjectOption, TagOption } from '../domain';
import { offsetZone } from '../time/zone';
import { parseQuickEntry, type QuickEntryContext, type QuickEntryItem, type QuickEntryParse } from './index';

// Wednesday 2026-03-18, 15:45:30.250 UTC: 16:45 in Berlin, 12:45 at UTC-3, Thursday 04:45 in Auckland.
const NOW = new Date('2026-03-18T15:45:30.250Z');

const project = (id: string, name: string, clientName = ''): ProjectOption => ({
  id, name, clientName, clientId: clientName ? `c-${clientName}` : null, color: '#03a9f4', billable: true,
});
const projects: ProjectOption[] = [
  project('p1', 'Website Design', 'Acme'),
  project('p2', 'Web App', 'Globex'),
  project('p3', 'Webinar'),
  project('p4', 'Design', 'Globex'),
  project('p5', 'Design', 'Initech'),
  project('p6', 'Café Rebrand', 'Bistro'),
  project('p7', 'Internal'),
  project('p8', 'Internal Tools'),
];
const tags: TagOption[] = [
  { id: 't1', name: 'meeting' },
  { id: 't2', name: 'review' },
  { id: 't3', name: 'revenue' },
  { id: 't4', name: 'client call' },
];

const ctx = (timeZone = 'Etc/UTC', now = NOW): QuickEntryContext => ({ now, timeZone, projects, tags });

type Ok = Extract<QuickEntryParse, { ok: true }>;

function ok(line: string, context = ctx()): Ok {
  const result = parseQuickEntry(line, context);
  if (!result.ok) throw new Error(`${line}: ${result.error}`);
  return result;
}

function error(line: string, context = ctx()): string {
  const result = parseQuickEntry(line, context);
  if (result.ok) throw new Error(`${line} parsed: ${JSON.stringify(result.items)}`);
  return result.error;
}

const local = (item: QuickEntryItem) => `${item.localDate} ${item.localStart}-${item.localEnd}${item.endsNextDay ? '+1' : ''}`;
const utc = (item: QuickEntryItem) => `${item.start}/${item.end}`;

describe('time ranges (today, Etc/UTC)', () => {
  it.each([
    ['09:00-10:30 x', '09:00-10:30', 5400],
    ['9-12 x', '09:00-12:00', 10800],
    ['9:30-12 x', '09:30-12:00', 9000],
    ['09:30 - 10:30 x', '09:30-10:30', 3600],
    ['9-10:30 x', '09:00-10:30', 5400],
    ['0930-1030 x', '09:30-10:30', 3600],
    ['930-1030 x', '09:30-10:30', 3600],
    ['9.30-10.30 x', '09:30-10:30', 3600],
    ['10:30:15-11 x', '10:30-11:00', 1785],
    ['09:00–10:30 x', '09:00-10:30', 5400],
    ['09:00—10:30 x', '09:00-10:30', 5400],
    ['9 to 10 x', '09:00-10:00', 3600],
    ['9 until 10 x', '09:00-10:00', 3600],
    ['9..10 x', '09:00-10:00', 3600],
    ['00:00-01:00 x', '00:00-01:00', 3600],
    // am / pm
    ['9am-1pm x', '09:00-13:00', 14400],
    ['9 am - 1 pm x', '09:00-13:00', 14400],
    ['9AM to 1PM x', '09:00-13:00', 14400],
    ['9a.m.-1p.m. x', '09:00-13:00', 14400],
    ['9a-1p x', '09:00-13:00', 14400],
    ['9:30am-12:15pm x', '09:30-12:15', 9900],
    ['12am-1am x', '00:00-01:00', 3600],
    ['12pm-1pm x', '12:00-13:00', 3600],
    ['11am-12pm x', '11:00-12:00', 3600],
    ['noon-1pm x', '12:00-13:00', 3600],
    ['midnight-1am x', '00:00-01:00', 3600],
    // only one side says am/pm: the bare side takes the shorter reading
    ['1-3pm x', '13:00-15:00', 7200],
    ['9-5pm x', '09:00-17:00', 28800],
    ['11-1pm x', '11:00-13:00', 7200],
    ['10-11pm x', '22:00-23:00', 3600],
    ['12-1pm x', '12:00-13:00', 3600],
    ['9am-5 x', '09:00-17:00', 28800],
    ['13-5pm x', '13:00-17:00', 14400],
    // no am/pm anywhere, an end before the start that can be the afternoon: a working day, a lunch hour
    ['9-5 x', '09:00-17:00', 28800],
    ['12-1 x', '12:00-13:00', 3600],
    ['8-6 x', '08:00-18:00', 36000],
    ['11:30-1:30 x', '11:30-13:30', 7200],
    ['10-9 x', '10:00-21:00', 39600],
  ])('%j → %s', (line, range, seconds) => {
    const result = ok(line);
    expect(result.items).toHaveLength(1);
    const [item] = result.items as [QuickEntryItem];
    expect(`${item.localStart}-${item.localEnd}`).toBe(range);
    expect(item.localDate).toBe('2026-03-18');
    expect(item.endsNextDay).toBe(false);
    expect(item.durationSeconds).toBe(seconds);
    expect(result.description).toBe('x');
    expect(result.notes).toEqual([]);
  });

  it.each([
    ['23:00-01:00 x', '2026-03-18 23:00-01:00+1', '2026-03-18T23:00:00Z/2026-03-19T01:00:00Z', 7200],
    ['22:00-24:00 x', '2026-03-18 22:00-00:00+1', '2026-03-18T22:00:00Z/2026-03-19T00:00:00Z', 7200],
    ['22-midnight x', '2026-03-18 22:00-00:00+1', '2026-03-18T22:00:00Z/2026-03-19T00:00:00Z', 7200],
    ['10pm-12am x', '2026-03-18 22:00-00:00+1', '2026-03-18T22:00:00Z/2026-03-19T00:00:00Z', 7200],
    // no am/pm anywhere, clearly overnight (the afternoon would still be before the start), or
    // written 24-hour with a leading zero
    ['22:30-1:15 x', '2026-03-18 22:30-01:15+1', '2026-03-18T22:30:00Z/2026-03-19T01:15:00Z', 9900],
    ['23-2 x', '2026-03-18 23:00-02:00+1', '2026-03-18T23:00:00Z/2026-03-19T02:00:00Z', 10800],
    ['18-05:00 x', '2026-03-18 18:00-05:00+1', '2026-03-18T18:00:00Z/2026-03-19T05:00:00Z', 39600],
    ['10:00-09:59 x', '2026-03-18 10:00-09:59+1', '2026-03-18T10:00:00Z/2026-03-19T09:59:00Z', 86340],
  ])('%j ends the next day', (line, localRange, instants, seconds) => {
    const result = ok(line);
    const [item] = result.items as [QuickEntryItem];
    expect(local(item)).toBe(localRange);
    expect(utc(item)).toBe(instants);
    expect(item.durationSeconds).toBe(seconds);
    expect(result.notes).toEqual([`ends the next day at ${item.localEnd}`]);
  });

  it.each([
    ['9-9 x', /no time at all/],
    ['09:00-09:00 x', /no time at all/],
    ['25:00-26:00 x', /^25:00 is not a time: hours go from 0 to 23/],
    ['24:30-1 x', /^24:30 is not a time/],
    ['9-24:30 x', /^24:30 is not a time/],
    ['24-1 x', /^24:00 can only end a range: start at 00:00 instead\.$/],
    ['13pm-2pm x', /^13pm is not a time: with am\/pm the hour is 1 to 12/],
    ['0am-2am x', /^0am is not a time/],
    ['9:75-10 x', /^9:75 is not a time: minutes and seconds go up to 59\.$/],
    ['0975-1000 x', /^0975 is not a time/],
    ['9 fix', /^9 needs an end: write a range like 9-10:30, or a duration like 1h30m\.$/],
    ['9- fix', /^9 needs an end/],
    ['09:00 standup', /^09:00 needs an end/],
  ])('%j is an error', (line, message) => {
    expect(error(line)).toMatch(message);
  });
});

describe('durations ending now', () => {
  const end = '2026-03-18T15:45:30Z';
  it.each([
    ['1h30m x', 5400],
    ['1h 30m x', 5400],
    ['1h30 x', 5400],
    ['1H30M x', 5400],
    ['45m x', 2700],
    ['45 min x', 2700],
    ['45mins x', 2700],
    ['90m x', 5400],
    ['90 minutes x', 5400],
    ['2h x', 7200],
    ['2 hours x', 7200],
    ['2hrs x', 7200],
    ['1 hour x', 3600],
    ['1.5h x', 5400],
    ['1,5h x', 5400],
    ['0.25h x', 900],
    ['24h x', 86400],
    // a leading minus is read as "the last 30 minutes", not as a negative length
    ['-30m x', 1800],
    ['−30m x', 1800],
    ['- 1h x', 3600],
    ['today 1h x', 3600],
  ])('%j lasts %i s and ends now', (line, seconds) => {
    const result = ok(line);
    expect(result.items).toHaveLength(1);
    const [item] = result.items as [QuickEntryItem];
    expect(item.end).toBe(end);
    expect(item.durationSeconds).toBe(seconds);
    expect(new Date(item.start).getTime()).toBe(new Date(end).getTime() - seconds * 1000);
    expect(result.description).toBe('x');
  });

  it('shows local times in the zone and notes a start on the day before', () => {
    // 04:45:30 on Thursday in Auckland: six hours back is Wednesday 22:45
    const result = ok('6h night shift', ctx('Pacific/Auckland'));
    const [item] = result.items as [QuickEntryItem];
    expect(local(item)).toBe('2026-03-18 22:45-04:45+1');
    expect(result.notes).toEqual(['ends the next day at 04:45']);
  });

  it.each([
    ['0m x', /^0m is no time at all: write a length like 30m or 1h30m\.$/],
    ['0h x', /no time at all/],
    ['25h x', /^25h is more than 24 hours: add one entry per day instead\.$/],
    ['23h 90m x', /more than 24 hours/],
    ['yesterday 2h x', /^A duration alone is time ending now: for another day write a range like 13:00-17:00\.$/],
    ['mon 2h x', /duration alone/],
    ['2025-03-10 45m x', /duration alone/],
  ])('%j is an error', (line, message) => {
    expect(error(line)).toMatch(message);
  });
});

describe('days', () => {
  // Wednesday 2026-03-18 in Etc/UTC
  it.each([
    ['today', ['2026-03-18']],
    ['Today', ['2026-03-18']],
    ['yesterday', ['2026-03-17']],
    // weekdays: the most recent such day, today included
    ['wed', ['2026-03-18']],
    ['wednesday', ['2026-03-18']],
    ['tue', ['2026-03-17']],
    ['tues', ['2026-03-17']],
    ['mon', ['2026-03-16']],
    ['Monday', ['2026-03-16']],
    ['MON', ['2026-03-16']],
    ['sun', ['2026-03-15']],
    ['sat', ['2026-03-14']],
    ['fri', ['2026-03-13']],
    ['thu', ['2026-03-12']],
    ['thurs', ['2026-03-12']],
    ['thursday', ['2026-03-12']],
    // ISO dates and ranges
    ['2025-03-10', ['2025-03-10']],
    ['2025-3-9', ['2025-03-09']],
    ['2025-03-02..2025-03-04', ['2025-03-02', '2025-03-03', '2025-03-04']],
    ['2025-03-02 - 2025-03-04', ['2025-03-02', '2025-03-03', '2025-03-04']],
    ['2025-03-02 to 2025-03-04', ['2025-03-02', '2025-03-03', '2025-03-04']],
    ['2025-02-27..2025-03-02', ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']],
    ['2024-02-29', ['2024-02-29']],
    // lists
    ['mon, wed', ['2026-03-16', '2026-03-18']],
    ['yesterday and today', ['2026-03-17', '2026-03-18']],
    ['2025-03-10, 2025-03-12', ['2025-03-10', '2025-03-12']],
    // a comma may separate the days from the times
    ['yesterday,', ['2026-03-17']],
    ['mon, wed,', ['2026-03-16', '2026-03-18']],
    ['2025-03-10,', ['2025-03-10']],
  ])('%j 9-10 x', (days, keys) => {
    const result = ok(`${days} 9-10 x`);
    expect(result.items.map((item) => item.localDate)).toEqual(keys);
    expect(result.items.every((item) => item.localStart === '09:00' && item.localEnd === '10:00')).toBe(true);
    expect(result.description).toBe('x');
    expect(result.notes).toEqual([]);
  });

  it.each([
    ['mar 2', ['2026-03-02']],
    ['Mar. 2', ['2026-03-02']],
    ['march 2nd', ['2026-03-02']],
    ['mar 2-6', ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']],
    ['MAR 2 - 4', ['2026-03-02', '2026-03-03', '2026-03-04']],
    ['March 2 to 4', ['2026-03-02', '2026-03-03', '2026-03-04']],
    ['march 2nd-4th', ['2026-03-02', '2026-03-03', '2026-03-04']],
    ['march 23, 24, 25', ['2026-03-23', '2026-03-24', '2026-03-25']],
    ['March 23, 24, 25, 26 and 27', ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27']],
    ['mar 30-apr 2', ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']],
    ['mar 31, apr 2', ['2026-03-31', '2026-04-02']],
    ['mar 3, mar 2', ['2026-03-02', '2026-03-03']],
    ['mar 2, 2, 3', ['2026-03-02', '2026-03-03']],
    ['feb 28', ['2026-02-28']],
    ['dec 31', ['2026-12-31']],
    ['jan 1', ['2026-01-01']],
    ['Sept 1', ['2026-09-01']],
    ['sep 1', ['2026-09-01']],
    ['may 5', ['2026-05-05']],
    ['june 5', ['2026-06-05']],
  ])('%j without a year is this year', (days, keys) => {
    const result = ok(`${days} 9-10 x`);
    expect(result.items.map((item) => item.localDate)).toEqual(keys);
    expect(result.notes).toEqual(['year assumed 2026']);
    expect(result.description).toBe('x');
  });

  it.each([
    ['mar 2 2025', ['2025-03-02']],
    ['mar 2, 2025', ['2025-03-02']],
    ['mar 2-3 2025', ['2025-03-02', '2025-03-03']],
    ['march 23, 24, 2025', ['2025-03-23', '2025-03-24']],
    ['feb 29 2028', ['2028-02-29']],
  ])('%j with a year', (days, keys) => {
    const result = ok(`${days} 9-10 x`);
    expect(result.items.map((item) => item.localDate)).toEqual(keys);
    expect(result.notes).toEqual([]);
  });

  it('takes a comma between month days and times written with minutes or am/pm', () => {
    expect(ok('mar 2, 09:00-10:00 x').items.map(local)).toEqual(['2026-03-02 09:00-10:00']);
    expect(ok('mar 2, 9am-10am x').items.map(local)).toEqual(['2026-03-02 09:00-10:00']);
  });

  it('reads four digits after the days as a time range when a separator follows', () => {
    const result = ok('mar 2 2030-2200 x');
    const [item] = result.items as [QuickEntryItem];
    expect(local(item)).toBe('2026-03-02 20:30-22:00');
  });

  it('gives every day the same times, with the description, project and tags once', () => {
    const result = ok('mar 2-6 09:00-17:00 Onsite @acme #meeting $');
    expect(result.items.map(local)).toEqual([
      '2026-03-02 09:00-17:00', '2026-03-03 09:00-17:00', '2026-03-04 09:00-17:00', '2026-03-05 09:00-17:00', '2026-03-06 09:00-17:00',
    ]);
    expect(result).toMatchObject({ description: 'Onsite', projectId: 'p1', tagIds: ['t1'], billable: true, notes: ['year assumed 2026'] });
  });

  it('allows a range of up to 31 days', () => {
    expect(ok('2025-01-01..2025-01-31 9-10 x').items).toHaveLength(31);
  });

  it.each([
    ['feb 30 9-10 x', /^February 30, 2026 does not exist: write a day that is in the calendar\.$/],
    ['feb 29 9-10 x', /^February 29, 2026 does not exist/],
    ['apr 31 9-10 x', /^April 31, 2026 does not exist/],
    ['mar 0 9-10 x', /^March 0, 2026 does not exist/],
    ['mar 30-apr 31 9-10 x', /^April 31, 2026 does not exist/],
    ['2025-02-30 9-10 x', /^2025-02-30 is not a date: write a real day, like 2025-03-10\.$/],
    ['2025-13-01 9-10 x', /^2025-13-01 is not a date/],
    ['2025-03-01..2025-02-31 9-10 x', /^2025-02-31 is not a date/],
    ['mar 6-2 9-10 x', /^The days March 6, 2026 to March 2, 2026 run backwards: write the earlier day first\.$/],
    ['dec 30-jan 2 9-10 x', /run backwards/],
    ['2025-03-06..2025-03-02 9-10 x', /^The days 2025-03-06\.\.2025-03-02 run backwards/],
    ['2025-01-01..2025-03-01 9-10 x', /is 60 days: add at most 31 days at once\.$/],
    ['yesterday fix', /^No times found after the day: write a range like 09:00-10:30 after it, then the description\.$/],
    ['mar 2-6 Onsite', /^No times found after the day/],
    // after a comma a bare number is one more day of the month, so these times become days
    ['mar 2, 9-12 x', /^No times found after the day/],
  ])('%j is an error', (line, message) => {
    expect(error(line)).toMatch(message);
  });
});

describe('numeric dates in the account\'s date format', () => {
  const dayFirst = { ...ctx(), dateOrder: 'day-first' as const };
  const monthFirst = { ...ctx(), dateOrder: 'month-first' as const };
  const days = (line: string, context: QuickEntryContext) => ok(line, context).items.map((item) => item.localDate);

  it('reads 30/11 day first for DD/MM/YYYY, 11/30 month first for MM/DD/YYYY, and month first when unknown', () => {
    expect(days('30/11 9-12 x', dayFirst)).toEqual(['2026-11-30']);
    expect(days('11/30 9-12 x', monthFirst)).toEqual(['2026-11-30']);
    expect(days('3/4 9-12 x', dayFirst)).toEqual(['2026-04-03']);
    expect(days('3/4 9-12 x', monthFirst)).toEqual(['2026-03-04']);
    expect(days('3/4 9-12 x', ctx())).toEqual(['2026-03-04']);
  });

  it('takes a year, dotted dates (always day first) and ranges, and says when it assumed the year', () => {
    expect(days('30/11/2025 9-12 x', dayFirst)).toEqual(['2025-11-30']);
    expect(days('11/30/25 9-12 x', monthFirst)).toEqual(['2025-11-30']);
    expect(days('30.11. 9-12 x', monthFirst)).toEqual(['2026-11-30']);
    expect(days('1.2.2026 9-12 x', monthFirst)).toEqual(['2026-02-01']);
    expect(days('27/2-2/3 9-12 x', dayFirst)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(ok('30/11 9-12 x', dayFirst).notes).toContain('year assumed 2026');
    expect(ok('30/11/2026 9-12 x', dayFirst).notes).not.toContain('year assumed 2026');
    expect(ok('30/11 9-12 Review', dayFirst).description).toBe('Review');
  });

  it('says which order the account uses when a date only fits the other one', () => {
    expect(error('30/11 9-12 x', monthFirst)).toBe('30/11 is not a date in your Clockify date format (month first, like 11/30): write 11/30, or nov 30.');
    expect(error('11/30 9-12 x', dayFirst)).toBe('11/30 is not a date in your Clockify date format (day first, like 30/11): write 30/11, or nov 30.');
    expect(error('31/2 9-12 x', dayFirst)).toBe('31/2 is not a date: write a real day (day first, like 30/11), or a date like 2025-03-10.');
    expect(error('31.13. 9-12 x', monthFirst)).toMatch(/^31\.13\. is not a date: write a real day \(day first/);
  });

  it('still reads 9.30 as a time', () => {
    expect(local(ok('9.30-10.30 x', dayFirst).items[0] as QuickEntryItem)).toBe('2026-03-18 09:30-10:30');
  });
});

describe('ISO instants pass through', () => {
  it.each([
    ['2025-03-10T09:00:00Z-2025-03-10T10:30:00-03:00 Call', '2025-03-10T09:00:00Z/2025-03-10T13:30:00Z'],
    ['2025-03-10T09:00:00Z 2025-03-10T10:30:00Z Call', '2025-03-10T09:00:00Z/2025-03-10T10:30:00Z'],
    ['2025-03-10T09:00:00Z..2025-03-10T10:30:00Z Call', '2025-03-10T09:00:00Z/2025-03-10T10:30:00Z'],
    ['2025-03-10T09:00:00Z to 2025-03-10T10:30:00Z Call', '2025-03-10T09:00:00Z/2025-03-10T10:30:00Z'],
    ['2025-03-10T09:00:00Z – 2025-03-10T10:30:00Z Call', '2025-03-10T09:00:00Z/2025-03-10T10:30:00Z'],
    ['2025-03-10T09:00:00-03:00-2025-03-10T10:30:00-03:00 Call', '2025-03-10T12:00:00Z/2025-03-10T13:30:00Z'],
    ['2025-03-10T09:00:00+0100-2025-03-10T10:00:00+01:00 Call', '2025-03-10T08:00:00Z/2025-03-10T09:00:00Z'],
    ['2025-03-10T09:00Z-2025-03-10T10:00Z Call', '2025-03-10T09:00:00Z/2025-03-10T10:00:00Z'],
    ['2025-03-10T09:00:00.750Z-2025-03-10T10:00:00.999Z Call', '2025-03-10T09:00:00Z/2025-03-10T10:00:00Z'],
    ['2025-03-10t09:00:00z 2025-03-10t10:00:00z Call', '2025-03-10T09:00:00Z/2025-03-10T10:00:00Z'],
    ['today 2026-03-18T09:00:00Z 2026-03-18T10:00:00Z Call', '2026-03-18T09:00:00Z/2026-03-18T10:00:00Z'],
  ])('%j', (line, instants) => {
    const result = ok(line, ctx('Europe/Berlin'));
    expect(result.items.map(utc)).toEqual([instants]);
    expect(result.description).toBe('Call');
  });

  it('shows the instants in the zone, whatever zone they were written in', () => {
    const [item] = ok('2025-03-10T23:00:00Z 2025-03-11T01:00:00Z x', ctx(offsetZone(-3))).items as [QuickEntryItem];
    expect(local(item)).toBe('2025-03-10 20:00-22:00');
    const [late] = ok('2025-03-10T22:00:00Z 2025-03-11T01:00:00Z x', ctx('Europe/Berlin')).items as [QuickEntryItem];
    expect(local(late)).toBe('2025-03-10 23:00-02:00+1');
  });

  it.each([
    ['2025-03-10T09:00:00Z Call', /^2025-03-10T09:00:00Z needs an end instant too/],
    ['2025-03-10T09:00-2025-03-10T10:00 x', /^2025-03-10T09:00 has no zone: add Z or an offset \(2025-03-10T09:00Z, 2025-03-10T09:00-03:00\), or write local times like 2025-03-10 09:00-10:30\.$/],
    ['2025-03-10T09:00:00Z 2025-03-10T10:00:00 x', /^2025-03-10T10:00:00 has no zone/],
    ['2025-02-30T09:00:00Z 2025-02-30T10:00:00Z x', /^2025-02-30T09:00:00Z is not a real instant: write one like 2025-03-10T09:00:00Z\.$/],
    ['2025-03-10T09:00:00Z 2025-03-10T25:00:00Z x', /^2025-03-10T25:00:00Z is not a real instant/],
    ['2025-03-10T24:00:00Z 2025-03-11T01:00:00Z x', /^2025-03-10T24:00:00Z is not a real instant/],
    ['2025-03-10T10:00:00Z 2025-03-10T09:00:00Z x', /lasts no time at all: write an end after the start\.$/],
    ['2025-03-10T10:00:00Z 2025-03-10T10:00:00Z x', /lasts no time at all/],
    ['2025-03-10T09:00:00Z 2025-03-11T09:00:01Z x', /lasts more than 24 hours: add one entry per day instead\.$/],
    ['yesterday 2025-03-10T09:00:00Z 2025-03-10T10:00:00Z x', /^An ISO instant carries its own date: drop the day in front of it\.$/],
  ])('%j is an error', (line, message) => {
    expect(error(line)).toMatch(message);
  });
});

describe('time zones', () => {
  it('follows the seed rule for a fixed offset: 09:00 on 2025-03-10 at -3 is 12:00Z', () => {
    const result = ok('2025-03-10 09:00-10:30 text', ctx(offsetZone(-3)));
    expect(result.items.map(utc)).toEqual(['2025-03-10T12:00:00Z/2025-03-10T13:30:00Z']);
    expect(result.items.map(local)).toEqual(['2025-03-10 09:00-10:30']);
  });

  it.each([
    // the UTC hour carries across the day boundary
    [offsetZone(-3), '2025-03-10 22:00-23:30', '2025-03-11T01:00:00Z/2025-03-11T02:30:00Z'],
    [offsetZone(-3), '2025-03-10 23:00-01:00', '2025-03-11T02:00:00Z/2025-03-11T04:00:00Z'],
    [offsetZone(5), '2025-03-10 03:00-04:00', '2025-03-09T22:00:00Z/2025-03-09T23:00:00Z'],
    [offsetZone(14), '2025-03-10 09:00-10:00', '2025-03-09T19:00:00Z/2025-03-09T20:00:00Z'],
    [offsetZone(5.5), '2025-03-10 09:00-10:00', '2025-03-10T03:30:00Z/2025-03-10T04:30:00Z'],
    [offsetZone(-9.5), '2025-03-10 23:00-01:00', '2025-03-11T08:30:00Z/2025-03-11T10:30:00Z'],
    ['Asia/Kolkata', '2026-03-18 09:00-10:00', '2026-03-18T03:30:00Z/2026-03-18T04:30:00Z'],
    ['America/Los_Angeles', '2026-03-18 09:00-10:00', '2026-03-18T16:00:00Z/2026-03-18T17:00:00Z'],
    ['Europe/Berlin', '2026-03-18 23:00-01:00', '2026-03-18T22:00:00Z/2026-03-19T00:00:00Z'],
  ])('%s: %s', (zone, line, instants) => {
    expect(ok(`${line} x`, ctx(zone)).items.map(utc)).toEqual([instants]);
  });

  it('counts real time across the spring-forward gap (Berlin 2026-03-29)', () => {
    const [item] = ok('2026-03-29 01:30-03:30 x', ctx('Europe/Berlin')).items as [QuickEntryItem];
    expect(utc(item)).toBe('2026-03-29T00:30:00Z/2026-03-29T01:30:00Z');
    expect(item.durationSeconds).toBe(3600);
    expect(local(item)).toBe('2026-03-29 01:30-03:30');
  });

  it('counts real time across the fall-back hour (Berlin 2026-10-25)', () => {
    const [item] = ok('2026-10-25 01:30-03:30 x', ctx('Europe/Berlin')).items as [QuickEntryItem];
    expect(utc(item)).toBe('2026-10-24T23:30:00Z/2026-10-25T02:30:00Z');
    expect(item.durationSeconds).toBe(3 * 3600);
    // a time that happens twice is its first occurrence (still summer time)
    const [twice] = ok('2026-10-25 02:30-03:00 x', ctx('Europe/Berlin')).items as [QuickEntryItem];
    expect(utc(twice)).toBe('2026-10-25T00:30:00Z/2026-10-25T02:00:00Z');
    expect(twice.durationSeconds).toBe(5400);
  });

  it('moves a time that does not exist forward, and says so', () => {
    const result = ok('2026-03-29 02:30-04:00 x', ctx('Europe/Berlin'));
    const [item] = result.items as [QuickEntryItem];
    expect(local(item)).toBe('2026-03-29 03:30-04:00');
    expect(item.durationSeconds).toBe(1800);
    expect(result.notes).toEqual(['02:30 does not exist on 2026-03-29 in Europe/Berlin (the clocks jump forward): used 03:30']);
  });

  it('refuses a range that the clock change leaves empty', () => {
    expect(error('2026-03-29 02:00-03:00 x', ctx('Europe/Berlin'))).toMatch(
      /^02:00-03:00 on 2026-03-29 in Europe\/Berlin lasts no time at all/,
    );
  });

  it('counts a night shift across the change in real hours', () => {
    const [spring] = ok('2026-03-28 22:00-06:00 x', ctx('Europe/Berlin')).items as [QuickEntryItem];
    expect(utc(spring)).toBe('2026-03-28T21:00:00Z/2026-03-29T04:00:00Z');
    expect(spring.durationSeconds).toBe(7 * 3600);
    const [autumn] = ok('2026-10-24 22:00-06:00 x', ctx('Europe/Berlin')).items as [QuickEntryItem];
    expect(autumn.durationSeconds).toBe(9 * 3600);
  });

  it('gives every day of a range across a DST change the same local times', () => {
    const result = ok('mar 27-31 09:00-17:00 x', ctx('Europe/Berlin'));
    expect(result.items.map(local)).toEqual([
      '2026-03-27 09:00-17:00', '2026-03-28 09:00-17:00', '2026-03-29 09:00-17:00', '2026-03-30 09:00-17:00', '2026-03-31 09:00-17:00',
    ]);
    expect(result.items.map((item) => item.start)).toEqual([
      '2026-03-27T08:00:00Z', '2026-03-28T08:00:00Z', '2026-03-29T07:00:00Z', '2026-03-30T07:00:00Z', '2026-03-31T07:00:00Z',
    ]);
    expect(result.items.every((item) => item.durationSeconds === 8 * 3600)).toBe(true);

    const ny = ok('mar 7-9 9-17 x', ctx('America/New_York'));
    expect(ny.items.map((item) => item.start)).toEqual(['2026-03-07T14:00:00Z', '2026-03-08T13:00:00Z', '2026-03-09T13:00:00Z']);
  });

  it('takes today, weekdays and the current year from the zone, not from UTC', () => {
    // Thursday 2026-03-19, 04:45 in Auckland
    const auckland = ctx('Pacific/Auckland');
    expect(ok('9-10 x', auckland).items.map(local)).toEqual(['2026-03-19 09:00-10:00']);
    expect(ok('yesterday 9-10 x', auckland).items.map(local)).toEqual(['2026-03-18 09:00-10:00']);
    expect(ok('thu 9-10 x', auckland).items.map(local)).toEqual(['2026-03-19 09:00-10:00']);
    expect(ok('9-10 x', auckland).items.map(utc)).toEqual(['2026-03-18T20:00:00Z/2026-03-18T21:00:00Z']);
    // New Year's Day in Auckland while it is still 2026 in UTC
    const newYear = ctx('Pacific/Auckland', new Date('2026-12-31T23:30:00Z'));
    const result = ok('mar 2 9-10 x', newYear);
    expect(result.items.map((item) => item.localDate)).toEqual(['2027-03-02']);
    expect(result.notes).toEqual(['year assumed 2027']);
  });

  it('refuses an unknown zone', () => {
    expect(error('9-10 x', ctx('Mars/Olympus'))).toBe('The time zone "Mars/Olympus" is unknown: choose another one in the settings.');
  });
});

describe('project, tags, billable and description', () => {
  it.each<[string, Partial<Ok>]>([
    ['09:00-10:30 Standup @website #meeting $', { description: 'Standup', projectId: 'p1', tagIds: ['t1'], billable: true }],
    ['09:00-10:30 Standup', { description: 'Standup', projectId: null, tagIds: [], billable: null }],
    ['$ 9-10 Standup', { description: 'Standup', billable: true }],
    ['9-10 Standup $ daily', { description: 'Standup daily', billable: true }],
    ['@"website" 9-10', { description: '', projectId: 'p1' }],
    ['#meeting @"website" 9-10', { description: '', projectId: 'p1', tagIds: ['t1'] }],
    ['#meeting 9-10 fix', { description: 'fix', tagIds: ['t1'] }],
    // A tag named with several words takes them: "call" is not left in the description.
    ['9-10 Sync #client call', { description: 'Sync', tagIds: ['t4'] }],
    ['9-10 Sync #Client Call with Bob', { description: 'Sync with Bob', tagIds: ['t4'] }],
    ['9-10 #meeting notes', { description: 'notes', tagIds: ['t1'] }],
    ['9-10 fix @design acme', { description: 'fix', projectId: 'p1' }],
    ['9-10 fix @acme design $', { description: 'fix', projectId: 'p1', billable: true }],
    ['9-10 fix @CAFÉ', { description: 'fix', projectId: 'p6' }],
    ['9-10 fix @cafe', { description: 'fix', projectId: 'p6' }],
    ['9-10 fix @internal', { description: 'fix', projectId: 'p7' }],
    ['9-10 @"Web App" fix login', { description: 'fix login', projectId: 'p2' }],
    ['@"design initech" 9-10 fix', { description: 'fix', projectId: 'p5' }],
    ['9-10 fix #meeting #review', { description: 'fix', tagIds: ['t1', 't2'] }],
    ['9-10 fix #meeting #meet', { description: 'fix', tagIds: ['t1'] }],
    ['9-10 #"client call" with Acme', { description: 'with Acme', tagIds: ['t4'] }],
    ['9-10 issue \\#12 for \\@bob costs \\$', { description: 'issue #12 for @bob costs $' }],
    ['9-10 mail bob@example.com', { description: 'mail bob@example.com' }],
    ['09:00-10:30: standup', { description: 'standup' }],
    ['9-10 - standup', { description: 'standup' }],
    ['9-10, standup', { description: 'standup' }],
    ['9-10   fix   the  bug  ', { description: 'fix the bug' }],
    ['9-10', { description: '' }],
    ['9-10 2 calls', { description: '2 calls' }],
    ['1h 2 calls', { description: '2 calls' }],
    ['1h 30 people', { description: '30 people' }],
    ['mon 9-12 monday review', { description: 'monday review' }],
    ['9-10 to do list', { description: 'to do list' }],
    ['9am-5pm am I done?', { description: 'am I done?' }],
    ['today 9-10 Café “naïve” résumé!', { description: 'Café “naïve” résumé!' }],
  ])('%j', (line, expected) => {
    expect(ok(line)).toMatchObject(expected);
  });

  it.each<[string, string, string[] | undefined]>([
    ['9-10 fix @web', '@web matches 3 projects: Website Design (Acme), Web App (Globex), Webinar; add a word of the name or the client to pick one.', ['Website Design (Acme)', 'Web App (Globex)', 'Webinar']],
    ['9-10 fix @design', '@design matches 2 projects: Design (Globex), Design (Initech); add a word of the name or the client to pick one.', ['Design (Globex)', 'Design (Initech)']],
    ['9-10 fix @nothing', 'No project matches @nothing; check the spelling, or put the description before the @project or quote it: @"Web App".', undefined],
    ['9-10 #rev', '#rev matches 2 tags: review, revenue; write more of the name, or quote it: #"two words".', ['review', 'revenue']],
    ['9-10 #nope', 'No tag matches #nope; check the spelling, create the tag in Clockify first, or write \\#nope to keep it in the description.', undefined],
    ['9-10 fix @website #meeting @webinar', 'Write one @project, not 2: quote a name with spaces, like @"Web App".', undefined],
  ])('%j is an error', (line, message, candidates) => {
    const result = parseQuickEntry(line, ctx());
    expect(result).toMatchObject(candidates ? { ok: false, error: message, candidates } : { ok: false, error: message });
  });

  it('reads the @ words up to the end, so a description after them is an error that says what to do', () => {
    const result = parseQuickEntry('9-10 @website fix header', ctx());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^No project matches @"website fix header" \(closest: Website Design \(Acme\)\); .*quote it: @"Web App"\.$/);
      expect(result.candidates).toEqual(['Website Design (Acme)']);
    }
  });

  it.each([
    ['', /^No times found: start with a range like 09:00-10:30 or a duration like 1h30m, then the description\.$/],
    ['   ', /^No times found/],
    ['Standup', /^No times found/],
    ['Standup 9-10', /^No times found/],
    ['tomorrow 9-10 x', /^Quick entry adds time already spent: for tomorrow, write its date/],
    // Day-like words the grammar does not read get a helpful message, not "No times found".
    ['yesterdy 9-10 x', /^"yesterdy" is not a day: did you mean yesterday\?/],
    ['last friday 9-10 x', /^"last friday" is not read: write fri for the most recent fri/],
    ['mon-fri 9-17 Onsite', /^Day ranges like mon-fri are not read: write the dates, like mar 2-6/],
    ['Stanup 9-10', /^No times found/],
    ['9-10 @"Web App', /^Close the quote after @/],
    ['9-10 fix @', /^Write a project after @/],
    ['@website 9-10 fix', /^No times found: .*everything after @ is the project, so write the times and the description before it\.$/],
  ])('%j is an error', (line, message) => {
    expect(error(line)).toMatch(message);
  });
});

describe('robustness', () => {
  // A seeded mix of grammar pieces and noise: the parser never throws, and every entry it returns is sound.
  const pieces = [
    '9', '09:00', '10:30', '0930', '9am', '12pm', '-', '–', 'to', '..', ',', 'and', '1h30m', '45m', '-30m', '25h', 'today',
    'yesterday', 'mon', 'sun', 'mar', 'feb', '30', '2', '2nd', '2025', '2025-03-10', '2025-02-30', '2025-03-10T09:00:00Z',
    '2025-03-10T10:00:00-03:00', '2025-03-10T09:00', '@web', '@"Web App"', '#rev', '#meeting', '$', '\\#1', 'fix', 'Café', '"',
    '“', ':', '24:00', 'noon', 'midnight', '13pm', '9.30', '', ' ', '@', '#', 'x'.repeat(40), '𝒳', '\u0000',
  ];
  const days = ['', '', 'today', 'yesterday', 'fri', 'sun', 'mar 28-30', 'oct 24, 25 and 26', '2026-03-29', '2026-11-01', 'mar 2 2025,'];
  const times = ['9-17', '22:00-06:00', '01:30-03:30', '02:30-03:00', '11-1pm', '12am-12pm', '9 to 5', 'noon-midnight', '45m', '-1h30m', '23:59-00:00'];
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const zones = ['Etc/UTC', 'Europe/Berlin', offsetZone(-3), 'Pacific/Auckland', 'America/New_York'];

  // Under mutation testing (npm run mutation) every mutant of the parser runs this test: fewer lines keep that run affordable.
  const LINES = process.env.MUTATION_RUN ? 500 : 5000;

  it(`never throws and returns sound entries for ${LINES.toLocaleString('en')} random lines`, () => {
    let parsed = 0;
    for (let n = 0; n < LINES; n++) {
      const pick = (from: readonly string[]) => from[Math.floor(random() * from.length)] as string;
      const words = Array.from({ length: 1 + Math.floor(random() * 7) }, () => pick(pieces));
      // half the lines follow the grammar's order (days, times, the rest), half are any mix
      const line = n % 2 === 0 ? `${pick(days)} ${pick(times)} ${words.join(' ')}` : words.join(random() < 0.3 ? '' : ' ');
      const zone = zones[n % zones.length] as string;
      const result = parseQuickEntry(line, ctx(zone));
      if (!result.ok) {
        expect(result.error.length, line).toBeGreaterThan(10);
        expect(result.error, line).toMatch(/[.]$/);
        continue;
      }
      parsed++;
      expect(result.items.length, line).toBeGreaterThan(0);
      for (const item of result.items) {
        expect(item.start, line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(item.end, line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        const seconds = (Date.parse(item.end) - Date.parse(item.start)) / 1000;
        expect(item.durationSeconds, line).toBe(seconds);
        expect(seconds, line).toBeGreaterThan(0);
        expect(seconds, line).toBeLessThanOrEqual(86_400);
        expect(item.localStart, line).toMatch(/^\d{2}:\d{2}$/);
      }
    }
    // enough lines are valid for the entry checks to mean something
    expect(parsed).toBeGreaterThan(LINES / 5);
  });
});
