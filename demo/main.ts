import '../src/index.js';
import reference from '../src/kma/reference-weather.json';
import type { WeatherFeed } from '../src/index.js';

// The reference page's data is built in: the demo needs no network.
for (const strip of document.querySelectorAll('weather-strip')) {
  strip.data = reference as WeatherFeed;
}
