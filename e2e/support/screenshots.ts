// Where the README screenshots go: docs/screenshots/ with UPDATE_SCREENSHOTS=1, else the test's
// output folder, so a test run never changes tracked files.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test } from './fixtures';

export const screenshotPath = (name: string, scheme: string) =>
  process.env.UPDATE_SCREENSHOTS ? path.resolve(import.meta.dirname, '../../docs/screenshots', `${name}-${scheme}.png`) : test.info().outputPath(`${name}-${scheme}.png`);

/** Toasts and hover states out of the way; fonts and layout done. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(100);
}
