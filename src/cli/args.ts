/** Minimal argument parsing shared by the command-line tools: positionals, `--flag` and `--key value`. */
export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

/**
 * `valued` options take a value; `flags`, when given, are the only bare options the tool knows: any other is a
 * usage error (a mistyped `--jsno` must not run an ingest). `--help` / `-h` asks for the usage.
 */
export function parseArgs(argv: string[], valued: string[], flags?: string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") continue;
    if (a === "--help" || a === "-h") throw new HelpRequested();
    if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
      if (flags && !valued.includes(key) && !flags.includes(key)) throw new UsageError(`Không có tùy chọn --${key}`);
      if (valued.includes(key)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${key} cần một giá trị`);
        out.values.set(key, v);
      } else out.flags.add(key);
    } else out.positionals.push(a);
  }
  return out;
}

export class UsageError extends Error {}

/** `--help`: the usage on stdout, exit 0. */
export class HelpRequested extends UsageError {}

/** Run a CLI main: usage errors → exit 2 with the message; anything else → exit 1, message on stderr. */
export function runCli(main: () => Promise<void>, usage: string): void {
  main().catch((err: unknown) => {
    if (err instanceof HelpRequested) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${usage}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`Lỗi: ${(err as Error).message ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
