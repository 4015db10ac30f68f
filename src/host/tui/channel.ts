// The UI's end of the private channel: a Unix socket in a fresh directory only this user can
// enter, removed at close. A peer must be of this user (the kernel's SO_PEERCRED, whatever the
// file permissions allowed) and pass the owner's own check (the engine's pid); one engine at a
// time. Every line is checked before it is believed: too long, not JSON, or of no known shape,
// it is dropped with a note, and the lines after it still count.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadNative, type NativeAddon } from '../../os/linux/native.js';
import { decodeMessage, MAX_MESSAGE_BYTES, type EngineMessage } from './protocol.js';

/** Who connected, as the kernel recorded it at connect. */
export interface PeerCredentials {
  readonly pid: number;
  readonly uid: number;
  readonly gid: number;
}

export interface ChannelHandlers {
  /** A message that passed every check, from the engine of the moment. */
  message(m: EngineMessage): void;
  /** Something dropped or refused, in one sentence for the Timeline. */
  note(text: string): void;
  /** A peer that passed the uid check; false refuses it (default: any). */
  accept?(peer: PeerCredentials): boolean;
}

type WithPeerCredentials = NativeAddon & { peerCredentials(fd: number): PeerCredentials };

/** SO_PEERCRED of a connected Unix socket, or null when it cannot be read. */
export function peerOf(socket: net.Socket): PeerCredentials | null {
  // Node keeps the fd in its handle and has no public way to ask who is at the other end.
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (typeof fd !== 'number' || fd < 0) return null;
  try {
    return (loadNative() as WithPeerCredentials).peerCredentials(fd);
  } catch {
    return null;
  }
}

/** Why a peer is refused, or null to accept it. */
export function refusal(peer: PeerCredentials | null, uid: number, accept?: (p: PeerCredentials) => boolean): string | null {
  if (peer === null) return 'refused a peer whose credentials cannot be read';
  if (peer.uid !== uid) return `refused a peer of uid ${peer.uid} (pid ${peer.pid})`;
  if (accept && !accept(peer)) return `refused pid ${peer.pid}: not the engine`;
  return null;
}

/** Splits a byte stream into lines, dropping any longer than MAX_MESSAGE_BYTES. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  /** Inside an over-long line: skip up to its end. */
  private skipping = false;

  constructor(private readonly line: (text: string) => void, private readonly tooLong: () => void) {}

  push(chunk: Buffer): void {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      this.take(chunk.subarray(from, nl), true);
      from = nl + 1;
    }
    if (from < chunk.length) this.take(chunk.subarray(from), false);
  }

  private take(piece: Buffer, ends: boolean): void {
    if (!this.skipping) {
      this.size += piece.length;
      if (this.size > MAX_MESSAGE_BYTES) {
        this.parts = [];
        this.size = 0;
        this.skipping = true;
        this.tooLong();
      } else {
        this.parts.push(piece);
      }
    }
    if (!ends) return;
    if (!this.skipping) this.line(Buffer.concat(this.parts).toString('utf8'));
    this.parts = [];
    this.size = 0;
    this.skipping = false;
  }
}

export class ChannelServer {
  /** The socket's path, for JCSH_UI_CHANNEL. */
  readonly path: string;
  private readonly dir: string;
  private readonly server: net.Server;
  private peer: net.Socket | null = null;
  private peerCredentials: PeerCredentials | null = null;
  private closed = false;

  /**
   * `listening`: a socket jcsh-launch already bound (in a directory it made as mkdtemp does)
   * and listening, with an engine perhaps already waiting in its queue.
   */
  constructor(
    private readonly handlers: ChannelHandlers,
    o: { readonly uid?: number; readonly listening?: { readonly fd: number; readonly path: string } } = {},
  ) {
    const uid = o.uid ?? process.getuid?.() ?? 0;
    // mkdtemp makes the directory 0700: no other user can even reach the socket.
    this.dir = o.listening ? path.dirname(o.listening.path) : fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-ui-'));
    this.path = o.listening?.path ?? path.join(this.dir, 'channel');
    this.server = net.createServer((socket) => this.connected(socket, uid));
    this.server.on('error', (err) => handlers.note(`channel: ${err.message}`));
    // Bound and listening when this returns (libuv binds a pipe synchronously): an engine
    // started right after can connect.
    if (o.listening) this.server.listen({ fd: o.listening.fd });
    else this.server.listen(this.path);
    this.server.unref();
  }

  private connected(socket: net.Socket, uid: number): void {
    const peer = peerOf(socket);
    const why = this.closed ? 'refused a peer: the channel is closed' : refusal(peer, uid, this.handlers.accept) ?? this.busy();
    if (why !== null) {
      this.handlers.note(why);
      socket.destroy();
      return;
    }
    this.peer?.destroy();
    this.peer = socket;
    this.peerCredentials = peer;
    const lines = new LineSplitter(
      (text) => {
        if (this.peer === socket) this.line(text);
      },
      () => this.handlers.note(`dropped a message longer than ${MAX_MESSAGE_BYTES} bytes`),
    );
    socket.on('data', (chunk: Buffer) => lines.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      if (this.peer === socket) this.peer = null;
    });
  }

  /**
   * Why a second peer is refused while one is connected, or null when the one connected no
   * longer passes the owner's check (an engine that died, its end of the socket not read yet).
   */
  private busy(): string | null {
    if (this.peer === null) return null;
    const stale = this.handlers.accept && this.peerCredentials && !this.handlers.accept(this.peerCredentials);
    return stale ? null : 'refused a second peer: one engine at a time';
  }

  private line(text: string): void {
    if (text.trim() === '') return;
    const m = decodeMessage(text);
    if ('error' in m) this.handlers.note(`dropped ${m.error} from the engine`);
    else this.handlers.message(m);
  }

  /** Ends the connection and removes the socket and its directory. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.peer?.destroy();
    this.peer = null;
    this.server.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
