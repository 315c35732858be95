import { describe, guard, type FeedProblem, type ValidationResult } from './problems.js';
import { isHttpUrl, isIsoDateTime, readEnvelope, readText } from './fields.js';

/** An article feed, version 1 (see `schema/article-feed.schema.json`). Text is plain text, never markup. */
export interface ArticleFeed {
  /** Format version: always 1. */
  version: 1;
  /** Section label, e.g. `장애인`. */
  category?: string;
  /** The title. */
  headline: string;
  /** The one-line subtitle. */
  deck?: string;
  /** Publisher, for the byline. */
  publisher?: string;
  /** Reporter, for the byline. */
  reporter?: string;
  /** Publication time, ISO 8601 with an offset. */
  published?: string;
  /** Where the headline links: an absolute `http:`/`https:` URL. */
  href?: string;
  /** Lead image: an absolute `http:`/`https:` URL. */
  image?: string;
  /** Text alternative of the lead image. */
  imageAlt?: string;
  /** Plain text: blank lines separate paragraphs, a line starting with `# ` is a section heading. Line ends are `\n`. */
  body?: string;
}

/** Longest text kept from each article field, in UTF-16 units; longer text is cut and reported. */
export const ARTICLE_LIMITS = {
  category: 100,
  headline: 300,
  deck: 500,
  publisher: 100,
  reporter: 100,
  imageAlt: 500,
  url: 2048,
  body: 100_000,
} as const;

type TextField = 'category' | 'headline' | 'deck' | 'publisher' | 'reporter' | 'imageAlt' | 'body';

const TEXT_FIELDS: readonly TextField[] = [
  'category',
  'headline',
  'deck',
  'publisher',
  'reporter',
  'imageAlt',
  'body',
];

/**
 * Validates a parsed article feed. Fields that fail are left out and reported; a feed without
 * `version: 1` or a `headline` is rejected as a whole. Never throws.
 */
export function validateArticleFeed(input: unknown): ValidationResult<ArticleFeed> {
  return guard(input, readArticleFeed);
}

function readArticleFeed(value: unknown): ValidationResult<ArticleFeed> {
  const problems: FeedProblem[] = [];
  const envelope = readEnvelope(value, problems);
  if (!envelope) return { value: undefined, problems };
  const input = envelope.record;
  let usable = envelope.usable;
  const feed: Partial<ArticleFeed> = { version: 1 };
  for (const key of TEXT_FIELDS) {
    const raw =
      key === 'body' && typeof input.body === 'string' ? input.body.replace(/\r\n?/g, '\n') : input[key];
    const value = readText(raw, key, problems, ARTICLE_LIMITS[key]);
    if (value) feed[key] = value;
  }
  if (feed.headline === undefined) {
    if (input.headline === undefined || input.headline === null || typeof input.headline === 'string') {
      problems.push({ path: 'headline', message: 'required' });
    }
    usable = false;
  }
  const { published } = input;
  if (typeof published === 'string' && isIsoDateTime(published)) feed.published = published;
  else if (published !== undefined && published !== null) {
    problems.push({
      path: 'published',
      message: `expected an ISO 8601 date-time with an offset, got ${describe(published)}`,
    });
  }
  for (const key of ['href', 'image'] as const) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    const url = typeof value === 'string' ? value : '';
    if (url.length <= ARTICLE_LIMITS.url && isHttpUrl(url)) feed[key] = url;
    else problems.push({ path: key, message: `expected an http(s) URL, got ${describe(value)}; left out` });
  }
  return { value: usable ? (feed as ArticleFeed) : undefined, problems };
}
