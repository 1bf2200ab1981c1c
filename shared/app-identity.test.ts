import { describe, expect, it } from 'vitest';
import { isMatonConnectUrl, mayOpenInBrowser } from './app-identity';

describe('what the app hands to the browser', () => {
  it('opens a Maton connection\'s sign-in page: https on connect.maton.ai only', () => {
    expect(isMatonConnectUrl('https://connect.maton.ai/?session_token=abc')).toBe(true);
    for (const url of [
      'http://connect.maton.ai/?session_token=abc',
      'https://connect.maton.ai.evil.example/?session_token=abc',
      'https://evil.example/connect.maton.ai',
      'https://user:pw@connect.maton.ai/',
      'https://connect.maton.ai:8443/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isMatonConnectUrl(url), url).toBe(false);
    }
  });

  it('opens its own links and Maton sign-in pages, nothing else', () => {
    expect(mayOpenInBrowser('https://maton.ai')).toBe(true);
    expect(mayOpenInBrowser('https://connect.maton.ai/?session_token=x')).toBe(true);
    expect(mayOpenInBrowser('https://api.maton.ai/connections')).toBe(false);
    expect(mayOpenInBrowser('file:///etc/passwd')).toBe(false);
  });
});
