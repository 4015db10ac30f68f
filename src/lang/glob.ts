// Pathname expansion: matches a pattern against the file system one path segment at a time,
// through the context's readdir, so the file system stays outside this module.

import { compilePattern, hasGlob, unescapePattern } from './pattern.js';

export interface GlobFs {
  /** Entry names of a directory given by absolute path; null if it cannot be read. */
  readdir(absDir: string): readonly string[] | null;
  cwd(): string;
}

interface Candidate {
  /** The path as it will be shown: relative patterns give relative paths, as in bash. */
  readonly shown: string | null;
  /** The absolute path, for readdir. */
  readonly abs: string;
}

/**
 * The sorted paths that `pattern` matches, or null if none. Each segment between slashes is
 * matched on its own; a leading `.` in a name must be matched by a literal `.`; `.` and `..`
 * are never produced by a wildcard.
 */
export function expandPathname(pattern: string, fs: GlobFs): string[] | null {
  const segments = pattern.split('/');
  const absolute = pattern.startsWith('/');
  let candidates: Candidate[] = absolute ? [{ shown: '', abs: '/' }] : [{ shown: null, abs: fs.cwd() }];
  let globbed = false;
  for (let i = absolute ? 1 : 0; i < segments.length && candidates.length > 0; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (segment === '') {
      // `a//b` keeps its slashes; a trailing slash keeps only directories
      candidates = candidates.filter((c) => !last || fs.readdir(c.abs) !== null).map((c) => step(c, ''));
    } else if (hasGlob(segment)) {
      globbed = true;
      candidates = matchSegment(candidates, segment, fs);
    } else {
      const name = unescapePattern(segment);
      // Once a wildcard has matched, a literal last segment must exist to be part of a match
      if (globbed && last) candidates = candidates.filter((c) => exists(c.abs, name, fs));
      candidates = candidates.map((c) => step(c, name));
    }
  }
  if (!globbed || candidates.length === 0) return null;
  return candidates.map((c) => c.shown ?? '').sort();
}

function matchSegment(candidates: readonly Candidate[], segment: string, fs: GlobFs): Candidate[] {
  const pattern = compilePattern(segment);
  const out: Candidate[] = [];
  for (const c of candidates) {
    const names = fs.readdir(c.abs);
    if (!names) continue;
    for (const name of names) {
      if (name === '.' || name === '..') continue;
      if (name.startsWith('.') && !pattern.leadingDot) continue;
      if (pattern.test(name)) out.push(step(c, name));
    }
  }
  return out;
}

function exists(dir: string, name: string, fs: GlobFs): boolean {
  if (name === '.' || name === '..') return fs.readdir(dir) !== null;
  return fs.readdir(dir)?.includes(name) ?? false;
}

function step(c: Candidate, name: string): Candidate {
  return {
    shown: c.shown === null ? name : `${c.shown}/${name}`,
    abs: c.abs.endsWith('/') ? c.abs + name : `${c.abs}/${name}`,
  };
}
