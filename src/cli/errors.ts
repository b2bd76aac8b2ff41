import type { Lang } from "../messages/lang";

/** The CLI's failures: one line for the user and an exit code per kind. */

export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  input: 3, // missing or unreadable input file
  range: 4, // unknown sheet or bad range
  undetectable: 5, // no data, or data whose shape cannot be detected
  outputExists: 6, // output exists and --force was not given
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected failure: `message` is shown as `migration-report: <message>`, no stack trace.
 * `inLang`, when given, words it in the language the command line speaks (`message` is the English).
 */
export class CliError extends Error {
  constructor(
    readonly code: ExitCode,
    message: string,
    readonly inLang?: (lang: Lang) => string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A failure whose words are rendered from a code: `render("en")` is its message, `render` its other languages. */
export function codedError(code: ExitCode, render: (lang: Lang) => string): CliError {
  return new CliError(code, render("en"), render);
}
