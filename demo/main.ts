import '../src/index.js';
import reference from '../src/kma/reference-weather.json';
import sample from '../src/article-card/sample-article.json';
import type { ArticleFeed, WeatherFeed } from '../src/index.js';

// The reference page's data is built in: the demo needs no network.
for (const strip of document.querySelectorAll('weather-strip')) {
  strip.data = reference as WeatherFeed;
}
for (const card of document.querySelectorAll('article-card')) {
  card.data = sample as ArticleFeed;
}
