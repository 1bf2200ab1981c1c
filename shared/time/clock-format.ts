// A time of day as the user reads it: in the app's zone and the user's 12/24-hour setting. Shared by
// the popover and by main (notifications say times too). Intl formatters are costly to make and
// cheap to use, so each is made once.
import type { Preferences } from '../domain';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "09:30" or "9:30 AM", in the zone. */
export function formatClockTime(instant: string | number | Date, zone: string, timeFormat: Preferences['timeFormat']): string {
  const twelve = timeFormat === 'HOUR12';
  const key = `${zone}|${timeFormat}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(twelve ? 'en-US' : 'en-GB', { hour: twelve ? 'numeric' : '2-digit', minute: '2-digit', hourCycle: twelve ? 'h12' : 'h23', timeZone: zone });
    formatters.set(key, format);
  }
  return format.format(new Date(instant));
}
