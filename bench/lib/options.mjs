// Command-line options of the benchmarks: `--name N` numbers and bare `--flag`s.

const args = process.argv.slice(2);

/** The number after `--name`, or `dflt` when the option is not given. */
export function numberOption(name, dflt) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
}

/** True when `--name` is given. */
export function flag(name) {
  return args.includes(`--${name}`);
}
