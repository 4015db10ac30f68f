// The simulated file system: directories, regular files held in memory, programs (what /bin
// holds: a generator to run on exec) and device nodes (/dev/null, the terminal).

import type { FileStat, Program } from './types.js';

export type Node =
  | { readonly type: 'dir'; readonly entries: Set<string> }
  | { readonly type: 'file'; data: Uint8Array }
  | { readonly type: 'program'; readonly program: Program; readonly name: string }
  | { readonly type: 'device'; readonly device: string };

export function normalize(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const parentOf = (path: string): string => (path.lastIndexOf('/') <= 0 ? '/' : path.slice(0, path.lastIndexOf('/')));
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export class MemFs {
  private readonly nodes = new Map<string, Node>([['/', { type: 'dir', entries: new Set() }]]);

  get(path: string): Node | undefined {
    return this.nodes.get(path);
  }

  /** Creates a directory and its parents. */
  mkdirp(path: string): void {
    const p = normalize(path);
    if (this.nodes.has(p)) return;
    this.mkdirp(parentOf(p));
    this.link(p, { type: 'dir', entries: new Set() });
  }

  put(path: string, node: Node): void {
    const p = normalize(path);
    this.mkdirp(parentOf(p));
    this.link(p, node);
  }

  writeFile(path: string, text: string | Uint8Array): void {
    this.put(path, { type: 'file', data: typeof text === 'string' ? new TextEncoder().encode(text) : text });
  }

  unlink(path: string): boolean {
    const node = this.nodes.get(path);
    if (!node || node.type === 'dir') return false;
    this.nodes.delete(path);
    const dir = this.nodes.get(parentOf(path));
    if (dir?.type === 'dir') dir.entries.delete(baseOf(path));
    return true;
  }

  stat(path: string): FileStat | null {
    const n = this.nodes.get(path);
    if (!n) return null;
    switch (n.type) {
      case 'dir': return { type: 'directory', size: 4096, executable: true };
      case 'file': return { type: 'file', size: n.data.length, executable: false };
      case 'program': return { type: 'program', size: 0, executable: true };
      case 'device': return { type: 'device', size: 0, executable: false };
    }
  }

  readdir(path: string): string[] | null {
    const n = this.nodes.get(path);
    return n?.type === 'dir' ? [...n.entries].sort() : null;
  }

  private link(path: string, node: Node): void {
    this.nodes.set(path, node);
    if (path === '/') return;
    const dir = this.nodes.get(parentOf(path));
    if (dir?.type === 'dir') dir.entries.add(baseOf(path));
  }
}
