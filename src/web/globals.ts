// The two Node globals that the shell core and the simulated kernel use, for the browser page.
// setImmediate: the kernel runs a turn per macrotask and the core lets the event loop turn
// between builtins; a MessageChannel message is a macrotask that, unlike setTimeout(0), is
// not clamped to 4 ms after a few nested calls. Buffer: only Buffer.concat (and its
// toString('utf8')) is used, for bytes assembled from parts.
// Imported first by the page's entry, before any module that calls them.

type Immediate = (callback: () => void) => void;

function messageChannelImmediate(): Immediate {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (callback) => {
    queue.push(callback);
    channel.port2.postMessage(null);
  };
}

class Bytes extends Uint8Array {
  override toString(encoding?: string): string {
    return encoding === undefined || /^utf-?8$/i.test(encoding) ? new TextDecoder().decode(this) : super.toString();
  }
}

function concat(parts: readonly Uint8Array[]): Bytes {
  const out = new Bytes(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const scope = globalThis as Record<string, unknown>;
scope['setImmediate'] ??= messageChannelImmediate();
scope['Buffer'] ??= { concat };
