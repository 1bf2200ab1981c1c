// Reading a moment the user types to move the running timer's start or to stop it in the past:
// a time of day today ("9:10", "9:10 pm", "910"), or how long ago ("-20m", "-1h 30m", "20 min ago",
// "1 hour ago", "-20" = minutes). Whether the moment is allowed (not in the future, after the
// previous entry) is the core's call; this only reads the words.
import { dayKeyOf } from './time-format';
import { localInstant, parseDurationText, parseTimeOfDay } from './time-input';

export type PastMoment = { readonly ok: true; readonly at: Date } | { readonly ok: false; readonly message: string };

const AGO = /^(.*?)\s*ago$/;

export function parsePastMoment(raw: string, now: number, zone: string): PastMoment {
  const text = raw.trim().toLowerCase();
  if (text === '') return { ok: false, message: 'Type a time such as 9:10, or how long ago: -20m or 20 min ago.' };
  if (text === 'now') return { ok: true, at: new Date(now) };
  const ago = AGO.exec(text)?.[1] ?? (text.startsWith('-') ? text.slice(1).trim() : null);
  if (ago !== null) {
    const seconds = /^\d+$/.test(ago) ? Number(ago) * 60 : parseDurationText(ago);
    if (seconds === null || seconds <= 0) return { ok: false, message: `“${raw.trim()}” is not a length of time: write it like -20m, -1h 30m or 20 min ago.` };
    return { ok: true, at: new Date(now - seconds * 1000) };
  }
  const seconds = parseTimeOfDay(text);
  if (seconds === null) return { ok: false, message: `“${raw.trim()}” is not a time: type one such as 9:10 or 2:30 pm, or how long ago: -20m.` };
  return { ok: true, at: localInstant(dayKeyOf(now, zone), seconds, zone) };
}
