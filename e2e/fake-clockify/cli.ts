// Runs the fake Clockify for demos, the web harness and Playwright:
//   npx tsx e2e/fake-clockify/cli.ts --port 0 --seed small|empty|large --projects 10000
// Prints the base URLs and the (fake) keys once listening.

import { parseArgs } from 'node:util';
import type { SeedSpec } from './seed';
import { FAKE_API_KEY, FAKE_MATON_CONNECTION_ID, FAKE_MATON_KEY, startFakeClockify } from './server';

const USAGE = `usage: cli.ts [--port N] [--seed small|empty|large] [--projects N] [--clients N] [--tasks-per-project N] [--time-zone IANA]`;

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${flag} must be a whole number, got '${value}'\n${USAGE}`);
  return Number(value);
}

function seedFrom(values: Record<string, string | undefined>): SeedSpec {
  const seed = values.seed ?? (values.projects ? 'large' : 'small');
  if (seed === 'small' || seed === 'empty') return seed;
  if (seed !== 'large') throw new Error(`unknown --seed '${seed}'\n${USAGE}`);
  return {
    projects: wholeNumber(values.projects, 'projects') ?? 10_000,
    clients: wholeNumber(values.clients, 'clients'),
    tasksPerProject: wholeNumber(values['tasks-per-project'], 'tasks-per-project'),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      projects: { type: 'string' },
      clients: { type: 'string' },
      'tasks-per-project': { type: 'string' },
      'time-zone': { type: 'string' },
    },
  });
  const fake = await startFakeClockify({
    port: wholeNumber(values.port, 'port') ?? 0,
    seed: seedFrom(values),
    timeZone: values['time-zone'],
  });
  console.log(`Fake Clockify listening on ${fake.url}`);
  console.log(`  X-Api-Key: ${FAKE_API_KEY}   (a fake demo key)`);
  console.log(`  Maton:     ${fake.matonUrl}   Authorization: Bearer ${FAKE_MATON_KEY}   Maton-Connection (optional): ${FAKE_MATON_CONNECTION_ID}`);
  console.log(`  Control:   ${fake.origin}/__fake/{requests,faults,state,seed}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
