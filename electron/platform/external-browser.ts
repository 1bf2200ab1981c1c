// The system browser, for the few https pages the app may open: its own links and the sign-in page
// of a Maton connection. Anything else is refused here, whatever asked for it.
import { shell } from 'electron';
import { mayOpenInBrowser } from '../../shared/app-identity';

export async function openInBrowser(url: string): Promise<void> {
  if (!mayOpenInBrowser(url)) throw new Error('the app opens only https pages of Clockify and Maton');
  await shell.openExternal(url);
}
