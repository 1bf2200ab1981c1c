// The focus mode's settings as saved, and its countdown as shown.
import { describe, expect, it } from 'vitest';
import { countdownText, DEFAULT_POMODORO, pomodoroSettingsSchema } from './pomodoro';

describe('pomodoroSettingsSchema', () => {
  it('is off by default: 25 minutes of work, 5 of break, a long break of 15 after 4 rounds, and asks', () => {
    expect(DEFAULT_POMODORO).toEqual({ enabled: false, workMinutes: 25, breakMinutes: 5, longBreakMinutes: 15, roundsBeforeLongBreak: 4, breakProjectId: null, atWorkEnd: 'ask' });
    expect(pomodoroSettingsSchema.parse(DEFAULT_POMODORO)).toEqual(DEFAULT_POMODORO);
  });

  it('keeps each length within its bounds', () => {
    const valid = (over: Partial<typeof DEFAULT_POMODORO>) => pomodoroSettingsSchema.safeParse({ ...DEFAULT_POMODORO, ...over }).success;
    expect([valid({ workMinutes: 1 }), valid({ workMinutes: 240 }), valid({ workMinutes: 0 }), valid({ workMinutes: 241 }), valid({ workMinutes: 2.5 })]).toEqual([true, true, false, false, false]);
    expect([valid({ breakMinutes: 120 }), valid({ breakMinutes: 121 }), valid({ longBreakMinutes: 240 }), valid({ longBreakMinutes: 241 })]).toEqual([true, false, true, false]);
    expect([valid({ roundsBeforeLongBreak: 12 }), valid({ roundsBeforeLongBreak: 13 }), valid({ roundsBeforeLongBreak: 0 })]).toEqual([true, false, false]);
    expect([valid({ breakProjectId: 'p1' }), valid({ breakProjectId: 'p 1' }), valid({ atWorkEnd: 'break' }), valid({ atWorkEnd: 'stop' as 'ask' })]).toEqual([true, false, true, false]);
  });
});

describe('countdownText', () => {
  it('says minutes and seconds left, rounding up, and time over with a minus', () => {
    expect(countdownText(12 * 60_000 + 5_000)).toBe('12:05');
    expect(countdownText(4_001)).toBe('0:05');
    expect(countdownText(0)).toBe('0:00');
    expect(countdownText(-40_000)).toBe('-0:40');
    expect(countdownText(-61_000)).toBe('-1:01');
    expect(countdownText(25 * 60_000)).toBe('25:00');
  });
});
