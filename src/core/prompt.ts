// PS1/PS2 expansion: literal text plus bash's backslash escapes for user, host, directory,
// job count and the # / $ marker.

import type { Shell } from './shell.js';

export const DEFAULT_PS1 = '\\s-\\v\\$ ';
export const DEFAULT_PS2 = '> ';
const VERSION = '0.1';

export function expandPrompt(template: string, shell: Shell): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== '\\' || i + 1 >= template.length) {
      out += c;
      continue;
    }
    const e = template[++i]!;
    out += escape(e, shell) ?? `\\${e}`;
  }
  return out;
}

function escape(e: string, shell: Shell): string | undefined {
  switch (e) {
    case 'u': return shell.vars.get('USER') ?? shell.port.username();
    case 'h': return shell.port.hostname().split('.')[0];
    case 'H': return shell.port.hostname();
    case 'w': return tildePath(shell);
    case 'W': return baseName(shell);
    case '$': return shell.port.getuid() === 0 ? '#' : '$';
    case 'j': return String(shell.control.jobs.size);
    case 's': return shell.name.replace(/^.*\//, '');
    case 'v': case 'V': return VERSION;
    case 'n': return '\n';
    case 'r': return '\r';
    case 'a': return '\x07';
    case 'e': return '\x1b';
    case '\\': return '\\';
    case '[': case ']': return '';
    default: return undefined;
  }
}

function tildePath(shell: Shell): string {
  const home = shell.vars.get('HOME');
  if (home && home !== '/' && (shell.cwd === home || shell.cwd.startsWith(`${home}/`))) {
    return `~${shell.cwd.slice(home.length)}`;
  }
  return shell.cwd;
}

function baseName(shell: Shell): string {
  if (shell.cwd === shell.vars.get('HOME')) return '~';
  if (shell.cwd === '/') return '/';
  return shell.cwd.slice(shell.cwd.lastIndexOf('/') + 1);
}
