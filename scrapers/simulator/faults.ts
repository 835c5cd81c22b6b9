import type { WallTime } from '../types.js';
import type { FaultSpec } from './office-spec.js';
import type { FaultKind } from './types.js';

/** The fault an office's schedule calls for at `now` (`wall` its Berlin wall time), the first listed winning. */
export function scheduledFault(
  faults: readonly FaultSpec[],
  now: number,
  createdAt: number,
  wall: WallTime,
): FaultKind | undefined {
  for (const fault of faults) {
    if ('always' in fault) return fault.kind;
    if ('from' in fault) {
      if (fault.from <= wall && wall < fault.until) return fault.kind;
      continue;
    }
    const minutes = (now - createdAt) / 60_000 - (fault.offsetMinutes ?? 0);
    if (minutes >= 0 && minutes % fault.everyMinutes < fault.forMinutes) return fault.kind;
  }
  return undefined;
}
