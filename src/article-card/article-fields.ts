import type { ArticleFeed } from '../feed/article-feed.js';
import { isIsoDateTime } from '../feed/fields.js';

/** The fields an author can write on the card, as attributes or properties. */
export interface AuthorFields {
  readonly category?: string | null;
  readonly headline?: string | null;
  readonly deck?: string | null;
  readonly publisher?: string | null;
  readonly reporter?: string | null;
  readonly published?: string | null;
  readonly href?: string | null;
  readonly image?: string | null;
  readonly imageAlt?: string | null;
}

/** The article a card shows: every field checked, URLs absolute. */
export interface ShownArticle {
  readonly category?: string;
  readonly headline?: string;
  readonly deck?: string;
  readonly publisher?: string;
  readonly reporter?: string;
  /** ISO 8601 date-time with an offset. */
  readonly published?: string;
  /** An `http:` or `https:` URL. */
  readonly href?: string;
  /** An `http:` or `https:` URL. */
  readonly image?: string;
  readonly imageAlt?: string;
  /** The source's plain-text body. */
  readonly body?: string;
}

const TEXT_FIELDS = ['category', 'headline', 'deck', 'publisher', 'reporter'] as const;

/**
 * `value` resolved against `base`, if it is an `http:` or `https:` URL; anything else is dropped.
 * Without a base (a server rendering the card knows no page address), a relative URL stays as
 * written.
 */
export function httpUrl(value: string | null | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base ?? 'https://server.invalid/');
    if (!/^https?:$/.test(url.protocol)) return undefined;
    return base ? url.href : value;
  } catch {
    return undefined;
  }
}

/** The author's text, trimmed; blank or absent counts as not written. */
function written(value: string | null | undefined): string | undefined {
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}

/**
 * The article shown: each field the author wrote, when usable, wins over the same field of the
 * source (`data` or the `src` feed). Usable means: text that is not blank, an http(s) URL for
 * `href` and `image`, an ISO 8601 date-time with an offset for `published`. `imageAlt` follows
 * the image it describes: an image the author gave takes only the author's text, and
 * `image-alt=""` marks either image as decorative.
 */
export function resolveArticle(
  author: AuthorFields,
  source: Partial<ArticleFeed> | undefined,
  base: string | undefined,
): ShownArticle {
  const shown: { -readonly [K in keyof ShownArticle]: ShownArticle[K] } = {};
  for (const key of TEXT_FIELDS) shown[key] = written(author[key]) ?? source?.[key];
  const published = written(author.published);
  shown.published = published && isIsoDateTime(published) ? published : source?.published;
  shown.href = httpUrl(written(author.href), base) ?? httpUrl(source?.href, base);
  const authorImage = httpUrl(written(author.image), base);
  shown.image = authorImage ?? httpUrl(source?.image, base);
  const authorAlt = typeof author.imageAlt === 'string' ? author.imageAlt.trim() : undefined;
  shown.imageAlt = authorImage ? authorAlt : (authorAlt ?? source?.imageAlt);
  shown.body = source?.body;
  return shown;
}
