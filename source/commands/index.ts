import type { Command } from './command.js';

/** Every one-shot command, in the order the main help lists them. */
export const commands: Command[] = [];
