import type { Command } from './command.js';
import { alertsCommand } from './alerts.js';
import { checkCommand } from './check.js';
import { watchCommand } from './watch.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { insightsCommand } from './insights.js';
import { listCommand } from './list.js';
import { metricsCommand } from './metrics.js';
import { simulateCommand } from './simulate.js';
import { snapshotCommand } from './snapshot.js';
import { statsCommand } from './stats.js';

/** Every one-shot command, in the order the main help lists them. */
export const commands: Command[] = [
  importCommand,
  exportCommand,
  metricsCommand,
  statsCommand,
  checkCommand,
  insightsCommand,
  listCommand,
  snapshotCommand,
  watchCommand,
  alertsCommand,
  simulateCommand,
];
