// Time formats as Clockify uses them, and the wall-clock arithmetic the entries filter needs.
// Written with Intl only (no date library) so the fake shares no time code with the client.

const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const QUERY_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const ISO_DURATION = /^P(?!$)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/;

/** Formats an instant the way Clockify answers: UTC, second precision, `Z`. */
export function formatInstant(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Reads a time sent in a write (`2026-02-13T09:00:00Z`): UTC, second precision, `Z`.
 * Milliseconds, offsets and impossible dates give undefined.
 */
export function parseInstant(text: string): number | undefined {
  if (!UTC_SECONDS.test(text)) return undefined;
  const ms = Date.parse(text);
  // Date.parse rolls 2026-02-30 over to March; a round trip catches it.
  return Number.isNaN(ms) || formatInstant(ms) !== text ? undefined : ms;
}

/** Java's Duration.toString(), which Clockify answers with: PT1H30M, PT20S, PT0S, PT26H. */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h === 0 && m === 0 && s === 0) return 'PT0S';
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}

export function isIsoDuration(text: string): boolean {
  return ISO_DURATION.test(text);
}

/** Whole seconds between two instants written by formatInstant. */
export function secondsBetween(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 1000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7_200_000). Throws RangeError for an unknown zone. */
function offsetAt(timeZone: string, ms: number): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * A wall-clock time is written here as the ms of the same digits read as UTC. This gives the
 * real instant at which clocks in `timeZone` show it (in a DST gap: the instant one offset away).
 */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  const guess = wallMs - offsetAt(timeZone, wallMs);
  return wallMs - offsetAt(timeZone, guess);
}

/** What clocks in `timeZone` show at an instant, as the ms of those digits read as UTC. */
export function instantToWallClock(ms: number, timeZone: string): number {
  return ms + offsetAt(timeZone, ms);
}

/**
 * The entries list reads `start`/`end` query values as wall-clock time in the account's zone:
 * `2026-05-20T00:00:00Z` means local midnight, whatever the `Z` says (captured live).
 * Returns the instant in ms, or undefined when the value is not `yyyy-MM-ddTHH:mm:ss[.SSS]Z`.
 */
export function parseWallClockQuery(text: string, timeZone: string): number | undefined {
  if (!QUERY_INSTANT.test(text)) return undefined;
  const wallMs = parseInstant(`${text.slice(0, 19)}Z`);
  return wallMs === undefined ? undefined : wallClockToInstant(wallMs, timeZone);
}
