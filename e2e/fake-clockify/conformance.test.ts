// The fake's entities must carry every key Clockify answered in the recorded live responses.
// Those recordings live outside the repo (../shared/reference) and are never copied into it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClockify } from './server';
import type { Call } from './testing';
import { startFakeClockify } from './server';
import { apiCaller, owner } from './testing';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.resolve(repoRoot, '..', 'shared', 'reference', 'probe-responses');

interface Probe {
  endpoint_id: string;
  probe_kind: string;
  response: { body_keys?: string[]; body_keys_item?: string[] };
  facts_observed?: { item_keys?: string[]; top_level_keys?: string[] };
}

/** The keys a probe saw: the item keys of a list, else the body's keys. */
function expectedKeys(probe: Probe): string[] {
  const keys = probe.facts_observed?.item_keys ?? probe.response.body_keys_item ?? probe.facts_observed?.top_level_keys ?? probe.response.body_keys ?? [];
  return keys.filter((k) => k !== 'array');
}

/** How to get the matching entity from the fake, per probe endpoint. */
const fetchers: Record<string, (api: Call, fake: FakeClockify) => Promise<Record<string, unknown>>> = {
  'get.user': async (api) => (await api('GET', '/user')).body,
  'get.workspaces': async (api, fake) => (await api('GET', `/workspaces/${owner(fake).ws}`)).body,
  'get.workspaces.clients': async (api, fake) => (await api('GET', `/workspaces/${owner(fake).ws}/clients`)).body[0],
  'get.workspaces.projects': async (api, fake) => (await api('GET', `/workspaces/${owner(fake).ws}/projects`)).body[0],
  'get.workspaces.tags': async (api, fake) => (await api('GET', `/workspaces/${owner(fake).ws}/tags`)).body[0],
  'get.workspaces.projects.tasks': async (api, fake) => {
    const project = fake.state.projects.find((p) => fake.state.tasks.some((t) => t.projectId === p.id))!;
    return (await api('GET', `/workspaces/${project.workspaceId}/projects/${project.id}/tasks`)).body[0];
  },
  'get.workspaces.user.time-entries': async (api, fake) => {
    const { ws, userId } = owner(fake);
    return (await api('GET', `/workspaces/${ws}/user/${userId}/time-entries`)).body[0];
  },
  // The fake has no /time-entries/status/in-progress route; a running entry from the user list has the same shape.
  'get.workspaces.time-entries.status.in-progress': async (api, fake) => {
    const { ws, userId } = owner(fake);
    await api('POST', `/workspaces/${ws}/time-entries`, { body: { start: '2026-05-20T08:00:00Z' } });
    return (await api('GET', `/workspaces/${ws}/user/${userId}/time-entries?in-progress=true`)).body[0];
  },
};

if (!existsSync(dir)) console.warn('skipped: ../shared/reference not found');

describe.skipIf(!existsSync(dir))('conformance with recorded Clockify responses', () => {
  const probes: Probe[] = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Probe)
    : [];
  let fake: FakeClockify;
  beforeAll(async () => {
    fake = await startFakeClockify();
  });
  afterAll(() => fake.close());

  for (const probe of probes.filter((p) => p.probe_kind === 'happy-path')) {
    const fetchEntity = fetchers[probe.endpoint_id];
    it.skipIf(!fetchEntity)(`${probe.endpoint_id} carries every recorded key`, async () => {
      const entity = await fetchEntity!(apiCaller(fake), fake);
      const keys = expectedKeys(probe);
      expect(keys.length).toBeGreaterThan(0);
      expect(Object.keys(entity)).toEqual(expect.arrayContaining(keys));
    });
  }
});
