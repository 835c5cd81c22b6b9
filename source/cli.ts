import meow, { type AnyFlags } from 'meow';
import { closestName } from './closest-name.js';
import { commands } from './commands/index.js';
import type { Command } from './commands/command.js';
import { defaultDbPath, defaultDemoDbPath } from './db-path.js';
import { whyNotWritable } from './make-folder.js';
import { sanitize } from './sanitize.js';
import { asUserError, UserError } from './user-error.js';

const COMMON_FLAGS: AnyFlags = { db: { type: 'string' } };

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `
  Watch the appointment calendars of German public offices.

  Usage
    $ office-watch [flags]            the live terminal app (scrapes in the background)
    $ office-watch --demo             the same against simulated offices, no network
    $ office-watch <command> [flags]

  Commands
${commands.map((c) => `    ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  Every command takes --db PATH (default ${defaultDbPath()}; with --demo ${defaultDemoDbPath()}).
  office-watch <command> --help shows a command's flags.
`;
}

/** Parse argv, run the chosen command, return the exit code. Bad input → one sentence on stderr. */
export async function main(argv: string[], app: Command): Promise<number> {
  // A reader that stops early (`| head`) is no error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  const named = argv[0] && !argv[0].startsWith('-') ? commands.find((c) => c.name === argv[0]) : undefined;
  if (argv[0] && !argv[0].startsWith('-') && !named) {
    const meant = closestName(
      argv[0],
      commands.map((c) => c.name),
    );
    const hint = meant ? `did you mean ${meant}?` : 'see office-watch --help.';
    process.stderr.write(`office-watch: unknown command ${sanitize(argv[0], 40)}; ${hint}\n`);
    return 2;
  }
  const command = named ?? app;
  const flags = { ...COMMON_FLAGS, ...command.flags };
  const cli = meow(named ? command.help : `${mainHelp()}${command.help}`, {
    importMeta: import.meta,
    argv: named ? argv.slice(1) : argv,
    flags,
    allowUnknownFlags: true,
    description: false,
  });
  // meow shows the help by itself only when --help is the one argument; with others it is still the help.
  if (cli.flags.help === true) {
    process.stdout.write(`${cli.help}\n`);
    return 0;
  }
  try {
    rejectUnknownFlags(cli.unnormalizedFlags, flags);
    if (named?.subcommands) checkSubcommand(named, cli.input[0]);
    const given = cli.flags.db;
    const db = typeof given === 'string' ? given : cli.flags.demo === true ? defaultDemoDbPath() : defaultDbPath();
    return await command.run({
      input: cli.input,
      flags: { ...cli.flags, db },
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } catch (caught) {
    const error = asUserError(caught);
    if (error instanceof UserError) {
      process.stderr.write(`office-watch: ${error.message}\n`);
      return error.exitCode;
    }
    // Output redirected to a full disk (or /dev/full): the place, not a bug.
    if ((error as NodeJS.ErrnoException | undefined)?.syscall === 'write') {
      process.stderr.write(`office-watch: cannot write the output: ${whyNotWritable(error, 'the output')}.\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`office-watch: unexpected error: ${message}\n`);
    if (process.env.OFFICE_WATCH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 70;
  }
}

/** meow's camelCased flag names as they are typed. */
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function rejectUnknownFlags(given: Record<string, unknown>, known: AnyFlags): void {
  const names = new Set(['help', 'version', '--']);
  const long = ['help'];
  for (const [name, flag] of Object.entries(known)) {
    names.add(name);
    names.add(kebab(name));
    long.push(kebab(name));
    if (flag.shortFlag) names.add(flag.shortFlag);
    for (const alias of flag.aliases ?? []) names.add(alias);
  }
  const unknown = Object.keys(given).find((name) => !names.has(name));
  if (unknown === undefined) return;
  const typed = kebab(unknown);
  const meant = closestName(typed, long);
  const hint = meant ? `did you mean --${meant}?` : 'see office-watch --help.';
  throw new UserError(`unknown flag --${sanitize(typed, 40)}; ${hint}`, 2);
}

/** A group (watch add|list|rm) without its subcommand, or with one it lacks: its usage, before anything opens. */
function checkSubcommand(command: Command, given: string | undefined): void {
  const names = command.subcommands!;
  const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  if (given !== undefined && names.includes(given)) return;
  if (given !== undefined) {
    const meant = closestName(given, names);
    const hint = meant ? `did you mean ${meant}?` : `it takes ${list}.`;
    throw new UserError(`unknown ${command.name} subcommand ${sanitize(given, 40)}; ${hint}`, 2);
  }
  // The help's Usage lines, up to the blank line after them.
  const lines = command.help.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'Usage') + 1;
  const end = lines.findIndex((line, i) => i >= start && line.trim() === '');
  const usage = start > 0 ? lines.slice(start, end < 0 ? undefined : end) : [];
  throw new UserError([`${command.name} needs a subcommand: ${list}.`, ...usage].join('\n'), 2);
}
