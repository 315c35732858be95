// The playground's state, and what follows from it: the elements' attributes, the theme CSS,
// the validated feeds and the embed code. Pure: no DOM.
import type { ArticleFeed } from '../../src/feed/article-feed.js';
import { validateArticleFeed } from '../../src/feed/article-feed.js';
import { validateWeatherFeed, type WeatherFeed } from '../../src/feed/weather-feed.js';
import type { FeedProblem } from '../../src/feed/problems.js';
import type { ControlValue } from './controls.js';
import type { Attributes } from './embed.js';
import type { AttributeControl, CssPropertyControl, ElementControls } from './manifest.js';
import type { ScenarioId } from './preview.js';
import { LONG_ARTICLE, LONG_WEATHER, REFERENCE_WEATHER, SAMPLE_ARTICLE } from './samples.js';

/** The two elements the playground tunes. */
export type Tag = 'weather-strip' | 'article-card';

/** Everything a designer can change. */
export interface PlaygroundState {
  attributes: Record<Tag, Record<string, ControlValue>>;
  css: Record<string, string>;
  preset: string;
  parts: string;
  dark: boolean;
  reducedMotion: boolean;
  mobile: boolean;
  longStations: boolean;
  longHeadline: boolean;
  includeCard: boolean;
  editing: 'weather' | 'article';
  weatherText: string;
  articleText: string;
  scenario: ScenarioId;
}

/** The outcome of reading an editor's text: not JSON, or the validator's result. */
export interface FeedCheck<T> {
  readonly syntaxError: string | undefined;
  readonly value: T | undefined;
  readonly problems: readonly FeedProblem[];
}

/** Pretty JSON, as the editor shows it. */
export function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The state of a fresh page: the reference weather, the sample article, the defaults. */
export function initialState(): PlaygroundState {
  return {
    attributes: { 'weather-strip': {}, 'article-card': {} },
    css: {},
    preset: 'reference',
    parts: '',
    dark: false,
    reducedMotion: false,
    mobile: false,
    longStations: false,
    longHeadline: false,
    includeCard: true,
    editing: 'weather',
    weatherText: pretty(REFERENCE_WEATHER),
    articleText: pretty(SAMPLE_ARTICLE),
    scenario: 'none',
  };
}

/** The sample texts the stress checks switch between. */
export function sampleText(kind: 'weather' | 'article', long: boolean): string {
  if (kind === 'weather') return pretty(long ? LONG_WEATHER : REFERENCE_WEATHER);
  return pretty(long ? LONG_ARTICLE : SAMPLE_ARTICLE);
}

function check<T>(
  text: string,
  validate: (input: unknown) => { value: T | undefined; problems: readonly FeedProblem[] },
): FeedCheck<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      syntaxError: error instanceof Error ? error.message : String(error),
      value: undefined,
      problems: [],
    };
  }
  const { value, problems } = validate(parsed);
  return { syntaxError: undefined, value, problems };
}

/** The weather editor's text, parsed and validated by the strip's own validator. */
export function checkWeather(text: string): FeedCheck<WeatherFeed> {
  return check(text, validateWeatherFeed);
}

/** The article editor's text, parsed and validated by the card's own validator. */
export function checkArticle(text: string): FeedCheck<ArticleFeed> {
  return check(text, validateArticleFeed);
}

/** Attribute name → article field, for the card's content attributes. */
export const ARTICLE_FIELDS: Readonly<Record<string, keyof ArticleFeed>> = {
  category: 'category',
  headline: 'headline',
  deck: 'deck',
  publisher: 'publisher',
  reporter: 'reporter',
  published: 'published',
  href: 'href',
  image: 'image',
  'image-alt': 'imageAlt',
};

/** The article with the card's content attributes laid over it, as attributes beat a feed's fields in the embed. */
export function articleWithOverrides(
  article: ArticleFeed,
  attributes: Record<string, ControlValue>,
): ArticleFeed {
  const merged: Record<string, unknown> = { ...article };
  for (const [attribute, field] of Object.entries(ARTICLE_FIELDS)) {
    const value = attributes[attribute];
    if (typeof value === 'string' && value.trim() !== '') merged[field] = value.trim();
  }
  return merged as unknown as ArticleFeed;
}

/** Whether a control's value differs from the element's default. */
function changed(control: AttributeControl, value: ControlValue | undefined): boolean {
  if (value === undefined || value === '' || value === false) return false;
  if (control.kind === 'number') return Number(value) !== control.defaultValue;
  return value !== control.defaultValue;
}

/** The attributes that differ from the defaults, in the manifest's order. */
export function changedAttributes(
  controls: ElementControls,
  values: Record<string, ControlValue>,
): Attributes {
  return controls.attributes
    .filter((control) => changed(control, values[control.name]))
    .map(
      (control) =>
        [control.name, values[control.name] === true ? true : String(values[control.name]).trim()] as const,
    );
}

/** A value safe to write into a declaration: no characters that could end the rule. */
export function cssValue(value: string): string {
  return value.replace(/[{}<>;]/g, '').trim();
}

/** The CSS for every changed custom property, then the parts rules. */
export function themeCss(
  elements: readonly ElementControls[],
  css: Record<string, string>,
  parts: string,
): string {
  const rules: string[] = [];
  for (const element of elements) {
    const declarations = element.cssProperties
      .map((property: CssPropertyControl) => [property.name, cssValue(css[property.name] ?? '')] as const)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => `  ${name}: ${value};`);
    if (declarations.length > 0) rules.push(`${element.tagName} {\n${declarations.join('\n')}\n}`);
  }
  if (parts.trim()) rules.push(parts.trim());
  return rules.join('\n');
}
