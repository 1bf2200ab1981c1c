// The app's pages as files: request → response for the built renderer (dist/renderer). One function
// serves both the windows (through Electron's protocol.handle for app://, platform/app-protocol.ts)
// and the web harness's browser tests, so those tests exercise the code path the app uses.
// Imports no electron: unit-tested in plain Node.
//
// Only GET/HEAD of a regular file inside the root are served. Refused with 404: `..` segments
// (also percent-encoded, `%2e%2e`, and encoded slashes or backslashes), absolute paths, NUL bytes,
// directories, and symlinks that lead out of the root (the real path must stay inside it).
import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/app-identity';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Headers on every answer, pages and refusals alike (the CSP header as well as the pages' meta tag). */
export const APP_FILE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

export interface AppFileOptions {
  /** The folder served (dist/renderer). */
  readonly root: string;
  /** When set, the URL's host must be this one (app://clockify-tray/…); anything else is 404. */
  readonly host?: string;
}

export async function serveAppFile(request: Request, options: AppFileOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(404, 'Not found');
  }
  if (options.host !== undefined && url.host !== options.host) return refuse(404, 'Not found');
  const file = await resolveInside(options.root, url.pathname);
  if (!file) return refuse(404, 'Not found');
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!type) return refuse(404, 'Not found');
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, { status: 200, headers: { ...APP_FILE_HEADERS, 'Content-Type': type } });
}

/** The real path of the regular file `pathname` names inside `root`, or null for anything else. */
export async function resolveInside(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  if (segments.length === 0) return null;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(path.join(realRoot, ...segments));
    if (!real.startsWith(realRoot + path.sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null; // missing
  }
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...APP_FILE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
