/** A mistake on the command line: `runCommandLine` prints it with the usage and exits 2. */
export class UsageError extends Error {}

export interface CommandLine {
  /** How failures name the command, e.g. `jobping streams`. */
  name: string;
  usage: string;
  /** Runs the command; resolves to the exit code. */
  main(argv: string[]): Promise<number>;
}

const isUsageError = (error: unknown) => error instanceof UsageError || Boolean((error as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS'));

/**
 * Runs an operator command (the CLIs behind `pnpm jobping …`): exits with its code; a usage
 * mistake (UsageError, or node:util parseArgs rejecting an option) prints the message and the
 * usage and exits 2; any other failure prints `<name> failed: <message>` and exits 1. Exits
 * explicitly, since a client may leave a timer behind (Prisma's WebAssembly engine does).
 */
export function runCommandLine({ name, usage, main }: CommandLine, argv: string[] = process.argv.slice(2)): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (isUsageError(error)) {
        process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
        process.exit(2);
      }
      process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
