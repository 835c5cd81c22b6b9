import meow, { type AnyFlags } from 'meow';
import { commands } from './commands/index.js';
import type { Command } from './commands/command.js';
import { defaultDbPath, defaultDemoDbPath } from './db-path.js';
import { UserError } from './user-error.js';

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
    process.stderr.write(`office-watch: unknown command "${argv[0]}"; see office-watch --help.\n`);
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
  try {
    rejectUnknownFlags(cli.unnormalizedFlags, flags);
    const db = (cli.flags.db as string | undefined) ?? (cli.flags.demo === true ? defaultDemoDbPath() : defaultDbPath());
    return await command.run({ input: cli.input, flags: { ...cli.flags, db }, stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`office-watch: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`office-watch: unexpected error: ${message}\n`);
    if (process.env.OFFICE_WATCH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 70;
  }
}

function rejectUnknownFlags(given: Record<string, unknown>, known: AnyFlags): void {
  const names = new Set(['help', 'version', '--']);
  for (const [name, flag] of Object.entries(known)) {
    names.add(name);
    names.add(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    if (flag.shortFlag) names.add(flag.shortFlag);
    for (const alias of flag.aliases ?? []) names.add(alias);
  }
  const unknown = Object.keys(given).filter((name) => !names.has(name));
  if (unknown.length > 0) throw new UserError(`unknown flag --${unknown[0]}; see office-watch --help.`, 2);
}
