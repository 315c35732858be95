import { define } from './define.js';
import { WeatherStrip } from '../weather-strip/weather-strip.js';
import { WeatherStation } from '../weather-strip/weather-station.js';

// The children first, so that the strip sees defined stations when it upgrades.
define('weather-station', WeatherStation);
define('weather-strip', WeatherStrip);

export { WeatherStrip, WeatherStation };

declare global {
  interface HTMLElementTagNameMap {
    'weather-strip': WeatherStrip;
    'weather-station': WeatherStation;
  }
}
