// The designer's page: wires the state to the controls, the preview and the embed code.
import { html, nothing, render, type TemplateResult } from 'lit';
import manifestJson from '../../custom-elements.json';
import { version } from '../../package.json';
import type { FeedErrorDetail } from '../../src/feed/feed-events.js';
import { attributeControl, colourIn, cssControl, radioGroup, type ControlValue } from './controls.js';
import { embedCode } from './embed.js';
import { installFeedSimulator } from './feed-simulator.js';
import { readManifest, type ElementControls, type Manifest } from './manifest.js';
import { Preview, SCENARIOS, type ScenarioId } from './preview.js';
import {
  ARTICLE_FIELDS,
  articleWithOverrides,
  changedAttributes,
  checkArticle,
  checkWeather,
  initialState,
  sampleText,
  themeCss,
  type FeedCheck,
  type PlaygroundState,
  type Tag,
} from './state.js';
import { THEME_PRESETS } from './themes.js';
import type { ArticleFeed } from '../../src/feed/article-feed.js';
import type { WeatherFeed } from '../../src/feed/weather-feed.js';

const ELEMENTS = readManifest(manifestJson as unknown as Manifest, ['weather-strip', 'article-card']);
const [STRIP, CARD] = ELEMENTS as [ElementControls, ElementControls];

const $ = <T extends HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;

/** What one control says about the preview, where the preview differs from the embed. */
const NOTES: Partial<Record<Tag, Record<string, { note?: string; placeholder?: string }>>> = {
  'weather-strip': {
    src: {
      note: 'For the embed code: your feed’s URL. The preview takes its data from the feed editor.',
      placeholder: '/weather.json',
    },
  },
  'article-card': {
    src: {
      note: 'For the embed code: your feed’s URL. The preview takes its article from the feed editor.',
      placeholder: '/article.json',
    },
  },
};

export class Playground {
  state: PlaygroundState = initialState();
  weather: FeedCheck<WeatherFeed> = checkWeather(this.state.weatherText);
  article: FeedCheck<ArticleFeed> = checkArticle(this.state.articleText);
  lastGoodWeather: WeatherFeed = this.weather.value!;
  lastGoodArticle: ArticleFeed = this.article.value!;
  readonly preview: Preview;
  readonly events: TemplateResult[] = [];
  copyStatus = '';
  #feedTimer: ReturnType<typeof setTimeout> | undefined;
  #applied = new WeakMap<Element, Record<string, ControlValue>>();

  constructor() {
    installFeedSimulator();
    this.preview = new Preview($('#preview-slot'));
    const frame = $('#preview-frame');
    for (const type of [
      'weather-strip-load',
      'weather-strip-error',
      'article-card-load',
      'article-card-error',
    ]) {
      frame.addEventListener(type, (event) => this.#logEvent(type, (event as CustomEvent<unknown>).detail));
    }
    $<HTMLTextAreaElement>('#feed-text').value = this.state.weatherText;
    this.update({ data: true });
  }

  /** Re-renders the page and applies the state to the preview. */
  update({ data = false }: { data?: boolean } = {}): void {
    // The preview's theme and scheme first: the colour pickers start from its computed colours.
    $('#theme-css').textContent = this.css;
    const frame = $('#preview-frame');
    frame.dataset.scheme = this.state.dark ? 'dark' : 'light';
    frame.classList.toggle('mobile', this.state.mobile);
    render(this.#checks(), $('#checks'));
    render(this.#panel(), $('#panel-controls'));
    render(this.#editorStatus(), $('#feed-status'));
    render(this.#simulator(), $('#simulator-controls'));
    render(this.#eventLog(), $('#events'));
    $('#feed-editing').textContent =
      this.state.editing === 'weather' ? 'Weather feed (JSON)' : 'Article feed (JSON)';
    // The scenario may make new elements at once: attributes go on after that.
    const shown = data ? this.preview.show(this.state.scenario, this.#previewData()) : undefined;
    this.#applyAttributes();
    void shown?.then(() => this.#applyAttributes());
    const code = this.embed;
    const textarea = $<HTMLTextAreaElement>('#embed-code');
    if (textarea.value !== code) textarea.value = code;
    render(this.#copyStatus(), $('#copy-status'));
  }

  get css(): string {
    return themeCss(ELEMENTS, this.state.css, this.state.parts);
  }

  get embed(): string {
    const { attributes, includeCard } = this.state;
    return embedCode({
      version,
      strip: changedAttributes(STRIP, attributes['weather-strip']),
      weather: this.lastGoodWeather,
      card: includeCard ? changedAttributes(CARD, attributes['article-card']) : undefined,
      article: this.lastGoodArticle,
      css: this.css,
    });
  }

  #previewData() {
    const overrides = this.state.attributes['article-card'];
    const merged = this.article.value
      ? checkArticle(JSON.stringify(articleWithOverrides(this.article.value, overrides))).value
      : undefined;
    return {
      weatherText: this.state.weatherText,
      weather: this.weather.value,
      lastGoodWeather: this.lastGoodWeather,
      articleText: this.state.articleText,
      article: merged,
      lastGoodArticle: articleWithOverrides(this.lastGoodArticle, overrides),
    };
  }

  #applyAttributes(): void {
    const { strip, card } = this.preview;
    const stripValues = { ...this.state.attributes['weather-strip'] };
    // The simulation: what the strip computes under `prefers-reduced-motion: reduce`.
    if (this.state.reducedMotion) stripValues.mode = 'static';
    this.#apply(strip, STRIP, stripValues);
    this.#apply(card, CARD, this.state.attributes['article-card']);
  }

  #apply(element: HTMLElement, controls: ElementControls, values: Record<string, ControlValue>): void {
    const before = this.#applied.get(element) ?? {};
    for (const control of controls.attributes) {
      // `src` belongs to the embed; the card's content attributes reach it through `data`.
      if (control.name === 'src' || (controls === CARD && control.name in ARTICLE_FIELDS)) continue;
      const value = values[control.name] ?? '';
      if (before[control.name] === value) continue;
      if (value === true) element.setAttribute(control.name, '');
      else if (value === false || value === '') element.removeAttribute(control.name);
      else element.setAttribute(control.name, value.trim());
    }
    this.#applied.set(element, { ...values });
  }

  #set(tag: Tag, name: string, value: ControlValue): void {
    this.state.attributes[tag] = { ...this.state.attributes[tag], [name]: value };
    const content = tag === 'article-card' && name in ARTICLE_FIELDS;
    this.update({ data: content });
  }

  #setCss(name: string, value: string): void {
    this.state.css = { ...this.state.css, [name]: value };
    this.update();
  }

  #choosePreset(id: string): void {
    const preset = THEME_PRESETS.find((p) => p.id === id)!;
    this.state.preset = id;
    this.state.css = { ...preset.properties };
    this.state.parts = preset.parts;
    this.update();
  }

  #setFeedText(text: string, kind = this.state.editing): void {
    if (kind === 'weather') {
      this.state.weatherText = text;
      this.weather = checkWeather(text);
      if (this.weather.value) this.lastGoodWeather = this.weather.value;
    } else {
      this.state.articleText = text;
      this.article = checkArticle(text);
      if (this.article.value) this.lastGoodArticle = this.article.value;
    }
    if (kind === this.state.editing) {
      const textarea = $<HTMLTextAreaElement>('#feed-text');
      if (textarea.value !== text) textarea.value = text;
    }
  }

  /** Typing in the editor: validated at once, applied to the preview after a short pause. */
  handleFeedInput(text: string): void {
    this.#setFeedText(text);
    this.update();
    clearTimeout(this.#feedTimer);
    this.#feedTimer = setTimeout(() => this.update({ data: true }), 300);
  }

  resetFeed(): void {
    const kind = this.state.editing;
    this.#setFeedText(
      sampleText(kind, kind === 'weather' ? this.state.longStations : this.state.longHeadline),
    );
    this.update({ data: true });
  }

  formatFeed(): void {
    const current = this.state.editing === 'weather' ? this.state.weatherText : this.state.articleText;
    try {
      this.#setFeedText(`${JSON.stringify(JSON.parse(current), null, 2)}\n`);
      this.update();
    } catch {
      // Not JSON: the status line already says where.
    }
  }

  chooseEditor(kind: 'weather' | 'article'): void {
    this.state.editing = kind;
    $<HTMLTextAreaElement>('#feed-text').value =
      kind === 'weather' ? this.state.weatherText : this.state.articleText;
    this.update();
  }

  async copyEmbed(): Promise<void> {
    const textarea = $<HTMLTextAreaElement>('#embed-code');
    try {
      await navigator.clipboard.writeText(this.embed);
      this.copyStatus = 'Copied. Paste it into your page’s HTML.';
    } catch {
      textarea.focus();
      textarea.select();
      this.copyStatus =
        'This browser did not allow copying: the code is selected, press Ctrl+C (⌘C on a Mac).';
    }
    this.update();
  }

  setIncludeCard(include: boolean): void {
    this.state.includeCard = include;
    this.update();
  }

  #check(id: string, label: string, checked: boolean, onChange: (checked: boolean) => void): TemplateResult {
    return html`<label class="check" for=${id}>
      <input
        type="checkbox"
        id=${id}
        .checked=${checked}
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      <span>${label}</span>
    </label>`;
  }

  #checks(): TemplateResult {
    const s = this.state;
    const strip = s.attributes['weather-strip'];
    const english = strip.lang === 'en';
    return html`
      ${this.#check('check-dark', 'Dark', s.dark, (on) => ((s.dark = on), this.update()))}
      ${this.#check('check-motion', 'Reduced motion', s.reducedMotion, (on) => ((s.reducedMotion = on), this.update()))}
      ${this.#check('check-english', 'English', english, (on) => {
        s.attributes['weather-strip'] = { ...strip, lang: on ? 'en' : '' };
        s.attributes['article-card'] = { ...s.attributes['article-card'], lang: on ? 'en' : '' };
        this.update();
      })}
      ${this.#check('check-fahrenheit', '°F', strip.unit === 'f', (on) => this.#set('weather-strip', 'unit', on ? 'f' : ''))}
      ${this.#check('check-mobile', 'Phone width', s.mobile, (on) => ((s.mobile = on), this.update()))}
      ${this.#check('check-long-stations', 'Long station list', s.longStations, (on) => {
        s.longStations = on;
        this.#setFeedText(sampleText('weather', on), 'weather');
        this.update({ data: true });
      })}
      ${this.#check('check-long-headline', 'Long Korean headline', s.longHeadline, (on) => {
        s.longHeadline = on;
        this.#setFeedText(sampleText('article', on), 'article');
        this.update({ data: true });
      })}
    `;
  }

  /** Back to the reference look and data, as on a fresh page. */
  resetAll(): void {
    const editing = this.state.editing;
    this.state = { ...initialState(), editing };
    this.#setFeedText(this.state.weatherText, 'weather');
    this.#setFeedText(this.state.articleText, 'article');
    this.copyStatus = '';
    this.update({ data: true });
  }

  #panel(): TemplateResult {
    const s = this.state;
    return html`
      <button type="button" id="reset-all" class="reset" @click=${() => this.resetAll()}>
        Reset everything
      </button>
      ${radioGroup('preset', 'Theme', THEME_PRESETS, s.preset, (id) => this.#choosePreset(id))}
      ${ELEMENTS.map((element) => this.#elementControls(element))}
    `;
  }

  #elementControls(element: ElementControls): TemplateResult {
    const tag = element.tagName as Tag;
    const values = this.state.attributes[tag];
    const motionNote =
      tag === 'weather-strip' && this.state.reducedMotion
        ? { note: 'The preview shows static: reduced motion is on. The embed keeps your choice.' }
        : undefined;
    return html`
      <details open>
        <summary>
          <h3><code>&lt;${tag}&gt;</code> attributes</h3>
        </summary>
        <div class="controls">
          ${element.attributes.map((control) =>
            attributeControl(
              `${tag}-${control.name}`,
              control,
              values[control.name] ?? '',
              (value) => this.#set(tag, control.name, value),
              (control.name === 'mode' ? motionNote : undefined) ??
                NOTES[tag]?.[control.name] ??
                (tag === 'article-card' && control.name in ARTICLE_FIELDS
                  ? { note: 'Empty: from the article feed.' }
                  : {}),
            ),
          )}
        </div>
      </details>
      <details ?open=${tag === 'weather-strip'}>
        <summary>
          <h3><code>&lt;${tag}&gt;</code> custom properties</h3>
        </summary>
        <div class="controls">
          ${element.cssProperties.map((property) =>
            cssControl(
              `css${property.name}`,
              property,
              this.state.css[property.name] ?? '',
              (value) => colourIn(tag === 'weather-strip' ? this.preview.strip : this.preview.card, value),
              (value) => this.#setCss(property.name, value),
            ),
          )}
        </div>
        <p class="hint">
          Parts for your own CSS (<code>${tag}::part(name)</code>):
          ${element.parts.map((part, i) => html`${i ? ', ' : ''}<code>${part}</code>`)}.
        </p>
      </details>
    `;
  }

  #editorStatus(): TemplateResult {
    const kind = this.state.editing;
    const result = kind === 'weather' ? this.weather : this.article;
    const what = kind === 'weather' ? 'strip' : 'card';
    let summary: TemplateResult;
    if (result.syntaxError) {
      summary = html`<p class="status bad">
        <strong>Not JSON:</strong> ${result.syntaxError}. The ${what} keeps the last good data and reports the
        error, as it would for a broken feed.
      </p>`;
    } else if (!result.value) {
      summary = html`<p class="status bad">
        <strong>Rejected:</strong> the ${what} cannot use this feed, and keeps the last good data.
      </p>`;
    } else if (result.problems.length > 0) {
      summary = html`<p class="status warn"><strong>Used in part:</strong> what failed is left out.</p>`;
    } else {
      const count = kind === 'weather' ? `${this.weather.value!.stations.length} stations` : 'the article';
      summary = html`<p class="status good"><strong>Valid:</strong> the ${what} shows ${count}.</p>`;
    }
    return html`${summary}
    ${
      result.problems.length > 0
        ? html`<ul class="problems" aria-label="Problems">
            ${result.problems.map((problem) => html`<li><code>${problem.path}</code> ${problem.message}</li>`)}
          </ul>`
        : nothing
    }`;
  }

  #simulator(): TemplateResult {
    const current = SCENARIOS.find((scenario) => scenario.id === this.state.scenario)!;
    return html`${radioGroup('scenario', 'Scenario', SCENARIOS, this.state.scenario, (id) => this.chooseScenario(id))}
      <p class="effect" id="scenario-effect">${current.effect}</p>
      <button
        type="button"
        id="scenario-replay"
        ?disabled=${current.id === 'none'}
        @click=${() => this.chooseScenario(current.id)}
      >
        Replay
      </button>`;
  }

  chooseScenario(id: ScenarioId): void {
    this.state.scenario = id;
    this.update({ data: true });
  }

  #logEvent(type: string, detail: unknown): void {
    const time = new Date().toLocaleTimeString('en-GB');
    const error = type.endsWith('-error') ? (detail as FeedErrorDetail) : undefined;
    const text = error
      ? html`<strong>${error.kind}</strong>${error.status ? ` ${error.status}` : ''}:
          ${error.message.replace(location.origin, '')}`
      : html`loaded`;
    this.events.unshift(
      html`<li class=${error ? 'bad' : 'good'}><time>${time}</time> <code>${type}</code> ${text}</li>`,
    );
    this.events.length = Math.min(this.events.length, 6);
    render(this.#eventLog(), $('#events'));
  }

  #eventLog(): TemplateResult {
    return this.events.length === 0
      ? html`<li class="empty">Nothing yet: the elements report feed loads and failures here.</li>`
      : html`${this.events}`;
  }

  #copyStatus(): TemplateResult {
    return html`${this.copyStatus}`;
  }
}
