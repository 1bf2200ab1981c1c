// One outbox per account: each account's waiting changes go out with that account's own client,
// whichever is active; an account that cannot be reached or whose key is gone holds its changes
// and says why. Clockify is a stand-in that records which client deleted what.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/domain';
import { FakeClock } from '../../e2e/support/fake-clock';
import { ClockifyError } from '../clockify/errors';
import { AccountOutboxes, type AccountLink } from './account-outboxes';
import { EntryStore } from './entry-store';
import type { Intent } from './intents';
import type { OutboxStatus } from './outbox';

const serverId = (n: number) => `6a1f0c2e0000000000000${String(n).padStart(3, '0')}`;
const remove = (n: number, accountId: string, problem?: Intent['problem']): Intent => ({ id: `i${n}`, key: `l-${n}`, workspaceId: 'w1', at: 0, kind: 'delete', accountId, ...(problem ? { problem } : {}) });

/** A client that deletes (or fails with `failure`), saying which account's client it was. */
function client(name: string, sent: string[], failure?: () => Error): AccountLink {
  const api = {
    deleteTimeEntry: (_workspaceId: string, id: string) => {
      if (failure) return Promise.reject(failure());
      sent.push(`${name} ${id}`);
      return Promise.resolve();
    },
  };
  return { api: api as unknown as AccountLink['api'], userId: `u-${name}` };
}

function setUp(intents: Intent[], options: { active?: string | null; activeLink?: AccountLink | null; links?: Record<string, () => Promise<Result<AccountLink>>> } = {}) {
  // Each change is to an entry created here, whose server id is known.
  const journal = { intents, ids: Object.fromEntries([1, 2, 3, 4].map((n) => [`l-${n}`, serverId(n)])) };
  const entries = new EntryStore({ load: () => ({ status: 'ok', value: journal }), save: () => undefined }, journal, () => undefined);
  const active = options.active === undefined ? 'lena' : options.active;
  entries.setActiveAccount(active);
  const sent: string[] = [];
  const asked: string[] = [];
  const statuses: [string, OutboxStatus][] = [];
  const outboxes = new AccountOutboxes({
    entries,
    clock: new FakeClock('2026-11-30T10:00:00Z'),
    activeAccount: () => active,
    activeLink: () => (options.activeLink === undefined ? client('lena', sent) : options.activeLink),
    linkOf: (accountId) => {
      asked.push(accountId);
      const link = options.links?.[accountId];
      return link ? link() : Promise.resolve({ ok: true, value: client(accountId, sent) });
    },
    onStatus: (accountId, status) => statuses.push([accountId, status]),
    random: () => 0.5,
  });
  return { outboxes, entries, sent, asked, statuses };
}

const unknownAccount = (message: string): Result<AccountLink> => ({ ok: false, error: { kind: 'unauthorized', status: null, message } });

describe('AccountOutboxes', () => {
  it('sends each account’s changes with its own client; the active account’s client is never asked for', async () => {
    const { outboxes, sent, asked } = setUp([remove(1, 'lena'), remove(2, 'jonas'), remove(3, 'mia')]);
    await outboxes.kick();
    await outboxes.idle();
    expect(sent.sort()).toEqual([`jonas ${serverId(2)}`, `lena ${serverId(1)}`, `mia ${serverId(3)}`]);
    expect(asked.sort()).toEqual(['jonas', 'mia']);
    expect(outboxes.waiting()).toEqual([]);
    expect(outboxes.stats).toEqual({ sent: 3, retries: 0, adopted: 0, refused: 0 });
  });

  it('makes another account’s client once per run, until it is forgotten', async () => {
    const { outboxes, entries, asked } = setUp([remove(1, 'jonas')]);
    await outboxes.kick();
    entries.enqueue(remove(2, 'jonas'));
    await outboxes.kick();
    await outboxes.idle();
    expect(asked).toEqual(['jonas']);
    outboxes.forget('jonas');
    entries.enqueue(remove(3, 'jonas'));
    await outboxes.kick();
    expect(asked).toEqual(['jonas', 'jonas']);
  });

  it('asks once for a client while it is being made, however often it is kicked', async () => {
    let answer: (link: Result<AccountLink>) => void = () => undefined;
    const sent: string[] = [];
    const { outboxes, asked } = setUp([remove(1, 'jonas')], { links: { jonas: () => new Promise((resolve) => (answer = resolve)) } });
    const first = outboxes.kick();
    const second = outboxes.kick();
    const idle = outboxes.idle();
    answer({ ok: true, value: client('jonas', sent) });
    await Promise.all([first, second, idle]);
    expect(asked).toEqual(['jonas']);
    expect(sent).toEqual([`jonas ${serverId(1)}`]);
  });

  it.each([
    ['its key is gone', () => Promise.resolve(unknownAccount('The key of jonas@example.com is no longer stored: add the account again with its key.')), 'The key of jonas@example.com is no longer stored: add the account again with its key.'],
    ['its keychain entry cannot be read', () => Promise.reject(new Error('The keychain is locked')), 'Error: The keychain is locked'],
  ])('holds another account’s changes when %s, and says why', async (_, link, lastError) => {
    const refused = { reason: 'Clockify refused it', status: 403 };
    const { outboxes, sent, entries } = setUp([remove(1, 'jonas'), remove(2, 'jonas'), remove(3, 'jonas', refused)], { links: { jonas: link } });
    await outboxes.kick();
    await outboxes.idle();
    expect(sent).toEqual([]);
    expect(outboxes.waiting()).toEqual([{ accountId: 'jonas', pending: 2, refused: 1, online: true, lastError }]);
    expect(outboxes.statusOf('jonas')).toEqual({ online: true, lastError: null, unauthorized: false });
    expect(entries.scope('jonas').intents).toHaveLength(3);
  });

  it('tries again for a client that could not be made, and sends once it can', async () => {
    let answer: Result<AccountLink> = unknownAccount('no key');
    const sent: string[] = [];
    const { outboxes, asked } = setUp([remove(1, 'jonas')], { links: { jonas: () => Promise.resolve(answer) } });
    await outboxes.kick();
    answer = { ok: true, value: client('jonas', sent) };
    await outboxes.kick();
    await outboxes.idle();
    expect(asked).toEqual(['jonas', 'jonas']);
    expect(sent).toEqual([`jonas ${serverId(1)}`]);
    expect(outboxes.waiting()).toEqual([]);
  });

  it('another account out of reach: waiting, offline, with the reason; its status is reported for it', async () => {
    const sent: string[] = [];
    const offline = () => new ClockifyError({ kind: 'network', method: 'DELETE', path: '/time-entries' });
    const { outboxes, statuses } = setUp([remove(1, 'jonas')], { links: { jonas: () => Promise.resolve({ ok: true, value: client('jonas', sent, offline) }) } });
    await outboxes.kick();
    await outboxes.idle();
    const lastError = offline().userMessage;
    expect(outboxes.waiting()).toEqual([{ accountId: 'jonas', pending: 1, refused: 0, online: false, lastError }]);
    expect(outboxes.statusOf('jonas')).toEqual({ online: false, lastError, unauthorized: false });
    expect(statuses).toEqual([['jonas', { online: false, lastError, unauthorized: false }]]);
    expect(outboxes.stats).toMatchObject({ retries: 1 });
  });

  it('the active account’s changes wait while its user is not known yet', async () => {
    const { outboxes, sent } = setUp([remove(1, 'lena')], { activeLink: null });
    await outboxes.kick();
    await outboxes.idle();
    expect(sent).toEqual([]);
    expect(outboxes.statusOf('lena')).toEqual({ online: true, lastError: null, unauthorized: false });
  });

  it('signed out: no status, and other accounts’ changes still go out', async () => {
    const { outboxes, sent } = setUp([remove(1, 'jonas')], { active: null });
    expect(outboxes.statusOf(null)).toBeNull();
    expect(outboxes.statusOf('jonas')).toBeNull();
    await outboxes.kick();
    await outboxes.idle();
    expect(sent).toEqual([`jonas ${serverId(1)}`]);
  });

  it('counts what every account’s outbox did', async () => {
    const forbidden = () => new ClockifyError({ kind: 'forbidden', method: 'DELETE', path: '/time-entries', status: 403 });
    const sent: string[] = [];
    const { outboxes } = setUp([remove(1, 'lena'), remove(2, 'jonas'), remove(3, 'mia')], {
      activeLink: client('lena', sent, forbidden),
      links: { jonas: () => Promise.resolve({ ok: true, value: client('jonas', sent, forbidden) }) },
    });
    await outboxes.kick();
    await outboxes.idle();
    // Lena's and Jonas's refused, Mia's sent.
    expect(outboxes.stats).toEqual({ sent: 1, retries: 0, adopted: 0, refused: 2 });
  });

  it('sends nothing once closed, neither for the active account nor another', async () => {
    const { outboxes, sent } = setUp([remove(1, 'lena'), remove(2, 'jonas')]);
    outboxes.close();
    await outboxes.kick();
    await outboxes.idle();
    expect(sent).toEqual([]);
  });

  it('a client made after closing sends nothing', async () => {
    let answer: (link: Result<AccountLink>) => void = () => undefined;
    const sent: string[] = [];
    const { outboxes } = setUp([remove(1, 'jonas')], { links: { jonas: () => new Promise((resolve) => (answer = resolve)) } });
    const kicked = outboxes.kick();
    outboxes.close();
    answer({ ok: true, value: client('jonas', sent) });
    await kicked;
    await outboxes.idle();
    expect(sent).toEqual([]);
  });
});
