/**
 * The element classes without registering any tag, so that a site can register them under its
 * own names: `customElements.define('my-weather', WeatherStrip)`.
 */
export { WeatherStrip, STRIP_MODES, type StripMode } from './weather-strip/weather-strip.js';
export { WeatherStation } from './weather-strip/weather-station.js';
export { ArticleCard, ARTICLE_VARIANTS, type ArticleVariant } from './article-card/article-card.js';
export type { WeatherFeed, WeatherReading } from './feed/weather-feed.js';
export type { ArticleFeed } from './feed/article-feed.js';
export type { FeedErrorDetail, FeedErrorKind } from './feed/feed-events.js';
export type { FeedProblem } from './feed/problems.js';
export { SKY_CODES, type SkyCode } from './kma/sky.js';
export { STATIONS, type StationInfo } from './kma/stations.js';
export { LANGS, type Lang } from './format/locale.js';
export { UNITS, type Unit } from './format/temperature.js';
