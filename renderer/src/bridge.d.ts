import type { ClockifyBridge } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    readonly clockify: ClockifyBridge;
  }
}
