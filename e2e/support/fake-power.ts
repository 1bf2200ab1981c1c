// Power events and idle time a test can play: suspend, resume, lock, idle seconds.
import type { Clock } from '../../electron/core/clock';
import type { PowerEventKind, PowerSource } from '../../electron/core/idle-policy';

export class FakePowerSource implements PowerSource {
  idleSeconds = 0;
  private readonly listeners = new Set<(kind: PowerEventKind) => void>();

  onPowerEvent(listener: (kind: PowerEventKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  systemIdleSeconds(): number {
    return this.idleSeconds;
  }

  emit(kind: PowerEventKind): void {
    for (const listener of this.listeners) listener(kind);
  }
}

/** A power source whose idle time is "since the last input", as the system's is: `touch()` is input. */
export class FakeDesk extends FakePowerSource {
  lastInput: number;
  constructor(private readonly clock: Clock) {
    super();
    this.lastInput = clock.now();
  }
  override systemIdleSeconds(): number {
    return Math.max(0, (this.clock.now() - this.lastInput) / 1000);
  }
  touch(): void {
    this.lastInput = this.clock.now();
  }
}
