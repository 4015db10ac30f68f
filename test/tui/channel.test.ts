// The UI's end of the private channel (issue 13 item 1): a Unix socket in a 0700 directory,
// removed at close; peers of another uid refused; malformed, unknown or over-long lines
// dropped with a note while the good lines around them still arrive.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../src/ptytest/wait.js';
import { ChannelServer, peerOf, refusal, type PeerCredentials } from '../../src/host/tui/channel.js';
import { fitJobs } from '../../src/host/tui/engine.js';
import { decodeMessage, encodeMessage, MAX_MESSAGE_BYTES, type EngineMessage } from '../../src/host/tui/protocol.js';

interface Heard {
  readonly messages: EngineMessage[];
  readonly notes: string[];
}

const servers: ChannelServer[] = [];
const clients: net.Socket[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) s.close();
});

function open(accept?: (p: PeerCredentials) => boolean): { server: ChannelServer; heard: Heard } {
  const heard: Heard = { messages: [], notes: [] };
  const server = new ChannelServer({ message: (m) => heard.messages.push(m), note: (n) => heard.notes.push(n), ...(accept ? { accept } : {}) });
  servers.push(server);
  return { server, heard };
}

function connect(path: string): net.Socket {
  const c = net.createConnection({ path });
  c.on('error', () => {});
  clients.push(c);
  return c;
}

const event = (text: string): string => `${JSON.stringify({ t: 'event', entry: { time: 1, kind: 'signal', text } })}\n`;

describe('the channel server', () => {
  it('passes on the messages of a peer of the same uid, line by line', async () => {
    const { server, heard } = open();
    const c = connect(server.path);
    // One message split across writes, two in one write.
    const hello = JSON.stringify({ t: 'hello', pid: process.pid, start: 5 });
    c.write(hello.slice(0, 7));
    c.write(`${hello.slice(7)}\n${JSON.stringify({ t: 'jobs', jobs: [{ id: 1, mark: '+', state: 'Stopped (tty input)', pgid: 42, command: 'cat', foreground: false }] })}\n`);
    c.write(event('SIGCHLD → jcsh'));
    await waitUntil(() => heard.messages.length === 3, { description: 'three messages' });
    expect(heard.messages).toEqual([
      { t: 'hello', pid: process.pid, start: 5 },
      { t: 'jobs', jobs: [{ id: 1, mark: '+', state: 'Stopped (tty input)', pgid: 42, command: 'cat', foreground: false }] },
      { t: 'event', entry: { time: 1, kind: 'signal', text: 'SIGCHLD → jcsh' } },
    ]);
    expect(heard.notes).toEqual([]);
  });

  it('drops malformed JSON, unknown shapes and an over-long line with a note, and goes on', async () => {
    const { server, heard } = open();
    const c = connect(server.path);
    c.write('{not json\n');
    c.write(`${JSON.stringify({ t: 'launch', missiles: true })}\n`);
    c.write(`${JSON.stringify({ t: 'jobs', jobs: [{ id: 'one' }] })}\n`);
    c.write(`${JSON.stringify({ t: 'event', entry: { time: 1, kind: 'bogus', text: 'x' } })}\n`);
    c.write('[1,2]\n');
    // Longer than the limit, in pieces, with no newline until the very end.
    const long = 'x'.repeat(MAX_MESSAGE_BYTES);
    c.write(`{"t":"event","entry":{"time":1,"kind":"note","text":"${long}`);
    c.write(`${long}"}}\n`);
    c.write(event('after the garbage'));
    await waitUntil(() => heard.messages.length === 1, { description: 'the good message after the bad ones' });
    expect(heard.messages).toEqual([{ t: 'event', entry: { time: 1, kind: 'signal', text: 'after the garbage' } }]);
    expect(heard.notes).toEqual([
      'dropped not JSON from the engine',
      'dropped an unknown message type from the engine',
      'dropped a malformed job row from the engine',
      'dropped a malformed event from the engine',
      'dropped not a message object from the engine',
      `dropped a message longer than ${MAX_MESSAGE_BYTES} bytes`,
    ]);
  });

  it('keeps only the fields it knows of a message', async () => {
    const { server, heard } = open();
    connect(server.path).write(`${JSON.stringify({ t: 'hello', pid: 7, start: 1, extra: { big: 'x' } })}\n`);
    await waitUntil(() => heard.messages.length === 1, { description: 'the hello' });
    expect(heard.messages[0]).toStrictEqual({ t: 'hello', pid: 7, start: 1 });
  });

  it('lives in a fresh 0700 directory that close() removes', () => {
    const { server } = open();
    const dir = server.path.slice(0, server.path.lastIndexOf('/'));
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(server.path).isSocket()).toBe(true);
    server.close();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('takes one engine at a time', async () => {
    const { server, heard } = open();
    const first = connect(server.path);
    first.write(event('first'));
    await waitUntil(() => heard.messages.length === 1, { description: 'the first peer heard' });
    const second = connect(server.path);
    second.write(event('second'));
    await waitUntil(() => heard.notes.length === 1, { description: 'the second refused' });
    expect(heard.notes).toEqual(['refused a second peer: one engine at a time']);
    first.write(event('first again'));
    await waitUntil(() => heard.messages.length === 2, { description: 'the first still heard' });
    expect(heard.messages.map((m) => m.t === 'event' && m.entry.text)).toEqual(['first', 'first again']);
  });

  it('refuses a peer its own check rejects (the UI accepts only the engine pid)', async () => {
    const { server, heard } = open(() => false);
    connect(server.path).write(event('from a stranger'));
    await waitUntil(() => heard.notes.length === 1, { description: 'the refusal' });
    expect(heard.notes[0]).toBe(`refused pid ${process.pid}: not the engine`);
    expect(heard.messages).toEqual([]);
  });
});

describe('the engine\'s job table message', () => {
  it('is cut to fit one message the UI accepts: commands clipped, rows beyond the limit left out', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      id: i + 1, mark: ' ' as const, state: 'Running', pgid: 1000 + i, command: `sleep ${i} ${'x'.repeat(i === 0 ? 50_000 : 10)}`, foreground: false,
    }));
    const { rows: fitted, left } = fitJobs(rows);
    expect(fitted[0]!.command.length).toBe(1000);
    expect(fitted.length + left).toBe(2000);
    expect(left).toBeGreaterThan(0);
    const line = encodeMessage({ t: 'jobs', jobs: fitted });
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(decodeMessage(line.trim())).toEqual({ t: 'jobs', jobs: fitted });
  });

  it('is sent whole when it fits', () => {
    const rows = [{ id: 1, mark: '+' as const, state: 'Stopped', pgid: 9, command: 'vim', foreground: false }];
    expect(fitJobs(rows)).toEqual({ rows, left: 0 });
  });
});

describe('peer credentials', () => {
  it('come from the kernel (SO_PEERCRED): pid and uid of the connecting process', async () => {
    const { server } = open();
    const seen = new Promise<PeerCredentials | null>((resolve) => {
      const probe = net.createServer((s) => {
        resolve(peerOf(s));
        s.destroy();
        probe.close();
      });
      probe.listen(`${server.path}.probe`, () => connect(`${server.path}.probe`));
    });
    expect(await seen).toEqual({ pid: process.pid, uid: process.getuid!(), gid: process.getgid!() });
  });

  it('of another uid are refused', () => {
    expect(refusal({ pid: 10, uid: 65534, gid: 65534 }, 0)).toBe('refused a peer of uid 65534 (pid 10)');
    expect(refusal(null, 0)).toBe('refused a peer whose credentials cannot be read');
    expect(refusal({ pid: 10, uid: 0, gid: 0 }, 0)).toBeNull();
  });

  // Needs root to start a client as another user. The socket's 0700 directory alone would stop
  // that user before any uid check, so the directory is opened up for this test.
  it.skipIf(process.getuid?.() !== 0)('a real client of uid 65534 is refused with a note', async () => {
    const { server, heard } = open();
    const dir = server.path.slice(0, server.path.lastIndexOf('/'));
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(server.path, 0o777);
    const script = `const c=require('net').createConnection(process.argv[1]);c.on('error',()=>process.exit(0));c.on('close',()=>process.exit(0));c.write(${JSON.stringify(event('from nobody'))});`;
    const child = spawn(process.execPath, ['-e', script, server.path], { uid: 65534, gid: 65534, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    try {
      await waitUntil(() => heard.notes.length + heard.messages.length > 0, { description: 'the peer heard or refused' });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await exited;
    expect(heard.notes[0]).toMatch(/^refused a peer of uid 65534 \(pid \d+\)$/);
    expect(heard.messages).toEqual([]);
  });
});
