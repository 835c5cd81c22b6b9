import type { AnyFlags, Result } from 'meow';

/** A command's flag values as meow parses them: camelCased, each typed by its definition (string, boolean…). */
export type FlagValues<Flags extends AnyFlags> = Result<Flags>['flags'];

export interface CommandContext<Flags extends AnyFlags = AnyFlags> {
  /** Positional arguments after the command name. */
  input: string[];
  /** Parsed flags. `db` is always present: the database folder. */
  flags: FlagValues<Flags> & { db: string };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** One one-shot command (or the TUI): its flags, its help and what it does. */
export interface Command<Flags extends AnyFlags = AnyFlags> {
  name: string;
  /** One line for the main help. */
  summary: string;
  /** Usage and flags, shown by `office-watch NAME --help`. */
  help: string;
  flags: Flags;
  /** A group's subcommands (watch add|list|rm): the CLI answers a missing or unknown one with the usage. */
  subcommands?: readonly string[];
  /** Resolves to the process exit code. Throw UserError for bad input. */
  run(context: CommandContext<Flags>): Promise<number>;
}

/** A command whose `run` sees its own flags typed (`flags.week` a string or undefined), not `unknown`. */
export const defineCommand = <const Flags extends AnyFlags>(command: Command<Flags>): Command<Flags> => command;
