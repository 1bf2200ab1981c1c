import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/app-identity';
import { serveAppFile } from './app-files';

let scratch: string;
let root: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'app-files-'));
  root = path.join(scratch, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>popover</title>');
  writeFileSync(path.join(root, 'assets', 'main-1a2b.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'main-1a2b.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'icon.png'), Buffer.from([0x89, 0x50]));
  writeFileSync(path.join(root, 'assets', 'notes.txt'), 'no type for this');
  writeFileSync(path.join(scratch, 'secret.json'), '{"key":"outside"}');
  symlinkSync(path.join(scratch, 'secret.json'), path.join(root, 'assets', 'escape.json'));
  symlinkSync(scratch, path.join(root, 'up'));
  symlinkSync(path.join(root, 'index.html'), path.join(root, 'alias.html'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppFile(new Request(url, { method }), { root, host: 'clockify-tray' });

describe('serveAppFile', () => {
  it.each([
    ['app://clockify-tray/index.html', 'text/html; charset=utf-8', '<!doctype html><title>popover</title>'],
    ['app://clockify-tray/assets/main-1a2b.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://clockify-tray/assets/main-1a2b.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://clockify-tray/index.html?view=settings#x', 'text/html; charset=utf-8', '<!doctype html><title>popover</title>'],
    ['app://clockify-tray/alias.html', 'text/html; charset=utf-8', '<!doctype html><title>popover</title>'],
  ])('serves %s with its type and the CSP header', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it('serves binary files byte for byte', async () => {
    const response = await get('app://clockify-tray/assets/icon.png');
    expect(response.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x89, 0x50]);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://clockify-tray/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['a parent segment', 'app://clockify-tray/../secret.json'],
    ['a parent segment inside the path', 'app://clockify-tray/assets/../../secret.json'],
    ['an encoded parent segment', 'app://clockify-tray/%2e%2e/secret.json'],
    ['a mixed-case encoded parent', 'app://clockify-tray/assets/%2E%2e/%2e%2E/secret.json'],
    ['an encoded slash', 'app://clockify-tray/assets%2f..%2f..%2fsecret.json'],
    ['an encoded backslash', 'app://clockify-tray/assets%5c..%5c..%5csecret.json'],
    ['an absolute path smuggled in', `app://clockify-tray/${encodeURIComponent(path.join(tmpdir(), 'x'))}`],
    ['a NUL byte', 'app://clockify-tray/index.html%00.png'],
    ['malformed encoding', 'app://clockify-tray/%E0%A4%A'],
    ['a symlink out of the root', 'app://clockify-tray/assets/escape.json'],
    ['a symlinked folder out of the root', 'app://clockify-tray/up/secret.json'],
    ['a folder', 'app://clockify-tray/assets'],
    ['the root', 'app://clockify-tray/'],
    ['a missing file', 'app://clockify-tray/nope.js'],
    ['a file type the pages never load', 'app://clockify-tray/assets/notes.txt'],
    ['another host', 'app://elsewhere/index.html'],
  ])('refuses %s with 404', async (_label, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('outside');
  });

  it('refuses writes', async () => {
    expect((await get('app://clockify-tray/index.html', 'POST')).status).toBe(405);
  });

  it('serves any host when none is required (the web harness on 127.0.0.1)', async () => {
    const response = await serveAppFile(new Request('http://127.0.0.1:5174/assets/main-1a2b.js'), { root });
    expect(response.status).toBe(200);
  });
});
