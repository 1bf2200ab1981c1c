// The test's side of the boot test: starts the built main process in a child Node process with
// `electron` resolved to the double (boot-child.ts), and drives it like a user would.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BootConfig, DoubleState, DriverCommand } from './boot-child';
import type { Platform } from './world';

const root = path.resolve(import.meta.dirname, '../..');
/** The bundle booted. ELECTRON_DOUBLE_MAIN points at another build (to see these tests fail on an older one). */
export const BUILT_MAIN = process.env.ELECTRON_DOUBLE_MAIN || path.join(root, 'dist/electron/main.js');

export interface BootOptions {
  readonly platform: Platform;
  readonly userData: string;
  readonly isPackaged?: boolean;
  readonly lockAvailable?: boolean;
  readonly idleSeconds?: number;
  readonly takenAccelerators?: readonly string[];
  /** Extra environment for main (CLOCKIFY_TRAY_API_URL, XDG_SESSION_TYPE …). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface BootedApp {
  call<T = unknown>(command: DriverCommand): Promise<T>;
  state(): Promise<DoubleState>;
  /** Polls the state until `check` passes (its last error is thrown after `timeoutMs`). */
  until(check: (state: DoubleState) => void, timeoutMs?: number): Promise<DoubleState>;
  /** Resolves when the process exited through app.exit (with the state at that moment). */
  readonly exited: Promise<{ code: number; state: DoubleState }>;
  kill(): void;
}

export async function bootApp(options: BootOptions): Promise<BootedApp> {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: build first (node scripts/build-electron.mjs)`);
  const config: BootConfig = {
    main: BUILT_MAIN,
    platform: options.platform,
    userData: options.userData,
    isPackaged: options.isPackaged ?? true,
    lockAvailable: options.lockAvailable ?? true,
    idleSeconds: options.idleSeconds ?? 0,
    takenAccelerators: options.takenAccelerators ?? [],
  };
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_DOUBLE_CONFIG: JSON.stringify(config), ...options.env };
  // The test's own environment must not steer the app (a developer's real key, their session type).
  for (const name of ['CLOCKIFY_API_KEY', 'MATON_API_KEY', 'CLOCKIFY_TZ_OFFSET', 'NODE_OPTIONS', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID']) if (!options.env?.[name]) delete env[name];
  if (!options.env?.XDG_SESSION_TYPE) delete env.XDG_SESSION_TYPE;
  if (!options.env?.WAYLAND_DISPLAY) delete env.WAYLAND_DISPLAY;
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'boot-child.ts'), [], {
    cwd: root,
    env,
    execArgv: ['--import', 'tsx', '--import', path.join(import.meta.dirname, 'register.mjs'), '--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let resolveExit!: (value: { code: number; state: DoubleState }) => void;
  const exited = new Promise<{ code: number; state: DoubleState }>((resolve) => (resolveExit = resolve));
  let resolveBooted!: () => void;
  const booted = new Promise<void>((resolve) => (resolveBooted = resolve));
  child.on('message', (message: { type: string; id?: number; ok?: boolean; value?: unknown; error?: string; code?: number; state?: DoubleState }) => {
    if (message.type === 'booted') resolveBooted();
    if (message.type === 'exit') resolveExit({ code: message.code!, state: message.state! });
    if (message.type === 'reply') {
      const waiter = pending.get(message.id!);
      pending.delete(message.id!);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.error));
    }
  });
  child.on('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the app process ended (${code ?? signal}); its output:\n${output}`));
    pending.clear();
    resolveBooted();
  });

  const call = <T,>(command: DriverCommand) =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) return reject(new Error(`the app process is gone; its output:\n${output}`));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, command });
    });
  const state = () => call<DoubleState>({ kind: 'state' });
  await booted;
  return {
    call,
    state,
    exited,
    async until(check, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await state();
        try {
          check(current);
          return current;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
