import { assertNever } from './assert-never';

// How the app reaches Clockify. The secret (API key or Maton key) is never part of this: it lives in
// the OS keychain and in main's memory only.

export const CLOCKIFY_SERVERS = {
  global: { label: 'Global', baseUrl: 'https://api.clockify.me/api/v1' },
  eu: { label: 'EU', baseUrl: 'https://euc1.clockify.me/api/v1' },
  us: { label: 'USA', baseUrl: 'https://use2.clockify.me/api/v1' },
  uk: { label: 'UK', baseUrl: 'https://euw2.clockify.me/api/v1' },
  au: { label: 'Australia', baseUrl: 'https://apse2.clockify.me/api/v1' },
} as const;

export type ClockifyServer = keyof typeof CLOCKIFY_SERVERS | 'custom';

export const MATON_GATEWAY_URL = 'https://api.maton.ai/clockify/api/v1';

export type ConnectionConfig =
  | Readonly<{ kind: 'clockify'; server: Exclude<ClockifyServer, 'custom'> }>
  | Readonly<{ kind: 'clockify'; server: 'custom'; baseUrl: string }>
  /**
   * `connectionId` picks one of the person's Clockify connections (sent as Maton-Connection on
   * every gateway request); `connectionsUrl` is where Maton's connections API lives (default: the
   * gateway's origin, as seed 001 shows; seed 000 names https://ctrl.maton.ai).
   */
  | Readonly<{ kind: 'maton'; connectionId?: string; gatewayUrl?: string; connectionsUrl?: string }>;

/** The base URL (ending in /api/v1, no trailing slash) a connection talks to. */
export function connectionBaseUrl(config: ConnectionConfig): string {
  switch (config.kind) {
    case 'clockify':
      return config.server === 'custom' ? normalizeBaseUrl(config.baseUrl) : CLOCKIFY_SERVERS[config.server].baseUrl;
    case 'maton':
      return normalizeBaseUrl(config.gatewayUrl ?? MATON_GATEWAY_URL);
    default:
      return assertNever(config);
  }
}

/** Where Maton's connections API lives: the override, else the gateway's origin (https://api.maton.ai). */
export function matonConnectionsUrl(config: Readonly<{ gatewayUrl?: string; connectionsUrl?: string }>): string {
  if (config.connectionsUrl) return normalizeBaseUrl(config.connectionsUrl);
  return new URL(normalizeBaseUrl(config.gatewayUrl ?? MATON_GATEWAY_URL)).origin;
}

/** Trims whitespace and trailing slashes; throws with a plain message when the URL is unusable. */
export function normalizeBaseUrl(raw: string): string {
  const text = raw.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${raw}" is not a URL. Enter the API base URL, for example https://clockify.example.com/api/v1.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`"${raw}" must start with https://.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`"${raw}" must not contain credentials, a query or a fragment.`);
  }
  return text;
}

/** The keychain account a connection's secret is stored under: one per connection. */
export function connectionAccount(config: ConnectionConfig): string {
  return config.kind === 'maton'
    ? `maton:${normalizeBaseUrl(config.gatewayUrl ?? MATON_GATEWAY_URL)}#${config.connectionId ?? 'default'}`
    : `clockify:${connectionBaseUrl(config)}`;
}
