// Points the servers a user can choose at other base URLs (a fake Clockify in tests and the demo):
// what is saved in the settings stays as the user chose it.
import { matonConnectionsUrl, type ClockifyServer, type ConnectionConfig } from '../../shared/connection';
import type { MatonPlace } from './maton-setup';

export interface ServerOverrides {
  /** Instead of the Global server. */
  readonly apiUrl?: string;
  readonly matonUrl?: string;
  readonly regionUrls?: Partial<Record<Exclude<ClockifyServer, 'custom' | 'global'>, string>>;
}

/** Maton's gateway moved, unless the user chose one. */
function movedMaton<T extends MatonPlace>(place: T, matonUrl: string | undefined): T {
  return matonUrl && !place.gatewayUrl ? { ...place, gatewayUrl: matonUrl } : place;
}

export function withServerOverrides(connection: ConnectionConfig, overrides: ServerOverrides): ConnectionConfig {
  if (connection.kind === 'maton') return movedMaton(connection, overrides.matonUrl);
  if (connection.server === 'custom') return connection;
  const url = connection.server === 'global' ? overrides.apiUrl : overrides.regionUrls?.[connection.server];
  return url ? { kind: 'clockify', server: 'custom', baseUrl: url } : connection;
}

/** Where Maton's connections API is for this place: an overridden gateway moves its origin too. */
export function matonConnectionsWithOverrides(place: MatonPlace, overrides: ServerOverrides): string {
  return matonConnectionsUrl(movedMaton(place, overrides.matonUrl));
}
