// The preview's two elements and how their data reaches them: the `data` property, or a
// simulated feed for the failure scenarios, so that readers' views are shown by the elements'
// own code paths (error events, the status mark, the last good data kept).
import type { ArticleCard } from '../../src/article-card/article-card.js';
import type { WeatherStrip } from '../../src/weather-strip/weather-strip.js';
import type { ArticleFeed } from '../../src/feed/article-feed.js';
import type { WeatherFeed } from '../../src/feed/weather-feed.js';
import { publishFeed, type SimulatedAnswer } from './feed-simulator.js';

/** What the failure simulator can show. */
export const SCENARIOS = [
  {
    id: 'none',
    label: 'No failure',
    effect: 'The elements get the data from the feed editor through their data property: no network.',
  },
  {
    id: 'slow',
    label: 'Slow feed (4 s)',
    effect:
      'A first visit on a slow connection: the strip keeps its height while it waits, so nothing below it moves; the card fills in when the feed arrives.',
  },
  {
    id: 'timeout',
    label: 'No answer',
    effect:
      'The server never answers. After 10 s the elements give up (a timeout error) and the strip shows its “update failed” mark. They retry later.',
  },
  {
    id: '404',
    label: '404 Not Found',
    effect:
      'The feed was good, then its URL answers 404: readers keep the last good data, and the strip shows its “update failed” mark.',
  },
  {
    id: 'malformed',
    label: 'Malformed JSON',
    effect:
      'The feed was good, then the server sends a half-written file: readers keep the last good data, with the “update failed” mark.',
  },
  {
    id: 'stale',
    label: 'Stale data',
    effect:
      'The feed loads, but it was observed 6 hours ago: the strip marks it “outdated” (after stale-after minutes, 180 by default).',
  },
] as const;

/** A failure scenario's id. */
export type ScenarioId = (typeof SCENARIOS)[number]['id'];

/** The feeds the preview shows. */
export interface PreviewData {
  readonly weatherText: string;
  readonly weather: WeatherFeed | undefined;
  readonly lastGoodWeather: WeatherFeed;
  readonly articleText: string;
  readonly article: ArticleFeed | undefined;
  readonly lastGoodArticle: ArticleFeed;
}

const SLOW_MS = 4000;

/** `observedAt` of `feed` moved to `hoursAgo` hours before now, in Korean time. */
function stamped(feed: WeatherFeed, hoursAgo: number): WeatherFeed {
  const kst = new Date(Date.now() - hoursAgo * 3_600_000 + 9 * 3_600_000);
  return { ...feed, observedAt: `${kst.toISOString().slice(0, 19)}+09:00` };
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Resolves at the element's next load event, or after 2 s. */
function loaded(element: HTMLElement, type: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    element.addEventListener(type, () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** Holds the preview elements and feeds them. */
export class Preview {
  strip!: WeatherStrip;
  card!: ArticleCard;
  #run = 0;

  constructor(private readonly host: HTMLElement) {
    this.recreate();
  }

  /** New elements, as on a reader's first visit. */
  recreate(): void {
    const strip = document.createElement('weather-strip') as WeatherStrip;
    const card = document.createElement('article-card') as ArticleCard;
    strip.id = 'preview-strip';
    card.id = 'preview-card';
    if (this.strip) this.strip.replaceWith(strip);
    else this.host.append(strip);
    if (this.card) this.card.replaceWith(card);
    else this.host.append(card);
    this.strip = strip;
    this.card = card;
  }

  /** Feeds both elements for a scenario; a later call cancels an earlier one still waiting. */
  async show(scenario: ScenarioId, data: PreviewData): Promise<void> {
    const run = ++this.#run;
    const current = (): boolean => run === this.#run;
    const { strip, card } = this;
    if (scenario === 'none') {
      await Promise.all([
        this.#showData(
          strip,
          'weather-strip-load',
          data.weather,
          data.weatherText,
          json(data.lastGoodWeather),
          current,
        ),
        this.#showData(
          card,
          'article-card-load',
          data.article,
          data.articleText,
          json(data.lastGoodArticle),
          current,
        ),
      ]);
      return;
    }
    const weather = data.lastGoodWeather;
    const article = json(data.lastGoodArticle);
    if (scenario === 'slow' || scenario === 'timeout') {
      this.recreate();
      const answer = (body: string): SimulatedAnswer => ({
        body,
        delayMs: scenario === 'slow' ? SLOW_MS : Infinity,
      });
      this.strip.src = publishFeed('weather.json', answer(json(stamped(weather, 0))));
      this.card.src = publishFeed('article.json', answer(article));
      return;
    }
    if (scenario === 'stale') {
      strip.data = undefined;
      card.data = undefined;
      strip.src = publishFeed('weather.json', { body: json(stamped(weather, 6)) });
      card.src = publishFeed('article.json', { body: article });
      return;
    }
    // 404 and malformed: a good load first, then the failing answer.
    await Promise.all([
      this.#failAfterGood(strip, 'weather-strip-load', json(weather), scenario, current),
      this.#failAfterGood(card, 'article-card-load', article, scenario, current),
    ]);
  }

  /** A usable feed goes in as `data`; an unusable one is served as a feed, to show the element's own failure. */
  async #showData(
    element: WeatherStrip | ArticleCard,
    loadEvent: string,
    value: WeatherFeed | ArticleFeed | undefined,
    text: string,
    lastGood: string,
    current: () => boolean,
  ): Promise<void> {
    if (value) {
      element.removeAttribute('src');
      element.data = value as never;
      return;
    }
    await this.#failAfterGood(element, loadEvent, lastGood, { body: text }, current);
  }

  async #failAfterGood(
    element: WeatherStrip | ArticleCard,
    loadEvent: string,
    good: string,
    failure: '404' | 'malformed' | SimulatedAnswer,
    current: () => boolean,
  ): Promise<void> {
    const done = loaded(element, loadEvent);
    element.src = publishFeed(element.localName === 'weather-strip' ? 'weather.json' : 'article.json', {
      body: good,
    });
    await done;
    if (!current()) return;
    const answer: SimulatedAnswer =
      failure === '404'
        ? { body: '', status: 404 }
        : failure === 'malformed'
          ? { body: good.slice(0, Math.floor(good.length / 2)) }
          : failure;
    element.src = publishFeed(
      element.localName === 'weather-strip' ? 'weather.json' : 'article.json',
      answer,
    );
    element.data = undefined;
  }
}
