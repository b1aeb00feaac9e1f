// What the bootstrap scripts print: one line per step, so a new user sees what happens.
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);

export const step = (text) => console.log(`${paint('1;36', '▸')} ${text}`);
export const ok = (text) => console.log(`  ${paint('32', '✓')} ${text}`);
export const note = (text) => console.log(`  ${text}`);
export const warn = (text) => console.log(`  ${paint('33', '!')} ${text}`);

export class SetupError extends Error {}

/** Prints what went wrong: our own errors as their message (which says what to do), others with their stack. */
export function report(error) {
  const message = error instanceof SetupError ? error.message : (error?.stack ?? String(error));
  console.error(`\n${paint('31', '✗')} ${message}`);
}

export function fail(error) {
  report(error);
  process.exit(1);
}
