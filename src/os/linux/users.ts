// Users: the current one from os.userInfo(), others from /etc/passwd (Node has no getpwnam).

import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

function currentUser(): { username: string; homedir: string } | null {
  try {
    return userInfo();
  } catch {
    return null; // a uid with no passwd entry
  }
}

export function currentUsername(): string {
  return currentUser()?.username ?? process.env['USER'] ?? String(process.getuid?.() ?? '');
}

function passwdHome(user: string): string | null {
  let text: string;
  try {
    text = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return null;
  }
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields.length >= 7 && fields[0] === user) return fields[5] ?? null;
  }
  return null;
}

export function homeOf(user: string): string | null {
  const me = currentUser();
  if (me !== null && me.username === user) return me.homedir;
  return passwdHome(user);
}
