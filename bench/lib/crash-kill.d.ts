export interface CheckProblem {
  kind: string;
  key: string;
  message: string;
  repairable: boolean;
}
export interface ImportCrashes {
  kills: number;
  runs: number;
  /** Exports compared with the published week. */
  compared: number;
  problems: CheckProblem[];
  identical: boolean;
  seconds: number;
}
export interface DemoCrashes {
  kills: number;
  runs: number;
  problems: CheckProblem[];
  snapshots: number;
  seconds: number;
}
export function seededRandom(seed: number): () => number;
export function crashImports(options: {
  tar: string;
  kills: number;
  random: () => number;
  dir: string;
  fresh: boolean;
  spanMs: number;
  wholeMs?: number;
  log?: (line: string) => void;
}): Promise<ImportCrashes>;
export function crashDemoRounds(options: {
  kills: number;
  random: () => number;
  dir: string;
  minMs: number;
  maxMs: number;
  args?: string[];
  log?: (line: string) => void;
}): Promise<DemoCrashes>;
