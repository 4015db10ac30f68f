import { it } from 'vitest';
import { run } from './run.js';
it('scratch', async () => {
  for (const line of ['stty < /dev/null; echo $?', 'cat /tmp; echo $?', 'wc /tmp; echo $?', 'head /tmp; echo $?', 'wc < /tmp/f', 'echo hi | cat -', 'cd /tmp; pwd; cd /nonexist; echo $?', 'ps -o pid,comm,stat', 'sleep 1 | ps j', 'kill -l | head -3', 'echo $0 $1 $#', 'x=1 y=2; echo $x$y', 'false; exit', 'trap "echo bye" EXIT; echo hi', 'trap "echo bye" EXIT; exit 4', 'ps -o pid,tty,tname,tt,s,state,sess,pgrp,uid,time,wchan,ucmd', 'ps -p 101 -o pid=,stat=', 'sh -c "echo \\$0 \\$1" name one', 'ps x; ps ax -o pid', 'sleep 2 & sleep 1; ps -o pid,stat,args; wait; echo $?']) {
    const r = await run(['sh', '-c', line], { files: { '/tmp/f': 'a b\n' } });
    console.log('== ' + line + '\n' + r.out + '[' + JSON.stringify(r.status) + ']');
  }
});
