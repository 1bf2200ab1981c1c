// npm run demo: the app in a browser against a fake Clockify with sample data. No account needed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FAKE_API_KEY, startFakeClockify } from '../fake-clockify/server';
import { startHarness } from './harness';

const { values } = parseArgs({ options: { port: { type: 'string', default: '5174' }, projects: { type: 'string' } } });
const fake = await startFakeClockify({ seed: values.projects ? { projects: Number(values.projects) } : 'small' });
const harness = await startHarness({
  port: Number(values.port),
  apiUrl: fake.url,
  matonUrl: fake.matonUrl,
  dataDir: mkdtempSync(path.join(tmpdir(), 'clockify-tray-demo-')),
  secrets: 'memory',
  rendererDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
});
const connected = await harness.core.connect({ kind: 'clockify', server: 'global' }, FAKE_API_KEY);
if (!connected.ok) throw new Error(connected.error.message);
console.log(`Clockify tray demo: ${harness.url}  (popover)  ${harness.url}/quick-entry  (quick entry)`);
console.log(`Fake Clockify with sample data: ${fake.url}. Stop with Ctrl+C.`);
const stop = () => void Promise.all([harness.close(), fake.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
