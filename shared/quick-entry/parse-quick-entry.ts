// Quick manual entry: one typed line → one or more entries. Pure: the clock, the zone and the
// catalog come in through the context. The grammar, piece by piece:
//   segments.ts  @project, #tag, $ and the rest           days.ts   the optional days
//   times.ts     a range, a duration or two instants       match.ts  @project / #tag lookup
//   items.ts     local times → instants in the zone
// The days and times come first, then the description; @project, #tag and $ may stand anywhere
// (but @ takes the words after it, so the description goes before it). Examples:
//   09:00-10:30 Standup @website #meeting $
//   yesterday 1-3pm Review @"Web App"
//   mar 2-6 9-17 Onsite @acme
//   45m Emails
//   2025-03-10T09:00:00Z 2025-03-10T10:30:00-03:00 Call
import type { TagOption } from '../domain';
import { editDistance, normalizeForSearch } from '../text-search';
import { isValidTimeZone, localDayKey } from '../time/zone';
import { daysBetween, parseDateKey, type LocalDate } from './calendar';
import { parseDays } from './days';
import { durationItems, instantItems, rangeItems, type ItemsResult } from './items';
import { Cursor, lex } from './lexer';
import { matchProject, matchTag } from './match';
import { splitSegments, type Segment } from './segments';
import { parseTimes } from './times';
import type { QuickEntryContext, QuickEntryParse } from './types';

const NO_TIMES = 'No times found: start with a range like 09:00-10:30 or a duration like 1h30m, then the description.';
const NO_TIMES_AFTER_PROJECT =
  'No times found: start with a range like 09:00-10:30 or a duration like 1h30m; everything after @ is the project, so write the times and the description before it.';

function fail(error: string, candidates?: string[], choiceFor?: { sigil: '@' | '#'; query: string }): QuickEntryParse {
  return candidates && candidates.length > 0 ? { ok: false, error, candidates, ...(choiceFor ? { choiceFor } : {}) } : { ok: false, error };
}

export function parseQuickEntry(line: string, ctx: QuickEntryContext): QuickEntryParse {
  if (!isValidTimeZone(ctx.timeZone)) return fail(`The time zone "${ctx.timeZone}" is unknown: choose another one in the settings.`);
  if (Number.isNaN(ctx.now.getTime())) return fail('The clock gave an invalid time: try again.');

  const split = splitSegments(line);
  if (!split.ok) return fail(split.error);
  const text: string[] = [];
  const projectQueries: string[] = [];
  const tagQueries: string[] = [];
  let billable: boolean | null = null;
  const segments = split.segments;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === 'text') text.push(segment.text);
    else if (segment.kind === 'project') projectQueries.push(segment.query);
    else if (segment.kind === 'tag') {
      // "#deep work" where a tag is named "deep work": the following words belong to the tag.
      const taken = wordsOfTagName(segment.query, segments, i, ctx.tags);
      tagQueries.push(taken.query);
      i += taken.extra;
    } else billable = true;
  }

  const rest = text.join(' ');
  const cursor = new Cursor(lex(rest), rest);
  const today = parseDateKey(localDayKey(ctx.now, ctx.timeZone));
  const days = parseDays(cursor, today, ctx.dateOrder);
  if (!days.ok) return fail(days.error);
  const times = parseTimes(cursor);
  if (!times.ok) return fail(times.error);
  const spec = times.spec;
  if (spec === null) {
    if (days.days) return fail(unreadDay(rest) ?? 'No times found after the day: write a range like 09:00-10:30 after it, then the description.');
    // "@website 9-10 fix": the @ took the times with it
    return fail(unreadDay(rest) ?? (projectQueries.length > 0 ? NO_TIMES_AFTER_PROJECT : NO_TIMES));
  }

  let built: ItemsResult;
  const onlyToday = days.days?.length === 1 && daysBetween(days.days[0] as LocalDate, today) === 0;
  if (spec.kind === 'range') {
    built = rangeItems(days.days ?? [today], spec, ctx.timeZone);
  } else if (days.days && !onlyToday) {
    return fail(
      spec.kind === 'duration'
        ? 'A duration alone is time ending now: for another day write a range like 13:00-17:00.'
        : 'An ISO instant carries its own date: drop the day in front of it.',
    );
  } else {
    built = spec.kind === 'duration' ? durationItems(spec.seconds, ctx.now, ctx.timeZone) : instantItems(spec.start, spec.end, ctx.timeZone);
  }
  if (!built.ok) return fail(built.error);

  if (projectQueries.length > 1) return fail(`Write one @project, not ${projectQueries.length}: quote a name with spaces, like @"Web App".`);
  let projectId: string | null = null;
  if (projectQueries[0] !== undefined) {
    const project = matchProject(projectQueries[0], ctx.projects);
    if (!project.ok) return fail(project.error, project.candidates, { sigil: '@', query: projectQueries[0] });
    projectId = project.item.id;
  }
  const tagIds: string[] = [];
  for (const query of tagQueries) {
    const tag = matchTag(query, ctx.tags);
    if (!tag.ok) return fail(tag.error, tag.candidates, { sigil: '#', query });
    if (!tagIds.includes(tag.item.id)) tagIds.push(tag.item.id);
  }

  const description = cursor.rest().replace(/^[\s,;:–—-]+/, '').trim();
  return { ok: true, items: built.items, description, projectId, tagIds, billable, notes: [...days.notes, ...built.notes] };
}

/** The longest tag name that `#query` and the text words right after it spell (up to 3 more words). */
function wordsOfTagName(query: string, segments: readonly Segment[], at: number, tags: readonly TagOption[]): { query: string; extra: number } {
  const names = new Set(tags.map((tag) => normalizeForSearch(tag.name)));
  let best = { query, extra: 0 };
  const words = [query];
  for (let k = 1; k <= 3; k++) {
    const next = segments[at + k];
    if (next?.kind !== 'text') break;
    words.push(next.text);
    if (names.has(normalizeForSearch(words.join(' ')))) best = { query: words.join(' '), extra: k };
  }
  return best;
}

const DAY_WORDS = ['today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/;

/**
 * A helpful word for a line that starts with something day-like the grammar does not read:
 * "yesterdy" (a typo), "last friday", "mon-fri". Null when the start looks like no day at all.
 */
function unreadDay(rest: string): string | null {
  const [first = '', second = ''] = rest.trim().toLowerCase().split(/\s+/);
  const range = /^([a-z]+)\s*(?:-|–|to)\s*([a-z]+)$/.exec(first);
  if (range && WEEKDAY.test(range[1]!) && WEEKDAY.test(range[2]!)) {
    return `Day ranges like ${first} are not read: write the dates, like mar 2-6 9-17 (one entry per day), or one day at a time (mon 9-17).`;
  }
  if ((first === 'last' || first === 'this') && WEEKDAY.test(second)) {
    return `"${first} ${second}" is not read: write ${second.slice(0, 3)} for the most recent ${second.slice(0, 3)} (today included), or a date like 2025-03-07.`;
  }
  if (first === 'tomorrow') return 'Quick entry adds time already spent: for tomorrow, write its date (2025-03-11 9-17) — the window asks before adding an entry in the future.';
  if (/^[a-z]{4,}$/.test(first) && !DAY_WORDS.includes(first)) {
    const near = DAY_WORDS.find((word) => closeTo(first, word));
    if (near) return `"${first}" is not a day: did you mean ${near}? Write it like ${near} 13-17.`;
  }
  return null;
}

/** Within two edits (a typo), for words of five letters or more; one edit for shorter ones. */
function closeTo(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 2 && editDistance(a, b) <= (b.length >= 5 ? 2 : 1);
}
