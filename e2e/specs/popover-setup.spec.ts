// First run: choosing how to connect, the key, Connect; a bad key, a key from another region and
// no network each say what was wrong in an alert and keep what was typed.
import { expect, test } from '../support/fixtures';
import { EU_API_KEY, startRegionHarness, type RegionHarness } from '../support/region-harness';
import { FAKE_API_KEY, FAKE_MATON_KEY } from '../fake-clockify/server';

test('connects with a Clockify API key and shows who is signed in', async ({ page, app }) => {
  await app.open(page);
  const connection = page.getByRole('combobox', { name: 'Connection' });
  await expect(connection).toHaveValue('global');
  await expect(connection.locator('option')).toHaveText(['Global (app.clockify.me)', 'EU', 'USA', 'UK', 'Australia', 'Custom URL', 'Maton gateway']);
  const key = page.getByRole('textbox', { name: 'API key' });
  await expect(key).toBeFocused();
  await expect(key).toHaveAttribute('type', 'password');
  await expect(page.getByRole('link', { name: /API keys/ })).toHaveAttribute('href', /^https:\/\/app\.clockify\.me\//);
  await key.fill(FAKE_API_KEY);
  await page.getByRole('button', { name: 'Connect' }).click();

  await expect(page.getByText('Signed in as Lena Fischer.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toHaveValue(/.+/);
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeVisible();
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByText('lena.fischer@example.com')).toBeVisible();
  // The key never comes back to the window.
  expect(await page.content()).not.toContain(FAKE_API_KEY);
});

test('Enter in the key field connects', async ({ page, app }) => {
  await app.open(page);
  await page.getByRole('textbox', { name: 'API key' }).fill(FAKE_API_KEY);
  await page.getByRole('textbox', { name: 'API key' }).press('Enter');
  await expect(page.getByRole('textbox', { name: 'Description' })).toBeVisible();
});

test.describe('with every region served locally', () => {
  let regions: RegionHarness;
  test.beforeEach(async ({ fake }) => {
    regions = await startRegionHarness(fake);
  });
  test.afterEach(async () => {
    await regions.close();
  });

  test('a bad key is refused with the reason, and what was typed stays', async ({ page }) => {
    await page.goto(regions.harness.url);
    await page.getByRole('textbox', { name: 'API key' }).fill('definitely-not-a-key');
    await page.getByRole('button', { name: 'Connect' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Clockify did not accept this key (401)');
    await expect(alert).toContainText('Api key does not exist');
    await expect(page.getByRole('textbox', { name: 'API key' })).toHaveValue('definitely-not-a-key');
    await expect(page.getByRole('textbox', { name: 'API key' })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'API key' })).toHaveAttribute('aria-invalid', 'true');
    expect(regions.harness.core.snapshot().account.status).toBe('signed-out');
  });

  test('a key from another region says which server it belongs to', async ({ page }) => {
    await page.goto(regions.harness.url);
    await page.getByRole('textbox', { name: 'API key' }).fill(EU_API_KEY);
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByRole('alert')).toContainText('This key belongs to the EU server, not Global');
    await expect(page.getByRole('textbox', { name: 'API key' })).toHaveValue(EU_API_KEY);

    await page.getByRole('combobox', { name: 'Connection' }).selectOption('EU');
    await page.getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText('Signed in as Lena Fischer.')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Workspace' })).toContainText('My Workspace');
  });
});

test('no network: says Clockify cannot be reached, and keeps the key', async ({ page, app, fake }) => {
  test.slow(); // The client retries a failed read before it gives up.
  await app.open(page);
  await page.getByRole('textbox', { name: 'API key' }).fill(FAKE_API_KEY);
  fake.addFault({ kind: 'refuse', forMs: 30_000 });
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('Cannot reach api.clockify.me: check your network connection', { timeout: 20_000 });
  await expect(page.getByRole('textbox', { name: 'API key' })).toHaveValue(FAKE_API_KEY);
  await expect(page.getByRole('button', { name: 'Connect' })).toBeEnabled();
});

test('a custom server URL that is wrong is explained at the URL field', async ({ page, app }) => {
  await app.open(page);
  await page.getByRole('combobox', { name: 'Connection' }).selectOption('Custom URL');
  await page.getByRole('textbox', { name: 'Server URL' }).fill('clockify.example.com');
  await page.getByRole('textbox', { name: 'API key' }).fill(FAKE_API_KEY);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('is not a URL');
  await expect(page.getByRole('textbox', { name: 'Server URL' })).toBeFocused();
});

test('connects to a custom server URL', async ({ page, app, fake }) => {
  await app.open(page);
  await page.getByRole('combobox', { name: 'Connection' }).selectOption('Custom URL');
  await page.getByRole('textbox', { name: 'Server URL' }).fill(`${fake.url}/`);
  await page.getByRole('textbox', { name: 'API key' }).fill(FAKE_API_KEY);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText('Signed in as Lena Fischer.')).toBeVisible();
});

test('connects through the Maton gateway with an optional connection', async ({ page, app, fake }) => {
  await app.open(page);
  await page.getByRole('combobox', { name: 'Connection' }).selectOption('Maton gateway');
  await expect(page.getByRole('textbox', { name: 'API key', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'maton.ai' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Maton API key' }).fill('wrong-maton-key');
  await page.getByRole('textbox', { name: 'Maton connection' }).fill(fake.state.matonConnections[0]!.id);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('The Maton gateway did not accept this key');
  await expect(page.getByRole('textbox', { name: 'Maton connection' })).toHaveValue(fake.state.matonConnections[0]!.id);

  await page.getByRole('textbox', { name: 'Maton API key' }).fill(FAKE_MATON_KEY);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText('Signed in as Lena Fischer.')).toBeVisible();
  expect(app.harness.core.snapshot().account).toMatchObject({ status: 'signed-in', connection: { kind: 'maton', connectionId: fake.state.matonConnections[0]!.id } });
});

test('signing out returns to setup', async ({ page, app }) => {
  await app.signIn();
  await app.open(page);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Sign out…' }).click();
  // Asked first (popover-account.spec.ts).
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
});
