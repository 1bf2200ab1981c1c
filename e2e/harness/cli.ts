// npm run web -- --port <p> --api-url <url> --data-dir <dir> [--secrets memory] [--maton-url <url>]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './harness';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5174' },
    'api-url': { type: 'string' },
    'maton-url': { type: 'string' },
    'data-dir': { type: 'string', default: '.data/web' },
    secrets: { type: 'string', default: 'keychain' },
    'renderer-dir': { type: 'string', default: 'dist/renderer' },
    // Tests only: a request timeout and the grace before a lost write is looked for, in ms.
    'timeout-ms': { type: 'string' },
    'grace-ms': { type: 'string' },
  },
});

if (values.secrets !== 'memory' && values.secrets !== 'keychain') {
  console.error('--secrets must be "memory" or "keychain"');
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true });
const harness = await startHarness({
  port: Number(values.port),
  apiUrl: values['api-url'],
  matonUrl: values['maton-url'],
  dataDir,
  secrets: values.secrets,
  rendererDir: path.resolve(values['renderer-dir']),
  timeoutMs: values['timeout-ms'] ? Number(values['timeout-ms']) : undefined,
  uncertainGraceMs: values['grace-ms'] ? Number(values['grace-ms']) : undefined,
  // The harness never opens a browser: it says which page the app asked for (a Maton sign-in page).
  onOpenInBrowser: (url) => console.log(`The app asked to open ${url} in the browser (not opened by the harness).`),
});
console.log(`Clockify tray web harness: ${harness.url} (data in ${dataDir})`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
