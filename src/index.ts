/**
 * weather-strip: importing this module registers every element.
 * For the classes alone, without registering, import `weather-strip/classes`.
 */
export * from './classes.js';
import './define/weather-strip.js';
import './define/article-card.js';
