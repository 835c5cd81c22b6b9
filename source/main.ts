import { appCommand } from './app-command.js';
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2), appCommand);
