// The engine's end of the channel never holds the shell up (issue 13 item 1): a UI that stops
// reading costs a bounded queue and then dropped messages, counted in a note once it reads
// again; a UI that is not there is forgotten, and the shell works as without one.

import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelWriter, MAX_QUEUE_BYTES } from '../../src/host/tui/engine.js';
import { decodeMessage, type EngineMessage } from '../../src/host/tui/protocol.js';
import { waitUntil } from '../../src/ptytest/wait.js';
import { run, startJcsh } from '../e2e/harness.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function socketPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-test-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'channel');
}

const note = (i: number, pad: string): EngineMessage => ({ t: 'event', entry: { time: i, kind: 'spawn', text: `${i} ${pad}` } });

describe('the engine\'s channel writer', () => {
  it('drops what a UI that does not read would pile up, and says how much once it reads', async () => {
    const where = socketPath();
    let peer: net.Socket | null = null;
    const server = net.createServer((s) => {
      s.pause();
      peer = s;
    }).listen(where);
    cleanup.push(() => server.close());
    const writer = new ChannelWriter(where, () => 0);
    await waitUntil(() => peer, { description: 'the writer connected' });
    // Far more than the kernel's socket buffer plus the writer's queue, in one burst.
    const pad = 'x'.repeat(1000);
    const total = Math.ceil((4 * MAX_QUEUE_BYTES) / 1000);
    for (let i = 0; i < total; i++) writer.send(note(i, pad));
    const lines: string[] = [];
    let rest = '';
    peer!.setEncoding('utf8').on('data', (d: string) => {
      const parts = (rest + d).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
    });
    peer!.resume();
    // Once the queue has drained, the next message carries the count of those dropped.
    await waitUntil(() => writer.pending() === 0, { description: 'the queue drained' });
    writer.send(note(-1, 'last'));
    await waitUntil(() => lines.some((l) => l.includes('"-1 last"')), { description: 'the last message' });
    const messages = lines.map((l) => decodeMessage(l));
    const texts = messages.map((m) => ('t' in m && m.t === 'event' ? m.entry.text : '?'));
    const n = Number(/: (\d+) messages dropped$/.exec(texts[texts.length - 2]!)?.[1]);
    const heard = texts.length - 2;
    expect(n).toBeGreaterThan(0);
    expect(heard + n).toBe(total);
    // What was heard is the burst's beginning, in order.
    expect(texts.slice(0, heard)).toEqual(Array.from({ length: heard }, (_, i) => `${i} ${pad}`));
  });

  it('forgets a UI that is not there, and sending stays harmless', async () => {
    const writer = new ChannelWriter(path.join(socketPath(), 'nobody'), () => 0);
    writer.send(note(1, 'a'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => writer.send(note(2, 'b'))).not.toThrow();
  });
});

describe('an engine started with a channel nobody listens on', () => {
  it('works as without one, and keeps the variable from its jobs', async () => {
    const s = await startJcsh({ env: { JCSH_UI_CHANNEL: path.join(socketPath(), 'nobody') } });
    expect(await run(s, 'sleep 0; echo ok')).toContain('ok');
    expect(await run(s, 'env | grep -c JCSH_UI')).toContain('0');
  });
});
