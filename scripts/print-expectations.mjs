// Asks bash how it prints each case below (`type f` for a function,
// `jobs` for a background job) and writes them as the literals test/lang/print.test.ts keeps.
// With --check, compares against jcsh's printer (run `npm run compile` first) instead.
//   node scripts/print-expectations.mjs [--check]

import { execFileSync } from 'node:child_process';

/** Each defines f; bash's `type f` is the expectation for printFunction. */
const FUNCTIONS = [
  'f() { echo a; echo b; }',
  'f() { :; }',
  'f() { for i in 1 2; do echo $i; done; }',
  'f() { for i; do echo "$i"; done; }',
  'f() { while true; do sleep 1; done; until false; do :; done; }',
  'f() { if a; then b; fi; }',
  'f() { if a; then b; else c; fi; }',
  'f() { if a; then b; elif c; then d; else e; fi; }',
  'f() { if a; then :; elif b; then :; elif c; then :; fi; }',
  'f() { if a; then if b; then c; fi; fi; }',
  'f() { case $x in a|b) echo ab;; c) echo c;& d) ;;& *) echo x; esac; }',
  'f() { case x in esac; case y in (a) ;; esac; }',
  'f() { case a in (x) a; b;; y|z) c & esac; }',
  'f() { ( a; b ) > out; { c; } 2>&1; a | b | c; ! a && b || c; a & b; }',
  'f() { a && { b; c; } || ( d & ); }',
  'f() { ! a | b; ! { a; }; x=1; >f; 2>&1 a b; }',
  'f() { a && b & c; sleep 1 & }',
  'f() { while a && b; do c | d & done; }',
  'f() { echo a >f 2>&1 <in 3<>x 4>>y 5>|z &>q &>>r 2>&- <&3 >&2; x=1 y=2 cmd; }',
  'f() { a <&3 >&2 2>&1 <&- >&- 2>&- 3<&4- 4>&3- 2>&g <&$x >&$x 2>&$x 3>&"$y" 0<x 1>y 2>>z; }',
  'f() { a <> x >| y <&"3" >&- 5<&- 0>&3 01>&2 >&07; }',
  'f() { g() { echo g; }; h() ( echo h; ); }',
  'f() { echo $(( 1+2 )) "$(ls -l)" `date` ${x:-y} \'a  b\' "c  d"; }',
  'f() { for i in a "b c" $d; do :; done > f; }',
  'f() { { a; } > f; }',
  'f() ( a; b )',
  'f() { a; } > out 2>&1',
  'f() { cat <<EOF\nhello $x\nEOF\ncat <<-\'E2\' > f; echo after\n\ttab\n\tE2\n}',
  'f() { cat <<A <<-B; echo x\na\nA\n\tb\n\tB\n}',
  'f() { cat <<A | wc && echo y\na\nA\n}',
  'f() { cat <<"E" >f 2>&1\n$x\nE\n}',
  'f() { cat <<EOF; echo; }\nx\nEOF',
  "f() { cat << \"a'b\"\nx\na'b\n}",
  'f() { cat <<E & echo\nx\nE\n}',
  'f() { if cat <<E; then :; fi\nx\nE\n}',
  'f() { while cat <<E; do :; done\nx\nE\n}',
  'f() { ( cat <<E )\nx\nE\n}',
  'f() { x=1 y=$((2)) env; }',
  'f() { until a; do if b; then c; else d & fi; done; }',
];

/** Each starts one background job; bash's `jobs` line is the expectation for printJob. */
const JOBS = [
  '(sleep 50; echo done) &',
  '{ sleep 51; echo done; } &',
  'for i in 1; do sleep 52; done &',
  'while true; do sleep 53; done &',
  'until false; do sleep 53; done &',
  'if true; then sleep 54; fi &',
  'if false; then :; elif true; then sleep 54; else :; fi &',
  'set -- a; for i; do sleep 30; done &',
  'for i in a b; do sleep 30; echo $i; done &',
  'case x in x) sleep 30;; y|z) echo; esac &',
  'case x in (x) sleep 30; echo ;& *) ;;& esac &',
  '{ sleep 30\necho; } &',
  '( sleep 30\necho ) &',
  '! sleep 30 | sleep 31 &',
  '! sleep 30 &',
  'sleep 30 && sleep 31 &',
  '! sleep 30 && sleep 31 | sleep 32 || true &',
  'sleep 30 | { sleep 31; } >/dev/null &',
  'x=1 sleep 30 2>/dev/null >&2 &',
  'sleep 30 $((1+2)) "$(echo a)" \'a  b\' &',
  'sleep 30 <<EOF &\nhi $x\nEOF',
  'sleep 30 <<-"EOF" 2>&1 &\n\thi $x\n\tEOF',
  'cat <<EOF | sleep 30 &\nhi\nEOF',
  '{ cat <<EOF; sleep 30; } &\nhi\nEOF',
  '{ cat <<EOF & sleep 30; } &\nhi\nEOF',
  '{ cat <<EOF && sleep 30; } &\nhi\nEOF',
  '( cat <<EOF | cat; sleep 30 ) &\nhi\nEOF',
  'while sleep 30; do if true; then echo; fi; done &',
  '{ sleep 30 & wait; } &',
  '{ sleep 30; } 2>/dev/null >&2 &',
  '{ f() { :; }; sleep 30; } &',
  '{ sleep 30; echo; } | cat &',
  'if true; then sleep 30; fi | cat &',
  'sleep 30 | while read x; do echo; done &',
  'for i in 1; do for j in 2; do sleep 30; done; done &',
  // bash drops the `;` after a here-document printed before more text on its line
  '{ { cat <<E\nx\nE\n} | sleep 30; echo; } &',
  '{ cat <<E | sleep 30; echo; } &\nx\nE',
];

export function bashType(src) {
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', `${src}\ntype f`], { encoding: 'utf8' });
  return out.replace(/^f is a function\n/, '').replace(/\n$/, '');
}

/** The job's text in `jobs`, without the `[1]+  Running   ` before it and the ` &` after it. */
export function bashJob(src) {
  const script = `set -m\n${src}\njobs\nkill %1`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const m = /^\[1\][+-]? +Running {2,}([^]*) &\n$/.exec(out);
  if (!m) throw new Error(`unexpected jobs output for ${JSON.stringify(src)}: ${JSON.stringify(out)}`);
  return m[1];
}

async function main() {
  const check = process.argv.includes('--check');
  const rows = [
    ...FUNCTIONS.map((src) => ({ kind: 'type', src, bash: bashType(src) })),
    ...JOBS.map((src) => ({ kind: 'jobs', src, bash: bashJob(src) })),
  ];
  if (!check) {
    for (const r of rows) console.log(`  [${JSON.stringify(r.kind)}, ${JSON.stringify(r.src)}, ${JSON.stringify(r.bash)}],`);
    return;
  }
  const { parse } = await import('../dist/lang/parser.js');
  const { printFunction, printJob } = await import('../dist/lang/print.js');
  let bad = 0;
  for (const r of rows) {
    let ours;
    try {
      const items = parse(r.src).items;
      const item = items.find((i) => i.background) ?? items[0];
      ours = r.kind === 'type' ? printFunction(item.first.commands[0]) : printJob(item);
    } catch (e) {
      ours = `(${e.message})`;
    }
    if (ours !== r.bash) {
      bad++;
      console.log(`--- ${r.kind} ${JSON.stringify(r.src)}\nbash: ${JSON.stringify(r.bash)}\nours: ${JSON.stringify(ours)}`);
    }
  }
  console.log(`${rows.length - bad}/${rows.length} match`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
