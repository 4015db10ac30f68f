// The corpus's case-file format (test/corpus/format.ts): what a hand-written case says.

import { describe, expect, it } from 'vitest';
import { parseCases } from './format.js';

const parse = (text: string) => parseCases('area', 'x.case', text);

describe('corpus case files', () => {
  it('reads the title, script, stdout and status; comments before the first case are skipped', () => {
    const [c, ...rest] = parse('# about the file\n\n## for: walks\nfor x; do echo $x; done\n--- stdout\na\nb\n\n--- status 0\n');
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ area: 'area', title: 'for: walks', name: 'for: walks', line: 3, script: 'for x; do echo $x; done\n' });
    expect(c!.expect).toEqual({ stdout: 'a\nb\n', status: 0, stderrContains: null });
    expect(c!.dash).toBeNull();
  });

  it('reads args, stdin, stderr-contains and an exact stdout', () => {
    const [c] = parse('## x\nread l\n--- args a "b\n--- stdin\nline\n--- stdout-exact "no newline"\n--- status 1\n--- stderr-contains oops\n');
    expect(c).toMatchObject({ args: ['a', '"b'], stdin: 'line\n' });
    expect(c!.expect).toEqual({ stdout: 'no newline', status: 1, stderrContains: 'oops' });
  });

  it("takes dash's own expectation after --- dash:, the fields not given being bash's", () => {
    const [c] = parse('## x\necho $((2**3))\n--- stdout\n8\n--- status 0\n--- dash: differs (no **)\n--- status 2\n');
    expect(c!.dash).toEqual({ why: 'differs (no **)', expect: { stdout: '8\n', status: 2, stderrContains: null } });
    expect(c!.jcshFollowsDash).toBeNull();
  });

  it('says when jcsh follows dash, and only with a dash section', () => {
    const [c] = parse('## x\nx=1 :\n--- stdout\n--- status 0\n--- dash: differs (persists)\n--- status 1\n--- jcsh: follows dash (POSIX)\n');
    expect(c!.jcshFollowsDash).toBe('follows dash (POSIX)');
    expect(() => parse('## x\n:\n--- stdout\n--- status 0\n--- jcsh: follows dash (POSIX)\n')).toThrow(/not how dash differs/);
  });

  it('refuses a case without a status, a stdout or a script, and unknown sections', () => {
    expect(() => parse('## x\necho\n--- stdout\n\n')).toThrow(/x.case:1: case "x" has no --- status/);
    expect(() => parse('## x\necho\n--- status 0\n')).toThrow(/no --- stdout/);
    expect(() => parse('## x\n--- stdout\n--- status 0\n')).toThrow(/no script/);
    expect(() => parse('## x\necho\n--- stdot\n')).toThrow(/unknown section/);
  });
});
