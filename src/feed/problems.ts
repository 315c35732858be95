/** One thing wrong with a feed, located by a JSON path such as `stations[3].temp`. */
export interface FeedProblem {
  /** Where the problem is: `stations[3].temp`, or `(feed)` for the whole document. */
  readonly path: string;
  /** What is wrong, for a developer: `expected a number or null, got "hot"`. */
  readonly message: string;
}

/**
 * The outcome of validating a feed: the cleaned feed when it is usable (possibly with parts left
 * out), and every problem found.
 */
export interface ValidationResult<T> {
  /** The cleaned feed, or `undefined` when the feed is unusable as a whole. */
  readonly value: T | undefined;
  /** Every problem found, in document order. */
  readonly problems: readonly FeedProblem[];
}

/** Formats a problem as one line: `stations[3].temp: expected a number or null, got "hot"`. */
export function formatProblem(problem: FeedProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/** A short, safe description of a value for a problem message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return JSON.stringify(shown);
    }
    case 'number':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Runs a validator so that nothing escapes: a `data` object whose getters or proxy traps throw
 * is reported as unreadable.
 */
export function guard<T>(
  input: unknown,
  validate: (input: unknown) => ValidationResult<T>,
): ValidationResult<T> {
  try {
    return validate(input);
  } catch {
    return {
      value: undefined,
      problems: [{ path: '(feed)', message: 'could not be read: a getter or proxy threw' }],
    };
  }
}

/** One line naming the first problems, for an error event's message. */
export function summarizeProblems(problems: readonly FeedProblem[], limit = 5): string {
  const shown = problems.slice(0, limit).map(formatProblem).join('; ');
  return problems.length > limit ? `${shown}; and ${problems.length - limit} more` : shown;
}
