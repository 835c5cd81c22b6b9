#!/usr/bin/env node
import { main } from '../dist/source/cli.js';
import { appCommand } from '../dist/source/app-command.js';

process.exitCode = await main(process.argv.slice(2), appCommand);
