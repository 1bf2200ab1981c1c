// Clockify's wire format for instants and durations (see ../shared/docs/clockify-api.md, "Shapes and formats").

/** An instant as Clockify wants it: UTC, second precision, `Z` suffix. Milliseconds are truncated. */
export function toClockifyInstant(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses an instant from Clockify (or any ISO-8601 string with a zone); throws on anything else. */
export function parseInstant(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new RangeError(`Not an ISO-8601 instant with a zone: ${value}`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid instant: ${value}`);
  return date;
}

const DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds in an ISO-8601 duration such as `PT1H30M`, `PT0S` or `P1DT2H` (days are 24 h). */
export function parseIsoDuration(value: string): number {
  const m = DURATION.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) throw new RangeError(`Not an ISO-8601 duration: ${value}`);
  const [, w, d, h, min, s] = m.map((part) => (part === undefined ? 0 : Number(part)));
  return Math.round(((((w ?? 0) * 7 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (min ?? 0)) * 60 + (s ?? 0));
}

/** Formats whole seconds as an ISO-8601 duration in Clockify's style (`PT1H30M`, `PT0S`). */
export function formatIsoDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) throw new RangeError(`Not a duration: ${totalSeconds}`);
  const secs = Math.round(totalSeconds);
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  if (secs === 0) return 'PT0S';
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}
