import { LitElement, html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { baseStyles } from '../styles/base.styles.js';
import { articleCardStyles } from './article-card.styles.js';
import { parseArticleBody } from './article-body.js';
import { resolveArticle, type ShownArticle } from './article-fields.js';
import { newsArticleJson, writeJsonLd } from './json-ld.js';
import { FeedController } from '../feed/feed-controller.js';
import { fire, type FeedErrorDetail } from '../feed/feed-events.js';
import { validateArticleFeed, type ArticleFeed } from '../feed/article-feed.js';
import { formatByline } from '../format/byline.js';
import { formatDateTime } from '../format/date.js';
import { toLang } from '../format/locale.js';

/** How much of the article a card shows. */
export const ARTICLE_VARIANTS = ['full', 'teaser'] as const;

/** How much of the article a card shows: see {@link ARTICLE_VARIANTS}. */
export type ArticleVariant = (typeof ARTICLE_VARIANTS)[number];

/**
 * A heading element of `level` 1–6. Lit binds no tag names: one plain template per level reads
 * more simply than building the tag with lit/static-html's `unsafeStatic`.
 */
function heading(level: number, name: string, content: unknown): TemplateResult {
  const id = name === 'headline' ? name : undefined; // names the article
  switch (level) {
    case 1:
      return html`<h1 part=${name} class=${name} id=${ifDefined(id)}>${content}</h1>`;
    case 2:
      return html`<h2 part=${name} class=${name} id=${ifDefined(id)}>${content}</h2>`;
    case 3:
      return html`<h3 part=${name} class=${name} id=${ifDefined(id)}>${content}</h3>`;
    case 4:
      return html`<h4 part=${name} class=${name} id=${ifDefined(id)}>${content}</h4>`;
    case 5:
      return html`<h5 part=${name} class=${name} id=${ifDefined(id)}>${content}</h5>`;
    default:
      return html`<h6 part=${name} class=${name} id=${ifDefined(id)}>${content}</h6>`;
  }
}

/**
 * A news article as the reference page shows it (category, headline, deck, byline, date, body),
 * or as a teaser whose headline links to the article and makes the whole card clickable.
 *
 * Content comes from the `data` property or the `src` feed (`data` first); an attribute the
 * author writes wins over the same field of either. The body is the element's own content when
 * it has any, else the feed's `body`.
 *
 * @summary A news article, in full or as a teaser.
 * @tagname article-card
 *
 * @slot - The article body, with the author's own markup; when the element has content, it is the body whatever the feed says.
 *
 * @fires {CustomEvent<ArticleFeed>} article-card-load - A feed from `src` was loaded and validated; `detail` is the cleaned feed.
 * @fires {CustomEvent<FeedErrorDetail>} article-card-error - The feed failed (`detail.kind`: `network`, `timeout`, `http`, `parse` or `schema`), or some of its fields were left out. The last good article stays on screen.
 *
 * @csspart base - The `<article>`, named by its headline.
 * @csspart category - The section label.
 * @csspart headline - The headline heading.
 * @csspart link - The headline link (when `href` is an http(s) URL).
 * @csspart deck - The one-line subtitle.
 * @csspart byline - The byline and the date.
 * @csspart date - The publication date (`<time>`).
 * @csspart image - The lead image.
 * @csspart body - The body (`full` only).
 * @csspart section-heading - A section heading of a feed's body.
 *
 * @cssprop [--article-card-color=currentColor] - Text colour; by default the text colour of the place the card sits in.
 * @cssprop [--article-card-muted-color=currentColor] - Colour of the deck, byline and date; by default the text colour at 85% opacity.
 * @cssprop [--article-card-accent-color=currentColor] - Colour of the category and the focus ring.
 * @cssprop [--article-card-background=transparent] - Background of the card.
 * @cssprop [--article-card-border=none] - Border of the card.
 * @cssprop [--article-card-radius=0] - Corner radius of the card.
 * @cssprop [--article-card-padding=0] - Space inside the card.
 * @cssprop [--article-card-gap=0.75em] - Space between the category, headline, deck, byline, image and body.
 * @cssprop [--article-card-headline-size=1.75em] - Size of the headline (teasers show it at three quarters).
 * @cssprop [--article-card-image-ratio=16 / 9] - Aspect ratio of the lead image, fixed so nothing shifts as it loads.
 */
export class ArticleCard extends LitElement {
  // A static getter, not a static field: TypeScript makes that a class static block, which
  // browsers of the floor lack and the CDN build would have to rewrite.
  static override get styles(): CSSResultGroup {
    return [baseStyles, articleCardStyles];
  }

  readonly #source = new FeedController<ArticleFeed>(this, {
    validate: validateArticleFeed,
    url: () => this.src,
    data: () => this.data,
    onLoad: (feed) => fire(this, 'article-card-load', feed),
    onError: (detail) => fire(this, 'article-card-error', detail),
  });

  #shown: ShownArticle = {};
  #hasOwnBody = false;
  #bodyObserver: MutationObserver | undefined;
  #jsonLd: HTMLScriptElement | undefined;

  /** URL of an article feed (JSON, version 1). */
  @property() src?: string;

  /** Section label, e.g. `장애인`. */
  @property() category?: string;

  /** The title. */
  @property() headline?: string;

  /** The one-line subtitle. */
  @property() deck?: string;

  /** Publisher of the byline, e.g. `서울복지타임즈`. */
  @property() publisher?: string;

  /** Reporter of the byline, e.g. `이재연`. */
  @property() reporter?: string;

  /** Publication time, ISO 8601 with an offset (`2025-08-01T09:00:00+09:00`). */
  @property() published?: string;

  /** Where the headline links; only `http:`/`https:` URLs are used. */
  @property() href?: string;

  /** URL of the lead image; only `http:`/`https:` URLs are used. */
  @property() image?: string;

  /** Text alternative of the image; empty or absent marks the image as decorative. */
  @property({ attribute: 'image-alt' }) imageAlt?: string;

  /** `full`: the whole article; `teaser`: category, headline link, deck, byline and date. */
  @property() variant: ArticleVariant = 'full';

  /** Level of the headline element, 1–6; section headings are one level below (at most 6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Language of the byline and the date: `ko` or `en`. */
  @property() override lang = 'ko';

  /** Time zone of the date. */
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Seoul';

  /** Writes schema.org `NewsArticle` JSON-LD into the element's light DOM, for search engines. Under Trusted Types it needs the policy `article-card`. */
  @property({ type: Boolean, attribute: 'structured-data' }) structuredData = false;

  /** The article as an object, validated like a feed; used instead of `src`. The attributes the author writes win over its fields. */
  @property({ attribute: false }) data?: ArticleFeed;

  override connectedCallback(): void {
    // A card rendered on a server, without seeing its children, comes with its shadow root:
    // hydration must find that same view, so the children are looked at after the first update.
    const hydrating = !this.hasUpdated && this.shadowRoot !== null;
    super.connectedCallback();
    // Created here, not in the constructor, so that the element also renders on a server.
    this.#bodyObserver ??= new MutationObserver(() => this.#checkOwnBody());
    this.#bodyObserver.observe(this, { childList: true, characterData: true, subtree: true });
    if (!hydrating) this.#checkOwnBody();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#bodyObserver?.disconnect();
  }

  protected override firstUpdated(): void {
    this.#checkOwnBody();
  }

  protected override updated(): void {
    if (!this.structuredData) {
      this.#jsonLd?.remove();
      this.#jsonLd = undefined;
      return;
    }
    this.#jsonLd ??= Object.assign(document.createElement('script'), { type: 'application/ld+json' });
    if (this.#jsonLd.parentNode !== this) this.append(this.#jsonLd);
    if (!writeJsonLd(this.#jsonLd, newsArticleJson(this.#shown))) this.#jsonLd.remove();
  }

  /** Whether the element has content of its own (not just blank text, or the JSON-LD it wrote). */
  #checkOwnBody(): void {
    const hasOwnBody = [...this.childNodes].some((node) =>
      node instanceof Element
        ? node !== this.#jsonLd && node.localName !== 'script' && node.localName !== 'template'
        : node.nodeType === Node.TEXT_NODE && !!node.textContent?.trim(),
    );
    if (hasOwnBody === this.#hasOwnBody) return;
    this.#hasOwnBody = hasOwnBody;
    // Without a body from `data` or the feed, the slot shows either way.
    if (this.#shown.body !== undefined) this.requestUpdate();
  }

  protected override render(): TemplateResult {
    // Resolved here, after the feed controller has read `src` for this update.
    const base = typeof document === 'undefined' ? undefined : document.baseURI;
    const a = (this.#shown = resolveArticle(this, this.#source.value, base));
    const { href, image, published } = a;
    const lang = toLang(this.lang);
    const teaser = this.variant === 'teaser';
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
    const byline = formatByline(a.publisher, a.reporter, lang);
    return html`<article
      part="base"
      class="base ${teaser ? 'teaser' : 'full'}"
      aria-labelledby=${a.headline ? 'headline' : nothing}
    >
      ${a.category ? html`<p part="category" class="category">${a.category}</p>` : nothing}
      ${
        a.headline
          ? heading(
              level,
              'headline',
              href ? html`<a part="link" class="link" href=${href}>${a.headline}</a>` : a.headline,
            )
          : nothing
      }
      ${a.deck ? html`<p part="deck" class="deck">${a.deck}</p>` : nothing}
      ${
        byline || published
          ? html`<p part="byline" class="byline">
              ${byline}
              ${
                published
                  ? html`<time part="date" datetime=${published}
                      >${formatDateTime(new Date(published), lang, this.timeZone)}</time
                    >`
                  : nothing
              }
            </p>`
          : nothing
      }
      ${
        image
          ? html`<img
              part="image"
              class="image"
              src=${image}
              alt=${a.imageAlt ?? ''}
              loading="lazy"
              decoding="async"
            />`
          : nothing
      }
      ${
        teaser
          ? nothing
          : html`<div part="body" class="body">
              ${
                this.#hasOwnBody || a.body === undefined
                  ? html`<slot></slot>`
                  : parseArticleBody(a.body).map((block) =>
                      block.heading
                        ? heading(Math.min(level + 1, 6), 'section-heading', block.text)
                        : html`<p>${block.text}</p>`,
                    )
              }
            </div>`
      }
    </article>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'article-card-load': CustomEvent<ArticleFeed>;
    'article-card-error': CustomEvent<FeedErrorDetail>;
  }
}
