// The corpus's case files: plain text, written by hand. A case starts with a `## title` line;
// the script follows up to the first `--- section` line. Sections:
//   --- stdout            the expected stdout, up to the next section or case (trailing empty
//                         lines dropped, a newline added when not empty)
//   --- stdout-exact TEXT the expected stdout as a JSON string, for output an ordinary
//                         section cannot say (no final newline, trailing empty lines)
//   --- status N          the expected exit status
//   --- stderr-contains TEXT   stderr must contain TEXT
//   --- args A B          positional parameters (whitespace-separated, or a JSON array)
//   --- stdin             what the script reads on its stdin (else /dev/null)
//   --- dash: differs (why)    the sections after it say what dash does instead (fields not
//                         given are the same as bash's)
//   --- jcsh: follows dash (why)   jcsh must do what dash does, not bash: for the few places
//                         where POSIX requires what bash does only in its POSIX mode
// Lines before a file's first case are comments about the file.

/** What one shell must produce. */
export interface Expectation {
  readonly stdout: string;
  readonly status: number;
  readonly stderrContains: string | null;
}

export interface Case {
  /** The file's name without `.case`: the area. */
  readonly area: string;
  readonly title: string;
  /** The title, unique in the corpus: the name in known-failures.txt. */
  readonly name: string;
  readonly file: string;
  /** The case's first line in its file, for messages. */
  readonly line: number;
  readonly script: string;
  readonly args: readonly string[];
  readonly stdin: string | null;
  /** bash's, and jcsh's unless jcshFollowsDash. */
  readonly expect: Expectation;
  /** dash's when it differs: the reason and what it does; null when it agrees with bash. */
  readonly dash: { readonly why: string; readonly expect: Expectation } | null;
  /** Why jcsh follows dash here (POSIX requires it), or null when it follows bash. */
  readonly jcshFollowsDash: string | null;
}

type Fields = { -readonly [K in keyof Expectation]?: Expectation[K] };

interface Draft {
  title: string;
  line: number;
  script: string[];
  args: string[];
  stdin: string | null;
  main: Fields;
  dash: Fields | null;
  why: string;
  jcsh: string | null;
}

/** The text of a section's lines: trailing empty lines dropped, a final newline when not empty. */
function block(lines: readonly string[]): string {
  const kept = [...lines];
  while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

function parseArgs(text: string): string[] {
  if (text.startsWith('[')) return JSON.parse(text) as string[];
  return text.split(/\s+/).filter(Boolean);
}

class CaseFileError extends Error {}

function fail(file: string, line: number, message: string): never {
  throw new CaseFileError(`${file}:${line}: ${message}`);
}

/** Turn a finished draft into a case, checking it names both its stdout and its status. */
function finish(area: string, file: string, d: Draft): Case {
  const { stdout, status } = d.main;
  if (stdout === undefined) fail(file, d.line, `case "${d.title}" has no --- stdout`);
  if (status === undefined) fail(file, d.line, `case "${d.title}" has no --- status`);
  if (d.script.every((l) => l.trim() === '')) fail(file, d.line, `case "${d.title}" has no script`);
  const expect: Expectation = { stdout, status, stderrContains: d.main.stderrContains ?? null };
  const dash = d.dash === null ? null : { why: d.why, expect: { ...expect, ...d.dash } };
  if (d.jcsh !== null && dash === null) fail(file, d.line, `case "${d.title}" says jcsh follows dash but not how dash differs`);
  return { area, title: d.title, name: d.title, file, line: d.line, script: block(d.script), args: d.args, stdin: d.stdin, expect, dash, jcshFollowsDash: d.jcsh };
}

/** Parse the text of one `.case` file. */
export function parseCases(area: string, file: string, text: string): Case[] {
  const cases: Case[] = [];
  let draft: Draft | null = null;
  // Where the lines now being read go: the script, or a multi-line section.
  let sink: string[] | null = null;
  let closeSink: (() => void) | null = null;
  const flush = (): void => {
    closeSink?.();
    closeSink = null;
    sink = null;
  };
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const n = index + 1;
    if (raw.startsWith('## ')) {
      flush();
      if (draft) cases.push(finish(area, file, draft));
      draft = { title: raw.slice(3).trim(), line: n, script: [], args: [], stdin: null, main: {}, dash: null, why: '', jcsh: null };
      sink = draft.script;
      continue;
    }
    if (draft === null) continue;
    const d: Draft = draft;
    const section = /^--- (\S+)(?: (.*))?$/.exec(raw);
    if (section === null) {
      (sink as string[] | null)?.push(raw);
      continue;
    }
    flush();
    const [, key, rest = ''] = section;
    const target = (): Fields => d.dash ?? d.main;
    switch (key) {
      case 'stdout': {
        const collected: string[] = [];
        sink = collected;
        closeSink = () => void (target().stdout = block(collected));
        break;
      }
      case 'stdout-exact':
        target().stdout = JSON.parse(rest) as string;
        break;
      case 'status':
        if (!/^\d+$/.test(rest.trim())) fail(file, n, `bad status "${rest}"`);
        target().status = Number(rest.trim());
        break;
      case 'stderr-contains':
        target().stderrContains = rest;
        break;
      case 'args':
        d.args = parseArgs(rest.trim());
        break;
      case 'stdin': {
        const collected: string[] = [];
        sink = collected;
        closeSink = () => void (d.stdin = block(collected));
        break;
      }
      case 'jcsh:':
        d.jcsh = rest.trim();
        break;
      case 'dash:':
        d.dash = {};
        d.why = rest.trim();
        break;
      default:
        fail(file, n, `unknown section "--- ${key}"`);
    }
  }
  flush();
  if (draft !== null) cases.push(finish(area, file, draft as Draft));
  return cases;
}
