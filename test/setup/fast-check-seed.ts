import fc from 'fast-check';

// Property tests draw the same cases on every run, in CI as on a laptop, so that a failure repeats; fast-check prints
// the seed of a failing property, and OFFICE_WATCH_SEED=N tries another (tests that pick their own seed keep it).
const seed = Number(process.env.OFFICE_WATCH_SEED ?? 2026_12);
if (!Number.isSafeInteger(seed))
  throw new Error(`OFFICE_WATCH_SEED must be a whole number, not "${process.env.OFFICE_WATCH_SEED}"`);
fc.configureGlobal({ seed });
