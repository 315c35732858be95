// The embed code for the current settings: one script tag, the CSS that changed, and the
// elements with their attributes and content. Pure: no DOM, so Node tests it too.
import type { ArticleFeed } from '../../src/feed/article-feed.js';
import type { WeatherFeed } from '../../src/feed/weather-feed.js';
import { parseArticleBody } from '../../src/article-card/article-body.js';
import { stationById } from '../../src/kma/stations.js';
import { formatTemperature } from '../../src/format/temperature.js';
import { dayInZone, isoDay } from '../../src/format/date.js';
import { validTimeZone } from '../../src/format/locale.js';

/** Where the CDN bundle lives; `version` pins it so that a site never changes under its feet. */
export function cdnUrl(version: string): string {
  return `https://cdn.jsdelivr.net/npm/weather-strip@${version}/dist/cdn/weather-strip.js`;
}

/** Attributes in document order; `true` writes a boolean attribute, `false`/`''` leaves it out. */
export type Attributes = readonly (readonly [name: string, value: string | boolean])[];

/** What the embed code is made of. */
export interface EmbedInput {
  readonly version: string;
  readonly strip: Attributes;
  /** Written as `<weather-station>` children when the strip has no `src`. */
  readonly weather: WeatherFeed | undefined;
  /** `undefined` leaves the card out. */
  readonly card: Attributes | undefined;
  /** Written as attributes and body markup when the card has no `src`. */
  readonly article: ArticleFeed | undefined;
  /** CSS for the changed custom properties and parts; empty when nothing changed. */
  readonly css: string;
}

/** Keeps the page from shifting while the script loads (as in the README). */
const RESERVE_CSS = `weather-strip:not(:defined) {
  display: block;
  block-size: var(--weather-strip-row-height, 2.25rem);
  overflow: hidden;
}`;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML attribute value or text content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function attributeText(attributes: Attributes): string {
  return attributes
    .map(([name, value]) => (value === true ? ` ${name}` : value ? ` ${name}="${escapeHtml(value)}"` : ''))
    .join('');
}

function has(attributes: Attributes, name: string): boolean {
  return attributes.some(([key, value]) => key === name && value !== false && value !== '');
}

function get(attributes: Attributes, name: string): string | undefined {
  const found = attributes.find(([key]) => key === name)?.[1];
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** The strip, with its stations written out as `<weather-station>` when it has no feed URL. */
function stripHtml(attributes: Attributes, weather: WeatherFeed | undefined): string {
  if (has(attributes, 'src') || !weather)
    return `<weather-strip${attributeText(attributes)}></weather-strip>`;
  const extra: [string, string][] = [];
  // Without a feed, the date comes from the observation, in the strip's zone.
  if (!has(attributes, 'date')) {
    extra.push([
      'date',
      isoDay(dayInZone(new Date(weather.observedAt), validTimeZone(get(attributes, 'time-zone')))),
    ]);
  }
  if (!has(attributes, 'attribution') && weather.attribution && weather.attribution !== '기상청 제공') {
    extra.push(['attribution', weather.attribution]);
  }
  const stations = weather.stations.map((reading) => {
    const name = reading.name ?? (reading.id === undefined ? undefined : stationById(reading.id)?.ko);
    const own: [string, string][] = [];
    if (reading.id !== undefined) own.push(['station', String(reading.id)]);
    if (name) own.push(['name', name]);
    if (reading.sky) own.push(['sky', reading.sky]);
    if (reading.temp !== null) own.push(['temp', String(reading.temp)]);
    // The text inside is what readers see before (or without) JavaScript.
    const fallback = [reading.sky, name, formatTemperature(reading.temp)].filter(Boolean).join(' ');
    return `  <weather-station${attributeText(own)}>${escapeHtml(fallback)}</weather-station>`;
  });
  return `<weather-strip${attributeText([...attributes, ...extra])}>\n${stations.join('\n')}\n</weather-strip>`;
}

const ARTICLE_ATTRIBUTES = [
  ['category', 'category'],
  ['headline', 'headline'],
  ['deck', 'deck'],
  ['publisher', 'publisher'],
  ['reporter', 'reporter'],
  ['published', 'published'],
  ['href', 'href'],
  ['image', 'image'],
  ['image-alt', 'imageAlt'],
] as const;

/** The card, with the article written out as attributes and body markup when it has no feed URL. */
function cardHtml(attributes: Attributes, article: ArticleFeed | undefined): string {
  if (has(attributes, 'src') || !article) return `<article-card${attributeText(attributes)}></article-card>`;
  const own = attributes.filter(([name]) => !ARTICLE_ATTRIBUTES.some(([attribute]) => attribute === name));
  const content: [string, string][] = [];
  for (const [attribute, field] of ARTICLE_ATTRIBUTES) {
    const value = get(attributes, attribute) ?? article[field];
    if (value) content.push([attribute, value]);
  }
  const level = Math.min(6, Math.max(1, Number(get(attributes, 'heading-level') ?? 2) || 2));
  const sub = Math.min(6, level + 1);
  const body = parseArticleBody(article.body ?? '').map((block) =>
    block.heading ? `  <h${sub}>${escapeHtml(block.text)}</h${sub}>` : `  <p>${escapeHtml(block.text)}</p>`,
  );
  const inner = body.length > 0 ? `\n${body.join('\n')}\n` : '';
  return `<article-card${attributeText([...content, ...own])}>${inner}</article-card>`;
}

/** The whole snippet, ready to paste into a page. */
export function embedCode(input: EmbedInput): string {
  const css = [RESERVE_CSS, input.css.trim()].filter(Boolean).join('\n');
  const parts = [
    `<script type="module" async src="${cdnUrl(input.version)}"></script>`,
    `<style>\n${css}\n</style>`,
    stripHtml(input.strip, input.weather),
  ];
  if (input.card) parts.push(cardHtml(input.card, input.article));
  return `${parts.join('\n\n')}\n`;
}
