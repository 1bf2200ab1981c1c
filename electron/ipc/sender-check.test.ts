import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-check';

const trusted = new Set([3, 4]);

describe('isTrustedSender', () => {
  it('accepts our windows showing our pages', () => {
    expect(isTrustedSender({ webContentsId: 3, frameUrl: 'file:///opt/app/resources/app.asar/dist/renderer/index.html' }, trusted, 'file:///opt/app/resources/app.asar/dist/renderer/')).toBe(true);
    expect(isTrustedSender({ webContentsId: 4, frameUrl: 'http://127.0.0.1:5173/quick-entry' }, trusted, 'http://127.0.0.1:5173/')).toBe(true);
  });
  it.each([
    ['an unknown webContents', { webContentsId: 9, frameUrl: 'file:///opt/app/dist/renderer/index.html' }],
    ['a page from elsewhere in our window', { webContentsId: 3, frameUrl: 'https://evil.example/' }],
    ['another file on disk', { webContentsId: 3, frameUrl: 'file:///tmp/evil.html' }],
    ['an unknown frame URL', { webContentsId: 3, frameUrl: null }],
    ['a garbled URL', { webContentsId: 3, frameUrl: 'not a url' }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, trusted, 'file:///opt/app/dist/renderer/')).toBe(false);
  });
});
