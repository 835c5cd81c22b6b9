/** A controllable simulated clock: simulated time runs at `speed`× real time from `start`. */
export interface SimClock {
  now(): Date;
  readonly speed: number;
  setSpeed(speed: number): void;
  /** Jump simulated time forward by `ms` (also while paused). */
  advance(ms: number): void;
  pause(): void;
  resume(): void;
  readonly paused: boolean;
}

export interface SimClockOptions {
  start: Date;
  /** Simulated milliseconds per real millisecond (default 1; 0 stands still). */
  speed?: number;
  /** Real monotonic milliseconds (tests pass a fake). */
  realNow?: () => number;
}

export function createSimClock({ start, speed = 1, realNow = () => performance.now() }: SimClockOptions): SimClock {
  checkSpeed(speed);
  // Simulated time = anchor + (real elapsed since realAnchor) × speed; re-anchored on every change.
  let anchor = start.getTime();
  let realAnchor = realNow();
  let rate = speed;
  let paused = false;
  const current = (): number => (paused ? anchor : anchor + (realNow() - realAnchor) * rate);
  const reanchor = (): void => {
    anchor = current();
    realAnchor = realNow();
  };
  return {
    now: () => new Date(Math.floor(current())),
    get speed() {
      return rate;
    },
    setSpeed(next) {
      checkSpeed(next);
      reanchor();
      rate = next;
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`the clock only moves forward (advance ${ms})`);
      reanchor();
      anchor += ms;
    },
    pause() {
      reanchor();
      paused = true;
    },
    resume() {
      if (!paused) return;
      paused = false;
      realAnchor = realNow();
    },
    get paused() {
      return paused;
    },
  };
}

function checkSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < 0)
    throw new RangeError(`clock speed must be a non-negative number, not ${speed}`);
}
