import type { AnyFlags } from 'meow';

export interface CommandContext {
  /** Positional arguments after the command name. */
  input: string[];
  /** Parsed flags (meow, camelCased). `db` is always present: the database folder. */
  flags: Record<string, unknown> & { db: string };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** One one-shot command (or the TUI): its flags, its help and what it does. */
export interface Command {
  name: string;
  /** One line for the main help. */
  summary: string;
  /** Usage and flags, shown by `office-watch NAME --help`. */
  help: string;
  flags: AnyFlags;
  /** A group's subcommands (watch add|list|rm): the CLI answers a missing or unknown one with the usage. */
  subcommands?: readonly string[];
  /** Resolves to the process exit code. Throw UserError for bad input. */
  run(context: CommandContext): Promise<number>;
}
