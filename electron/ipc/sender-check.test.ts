import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-check';

const trusted = new Set([3, 4]);

describe('isTrustedSender', () => {
  it.each([
    ['the popover', { webContentsId: 3, frameUrl: 'app://clockify-tray/index.html' }],
    ['the popover opened on a view', { webContentsId: 3, frameUrl: 'app://clockify-tray/index.html?view=settings' }],
    ['the quick-entry window', { webContentsId: 4, frameUrl: 'app://clockify-tray/quick-entry.html' }],
  ])('accepts %s', (_label, sender) => {
    expect(isTrustedSender(sender, trusted)).toBe(true);
  });
  it.each([
    ['an unknown webContents', { webContentsId: 9, frameUrl: 'app://clockify-tray/index.html' }],
    ['a page from elsewhere in our window', { webContentsId: 3, frameUrl: 'https://evil.example/' }],
    ['another host on our scheme', { webContentsId: 3, frameUrl: 'app://evil/index.html' }],
    ['a host that only starts like ours', { webContentsId: 3, frameUrl: 'app://clockify-tray.evil/index.html' }],
    ['credentials in the URL', { webContentsId: 3, frameUrl: 'app://x@clockify-tray/index.html' }],
    ['a file on disk', { webContentsId: 3, frameUrl: 'file:///opt/app/resources/app.asar/dist/renderer/index.html' }],
    ['a local web server', { webContentsId: 3, frameUrl: 'http://127.0.0.1:5173/index.html' }],
    ['another port on 127.0.0.1', { webContentsId: 3, frameUrl: 'http://127.0.0.1:5174/' }],
    ['an unknown frame URL', { webContentsId: 3, frameUrl: null }],
    ['a garbled URL', { webContentsId: 3, frameUrl: 'not a url' }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, trusted)).toBe(false);
  });
});

