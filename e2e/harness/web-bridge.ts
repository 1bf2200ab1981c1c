// window.clockify for the web harness: the same bridge the preload exposes, over HTTP (invoke) and
// server-sent events (pushes) to the harness on the same origin. Never part of the packaged app.
import { bridgeMethods, bridgeSubscriptions, type ClockifyBridge } from '../../shared/ipc/bridge';

const api: Record<string, unknown> = {};
for (const [method, channel] of Object.entries(bridgeMethods)) {
  api[method] = async (request?: unknown) => {
    const response = await fetch(`/__bridge/invoke/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request ?? {}),
    });
    const answer = (await response.json()) as { ok: true; value: unknown } | { ok: false; message: string };
    if (!answer.ok) throw new Error(answer.message);
    return answer.value;
  };
}

const events = new EventSource('/__bridge/events');
for (const [method, channel] of Object.entries(bridgeSubscriptions)) {
  api[method] = (listener: (payload: unknown) => void) => {
    const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data));
    events.addEventListener(channel, handler);
    return () => events.removeEventListener(channel, handler);
  };
}

(window as unknown as { clockify: ClockifyBridge }).clockify = api as ClockifyBridge;
