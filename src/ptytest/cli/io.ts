// Where the CLI writes: the process's streams, or a test's buffers when called in-process.

/** The CLI's two outputs: reports go to `out`, complaints about the input to `err`. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** An io that keeps everything, for tests and for runs whose report is printed later. */
export function bufferIo(): CliIo & { readonly stdout: () => string; readonly stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdout: () => out,
    stderr: () => err,
  };
}
