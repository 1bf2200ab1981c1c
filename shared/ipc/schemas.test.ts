// What a window may send to main: each validator accepts what the windows send and refuses the
// rest (unknown keys included), so main never acts on a payload it did not check.
import { describe, expect, it } from 'vitest';
import { connectionSchema, dayKeySchema, empty, entryDraftSchema, entryTimesSchema, idleAnswerSchema, idSchema, instantSchema, matonConnectionIdSchema, timeZoneOverrideSchema } from './schemas';

const ok = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;
const draft = { description: 'Deep work', projectId: 'p1', taskId: null, tagIds: ['t1'], billable: false };

describe('ids and instants', () => {
  it('an id is 1 to 64 letters, digits, - and _', () => {
    expect(['a', 'A-z_0', 'x'.repeat(64)].map((value) => ok(idSchema, value))).toEqual([true, true, true]);
    expect(['', 'x'.repeat(65), 'a b', '../x', 'a/b', 'é'].map((value) => ok(idSchema, value))).toEqual([false, false, false, false, false, false]);
    expect(idSchema.safeParse('a b').error?.issues[0]?.message).toBe('an id');
  });

  it('a Maton connection id is up to 200 printable characters', () => {
    expect(ok(matonConnectionIdSchema, '0f9c3a52-1b2c-4d5e-8f90-a1b2c3d4e5f6')).toBe(true);
    expect(ok(matonConnectionIdSchema, 'conn:eu.1')).toBe(true);
    expect(ok(matonConnectionIdSchema, 'x'.repeat(200))).toBe(true);
    expect(ok(matonConnectionIdSchema, 'x'.repeat(201))).toBe(false);
    expect(ok(matonConnectionIdSchema, '')).toBe(false);
    expect(ok(matonConnectionIdSchema, 'a b')).toBe(false);
    expect(matonConnectionIdSchema.safeParse('a b').error?.issues[0]?.message).toBe('a connection id');
  });

  it('an instant carries its offset; a day is yyyy-MM-dd', () => {
    expect(['2026-03-02T09:00:00Z', '2026-03-02T10:00:00+01:00', '2026-03-02T09:00:00.123Z'].map((value) => ok(instantSchema, value))).toEqual([true, true, true]);
    expect(['2026-03-02T09:00:00', '2026-03-02', 'yesterday', 1].map((value) => ok(instantSchema, value))).toEqual([false, false, false, false]);
    expect(['2026-03-02', '2024-02-29'].map((value) => ok(dayKeySchema, value))).toEqual([true, true]);
    expect(['2026-3-2', '2026-02-30', '02.03.2026'].map((value) => ok(dayKeySchema, value))).toEqual([false, false, false]);
  });
});

describe('connectionSchema', () => {
  it("accepts Clockify's regions, a custom server and a Maton connection", () => {
    for (const server of ['global', 'eu', 'us', 'uk', 'au']) expect(ok(connectionSchema, { kind: 'clockify', server }), server).toBe(true);
    expect(ok(connectionSchema, { kind: 'clockify', server: 'custom', baseUrl: 'https://c.example.com/api/v1' })).toBe(true);
    expect(ok(connectionSchema, { kind: 'maton' })).toBe(true);
    expect(ok(connectionSchema, { kind: 'maton', connectionId: 'c1', gatewayUrl: 'https://g.example.com', connectionsUrl: 'https://c.example.com' })).toBe(true);
  });

  it('refuses an unknown region, a custom server without its URL, overlong values and unknown keys', () => {
    expect(ok(connectionSchema, { kind: 'clockify', server: 'mars' })).toBe(false);
    expect(ok(connectionSchema, { kind: 'clockify', server: 'custom' })).toBe(false);
    expect(ok(connectionSchema, { kind: 'clockify', server: 'custom', baseUrl: '' })).toBe(false);
    expect(ok(connectionSchema, { kind: 'clockify', server: 'custom', baseUrl: `https://${'x'.repeat(2041)}` })).toBe(false);
    expect(ok(connectionSchema, { kind: 'clockify', server: 'eu', apiKey: 'secret' })).toBe(false);
    expect(ok(connectionSchema, { kind: 'maton', connectionId: 'x'.repeat(201) })).toBe(false);
    expect(ok(connectionSchema, { kind: 'maton', gatewayUrl: '' })).toBe(false);
    expect(ok(connectionSchema, { kind: 'other' })).toBe(false);
  });
});

describe('entries', () => {
  it('a draft holds exactly what an entry is about, within bounds', () => {
    expect(entryDraftSchema.parse(draft)).toEqual(draft);
    expect(ok(entryDraftSchema, { ...draft, description: 'x'.repeat(3000) })).toBe(true);
    expect(ok(entryDraftSchema, { ...draft, description: 'x'.repeat(3001) })).toBe(false);
    expect(ok(entryDraftSchema, { ...draft, tagIds: Array.from({ length: 100 }, (_, i) => `t${i}`) })).toBe(true);
    expect(ok(entryDraftSchema, { ...draft, tagIds: Array.from({ length: 101 }, (_, i) => `t${i}`) })).toBe(false);
    expect(ok(entryDraftSchema, { ...draft, projectId: 'p/1' })).toBe(false);
    expect(ok(entryDraftSchema, { ...draft, billable: 'yes' })).toBe(false);
    expect(ok(entryDraftSchema, { ...draft, start: '2026-03-02T09:00:00Z' })).toBe(false);
  });

  it('times are a start and an end, both instants', () => {
    expect(ok(entryTimesSchema, { start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z' })).toBe(true);
    expect(ok(entryTimesSchema, { start: '2026-03-02T09:00:00Z' })).toBe(false);
    expect(ok(entryTimesSchema, { start: '2026-03-02T09:00:00Z', end: '10:00' })).toBe(false);
  });
});

describe('time zone overrides', () => {
  it('the system zone, a named zone, or a UTC offset in quarter hours from -12 to +14', () => {
    expect(ok(timeZoneOverrideSchema, { kind: 'system' })).toBe(true);
    expect(ok(timeZoneOverrideSchema, { kind: 'zone', zone: 'Europe/Berlin' })).toBe(true);
    expect(ok(timeZoneOverrideSchema, { kind: 'zone', zone: '' })).toBe(false);
    expect([-12, 14, 5.75, 5.5, 0].map((hours) => ok(timeZoneOverrideSchema, { kind: 'offset', hours }))).toEqual([true, true, true, true, true]);
    expect([-12.25, 14.25, 5.1].map((hours) => ok(timeZoneOverrideSchema, { kind: 'offset', hours }))).toEqual([false, false, false]);
    expect(timeZoneOverrideSchema.safeParse({ kind: 'offset', hours: 5.1 }).error?.issues.some((issue) => issue.message === 'a UTC offset is in quarter hours')).toBe(true);
  });
});

describe('idle answers', () => {
  it('keep, discard, discard and continue, reassign to a draft, or end at a moment', () => {
    for (const kind of ['keep', 'discard', 'discard-and-continue']) expect(ok(idleAnswerSchema, { kind }), kind).toBe(true);
    expect(ok(idleAnswerSchema, { kind: 'reassign', draft })).toBe(true);
    expect(ok(idleAnswerSchema, { kind: 'reassign' })).toBe(false);
    expect(ok(idleAnswerSchema, { kind: 'end-at', at: '2026-03-02T09:00:00Z' })).toBe(true);
    expect(ok(idleAnswerSchema, { kind: 'end-at', at: 'now' })).toBe(false);
    expect(ok(idleAnswerSchema, { kind: 'keep', extra: 1 })).toBe(false);
    expect(ok(idleAnswerSchema, { kind: 'snooze' })).toBe(false);
  });

  it('a command without arguments takes an empty object and nothing else', () => {
    expect(ok(empty, {})).toBe(true);
    expect(ok(empty, { x: 1 })).toBe(false);
  });
});
