// The state behind the Electron double: what the app asked Electron to do, in order, and the rules
// Electron enforces. Strict on purpose: an API the double does not model, or one used before `ready`
// that Electron forbids there, is recorded as a failure (and thrown), so a boot test fails by name.

export type Platform = 'linux' | 'darwin' | 'win32';

export interface WorldConfig {
  readonly platform: Platform;
  readonly userData: string;
  readonly isPackaged: boolean;
  /** False: another instance holds the single-instance lock. */
  readonly lockAvailable: boolean;
  /** What `powerMonitor.getSystemIdleTime()` answers (Electron answers 0 on Wayland, electron/electron#27912). */
  readonly idleSeconds: number;
  /** Accelerators another application holds: `globalShortcut.register` answers false. */
  readonly takenAccelerators: readonly string[];
}

export const world = {
  config: null as WorldConfig | null,
  ready: false,
  /** What happened, in order: for assertions on start-up order. */
  log: [] as string[],
  /** Misuse of Electron's API: unmodelled calls, calls before ready, rules broken. */
  failures: [] as string[],
  unhandled: [] as string[],
};

export function config(): WorldConfig {
  if (!world.config) throw new Error('Electron double: not configured (the boot child configures it before loading main).');
  return world.config;
}

export function record(event: string): void {
  world.log.push(event);
}

export function fail(message: string): never {
  world.failures.push(message);
  throw new Error(`Electron double: ${message}`);
}

/** Electron throws (or misbehaves) when these are used before the app is ready. */
export function requireReady(api: string): void {
  if (!world.ready) fail(`${api} used before app 'ready'`);
}

const PASS_THROUGH = new Set<PropertyKey>(['then', 'toJSON', 'constructor', Symbol.toPrimitive, Symbol.toStringTag, Symbol.iterator, 'inspect', 'nodeType', 'asymmetricMatch', '$$typeof']);

/** A proxy that fails by name on any property the double does not model. */
export function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property in object || PASS_THROUGH.has(property) || typeof property === 'symbol') return Reflect.get(object, property, receiver);
      return fail(`${name}.${String(property)} is not modelled`);
    },
  });
}
