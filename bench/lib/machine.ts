// The machine a run came from, for results.json and the README.
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly os: string;
  readonly node: string;
  readonly chromium: string;
  readonly date: string;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()} ${os.arch()})`;
  } catch {
    // not Linux, or no os-release: the kernel is enough
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

export function describeMachine(chromium: string): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GB`,
    os: osName(),
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
}

export function machineLine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}, ${machine.date.slice(0, 10)}`;
}
