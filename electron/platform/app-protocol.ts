// app://clockify-tray/: the privileged scheme the windows load from, served from dist/renderer by the
// one request→response function the web harness uses too (protocol/app-files.ts). Electron's
// security checklist, item 18: custom protocols instead of file:// (electron/electron#40372).
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../shared/app-identity';
import { serveAppFile } from '../protocol/app-files';

/** Before `ready`: Electron accepts privileged schemes only then. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After `ready`: every app:// request answered from `rendererDir`. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request, { root: rendererDir, host: APP_HOST }));
}
