// Days and instants in Europe/Berlin, the app's zone in the specs that check what the server got
// while the browser runs in another zone.
import { TZDate } from '@date-fns/tz';

export const ZONE = 'Europe/Berlin';

/** yyyy-MM-dd of a day relative to today, in the app's zone. */
export function berlinDay(offsetDays: number): string {
  const now = new TZDate(Date.now(), ZONE);
  const day = new TZDate(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays, 12, 0, ZONE);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** The instant of a Berlin wall-clock time, as Clockify stores it. */
export function berlin(dayKey: string, hours: number, minutes = 0): string {
  const [y, m, d] = dayKey.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hours, minutes, ZONE).getTime()).toISOString().replace('.000Z', 'Z');
}
