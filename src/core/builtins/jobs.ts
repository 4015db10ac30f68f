// `jobs [-lnprs] [jobspec ...]` and `jobs -x command [args]` (builtins/jobs.def,
// jobs.c pretty_print_job). Listing a job tells the user about it: it is marked notified, so a
// finished job is shown once, as Done/Exit/…, and then forgotten. -p prints pids only and marks
// nothing; -n shows only jobs whose change has not been reported yet.

import type { List, Word } from '../../lang/ast.js';
import type { ListFormat } from '../format.js';
import type { Job } from '../job.js';
import { dropNotifiedDead } from '../notify.js';
import { jobArg } from './lib/jobargs.js';
import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'jobs [-lnprs] [jobspec ...] or jobs -x command [args]';

type Form = ListFormat | 'changed';

export const jobsBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'lpnxrs', USAGE);
  if (!parsed) return 2;
  let form: Form = 'standard';
  let state: 'any' | 'running' | 'stopped' = 'any';
  let execute = false;
  for (const o of parsed.options) {
    if (o.name === 'l') form = 'long';
    else if (o.name === 'p') form = 'pids';
    else if (o.name === 'n') form = 'changed';
    else if (o.name === 'r') state = 'running';
    else if (o.name === 's') state = 'stopped';
    else if (form !== 'standard') {
      ctx.error("no other options allowed with `-x'");
      return 1;
    } else {
      execute = true;
    }
  }
  if (execute) return executeWithPgids(ctx, parsed.operands);
  const shell = ctx.shell;
  shell.control.update();
  let failed = false;
  if (parsed.operands.length === 0) {
    for (const job of shell.control.jobs.all()) if (state === 'any' || job.state === state) print(ctx, job, form);
  } else {
    for (const word of parsed.operands) {
      const r = jobArg(shell, word);
      if (r.kind === 'job') {
        print(ctx, r.job, form);
        continue;
      }
      failed = true;
      ctx.error(r.message);
      if (r.ambiguous) ctx.error(`${word}: no such job`);
    }
  }
  dropNotifiedDead(shell);
  return failed ? 1 : 0;
};

function print(ctx: BuiltinContext, job: Job, form: Form): void {
  if (form === 'changed' && job.notified) return;
  const format: ListFormat = form === 'changed' ? 'standard' : form;
  const shell = ctx.shell;
  ctx.io.out(shell.format.jobLine(job, shell.control.jobs, format, shell.place()));
  if (format !== 'pids') job.notified = true;
}

/** `jobs -x`: each operand that names a job becomes that job's process group id, then it runs. */
async function executeWithPgids(ctx: BuiltinContext, operands: readonly string[]): Promise<number> {
  if (operands.length === 0) return 0;
  const shell = ctx.shell;
  const argv = operands.map((w) => {
    if (!w.startsWith('%')) return w;
    const r = jobArg(shell, w);
    return r.kind === 'job' ? String(r.job.pgid) : w;
  });
  return shell.dialect.run(shell, literalCommand(shell.lineno, argv));
}

/** A command line made of words taken literally: nothing in them is expanded again. */
function literalCommand(line: number, argv: readonly string[]): List {
  const pos = { line, column: 1, offset: 0 };
  const words: Word[] = argv.map((text) => ({ parts: [{ kind: 'literal', text, quoted: true }], source: text, pos }));
  const source = argv.join(' ');
  return {
    kind: 'list',
    items: [{
      kind: 'and-or', background: false, source, pos, rest: [],
      first: { kind: 'pipeline', bang: false, pos, commands: [{ kind: 'simple', assignments: [], words, redirects: [], pos }] },
    }],
  };
}
