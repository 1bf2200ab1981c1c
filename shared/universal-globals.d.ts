// shared/ compiles without the DOM and Node libraries so it cannot reach for either by accident.
// URL is the one standard API it uses; it exists in every runtime the app has (main, preload, renderer).
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly search: string;
  readonly hash: string;
  readonly host: string;
  readonly hostname: string;
  readonly origin: string;
  readonly searchParams: { get(name: string): string | null };
  readonly pathname: string;
  readonly href: string;
  toString(): string;
}
