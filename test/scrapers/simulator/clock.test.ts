import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimClock } from '../../../scrapers/simulator/clock.js';

const START = new Date('2026-03-10T08:00:00Z');

function fakeReal() {
  let ms = 1000;
  return { realNow: () => ms, tick: (by: number) => void (ms += by) };
}

describe('createSimClock', () => {
  afterEach(() => void vi.useRealTimers());

  it('runs at speed × real time from the start', () => {
    const real = fakeReal();
    const clock = createSimClock({ start: START, speed: 60, realNow: real.realNow });
    expect(clock.now()).toEqual(START);
    real.tick(15_000);
    expect(clock.now().getTime() - START.getTime()).toBe(15 * 60_000);
  });

  it('changes speed from now on, without a jump', () => {
    const real = fakeReal();
    const clock = createSimClock({ start: START, speed: 2, realNow: real.realNow });
    real.tick(1000);
    clock.setSpeed(10);
    expect(clock.speed).toBe(10);
    expect(clock.now().getTime() - START.getTime()).toBe(2000);
    real.tick(1000);
    expect(clock.now().getTime() - START.getTime()).toBe(12_000);
  });

  it('stands still while paused, and advance() moves it anyway', () => {
    const real = fakeReal();
    const clock = createSimClock({ start: START, speed: 60, realNow: real.realNow });
    real.tick(1000);
    clock.pause();
    expect(clock.paused).toBe(true);
    real.tick(50_000);
    expect(clock.now().getTime() - START.getTime()).toBe(60_000);
    clock.advance(5000);
    expect(clock.now().getTime() - START.getTime()).toBe(65_000);
    clock.resume();
    real.tick(1000);
    expect(clock.now().getTime() - START.getTime()).toBe(125_000);
  });

  it('runs on real time (performance.now) by default and refuses to go backwards', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const clock = createSimClock({ start: START, speed: 1000 });
    vi.advanceTimersByTime(20);
    expect(clock.now().getTime() - START.getTime()).toBe(20_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.setSpeed(-2)).toThrow(RangeError);
    expect(() => createSimClock({ start: START, speed: Number.NaN })).toThrow(RangeError);
  });
});
