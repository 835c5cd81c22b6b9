export { createScheduler, type Scheduler } from './scheduler.js';
export { failureAction, pauseAfterFailure } from './failure-policy.js';
export { DEFAULT_HOST_LIMITS, hostLimit, hostOf } from './host-of.js';
export { HostLimiter, LimiterClearedError } from './host-limiter.js';
export { roundLowerBoundMs } from './lower-bound.js';
export { NETWORK_DOWN_HOSTS, NetworkWatch } from './network-watch.js';
export { probeHosts, systemLookup, type Lookup } from './network-probe.js';
export { politeUntil, siteStatus, statusText, STATUS_WINDOW_MS, type SiteStatus } from './site-status.js';
export { selectSites, sitePattern, type SiteSelection } from './site-selection.js';
export type {
  FailureAction,
  RoundListener,
  RoundResult,
  RunListener,
  RunOutcome,
  SchedulerOptions,
  SchedulerStore,
  SiteHealth,
  SkipReason,
} from './types.js';
