import { patternMatcher } from '../store/index.js';

/**
 * A user's id pattern: the one matcher of store/text-pattern.ts (wildcards whole, plain text any part, umlauts folded).
 */
export const idMatcher = patternMatcher;
