import { spawn, type IPty } from 'node-pty';
import xterm from '@xterm/headless';

const { Terminal } = xterm;

/**
 * A built office-watch in a real pseudo-terminal, its output fed into a headless xterm whose screen tests read.
 * CI=true always, as in CI: the app must draw live frames there too.
 */
export class PtySession {
  readonly term: InstanceType<typeof Terminal>;
  readonly proc: IPty;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;
  raw = '';

  constructor(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; cols?: number; rows?: number }) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 24;
    this.term = new Terminal({ cols, rows, allowProposedApi: true });
    // A variable set to undefined is left out (node-pty would pass the text "undefined").
    const all = Object.entries({ ...process.env, CI: 'true', ...options.env });
    const env = all.filter(([, value]) => value !== undefined);
    // node-pty sets TERM to the terminal's name: the TERM asked for, by default xterm-256color.
    const name = options.env?.TERM ?? 'xterm-256color';
    this.proc = spawn(process.execPath, args, { name, cols, rows, cwd: options.cwd, env: Object.fromEntries(env) });
    this.proc.onData((data) => {
      this.raw += data;
      this.term.write(data);
    });
    this.exited = new Promise((resolve) => this.proc.onExit(resolve));
  }

  /** The visible screen, one string per row. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.term.rows; y++)
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines;
  }

  screen(): string {
    return this.lines().join('\n');
  }

  /** The cell at column x of screen row y: its text, colours (a palette index; undefined: the default) and style. */
  cell(x: number, y: number): { char: string; fg?: number; bg?: number; inverse: boolean; bold: boolean } {
    const buffer = this.term.buffer.active;
    const cell = buffer.getLine(buffer.viewportY + y)?.getCell(x);
    if (!cell) return { char: '', inverse: false, bold: false };
    return {
      char: cell.getChars(),
      ...(cell.isFgPalette() ? { fg: cell.getFgColor() } : {}),
      ...(cell.isBgPalette() ? { bg: cell.getBgColor() } : {}),
      inverse: cell.isInverse() !== 0,
      bold: cell.isBold() !== 0,
    };
  }

  get bufferType(): string {
    return this.term.buffer.active.type;
  }

  /** Wait until the screen satisfies `test` (the screen is parsed asynchronously: flush first). */
  async waitFor(test: (screen: string) => boolean, timeoutMs = 20_000, what = 'the screen'): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await new Promise<void>((resolve) => this.term.write('', resolve));
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  write(keys: string): void {
    this.proc.write(keys);
  }

  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  kill(): void {
    try {
      this.proc.kill();
    } catch {
      // already gone
    }
  }
}
