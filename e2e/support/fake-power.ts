// Power events and idle time a test can play: suspend, resume, lock, idle seconds.
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
