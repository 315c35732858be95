import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { baseStyles } from '../styles/base.styles.js';
import { weatherStripStyles } from './weather-strip.styles.js';
import { MotionController, STRIP_MODES, type StripMode } from './motion-controller.js';
import { ReducedMotionController } from './reduced-motion-controller.js';
import { StationChildrenController } from './station-children.js';
import { StationViews } from './station-view.js';
import { headerDay, attributionText } from './strip-fields.js';
import { loopClones, stationContent } from './station-templates.js';
import { dateHeader, pauseButton } from './strip-parts.js';
import { FeedController } from '../feed/feed-controller.js';
import { fire, type FeedErrorDetail } from '../feed/feed-events.js';
import { nextTask } from '../feed/next-task.js';
import { FeedStatusController } from '../feed/feed-status.js';
import { validateWeatherFeed, type WeatherFeed } from '../feed/weather-feed.js';
import { toLang } from '../format/locale.js';
import { MESSAGES } from '../format/messages.js';
import type { Unit } from '../format/temperature.js';

export { STRIP_MODES, type StripMode };

/**
 * A weather ticker for news pages: the date, then KMA stations as sky, name and temperature,
 * rolling one at a time, scrolling, or all at once, with the KMA attribution always shown.
 *
 * Data comes from, in order of precedence: the `data` property, the `src` feed, and child
 * `<weather-station>` elements. The `date` and `attribution` attributes win over the same
 * fields of `data` and the feed.
 *
 * @summary A rolling KMA weather ticker.
 * @tagname weather-strip
 *
 * @slot - `<weather-station>` elements: declarative data, read from their attributes.
 *
 * @fires {CustomEvent<WeatherFeed>} weather-strip-load - A feed from `src` was loaded and validated; `detail` is the cleaned feed.
 * @fires {CustomEvent<FeedErrorDetail>} weather-strip-error - The feed failed (`detail.kind`: `network`, `timeout`, `http`, `parse` or `schema`), or some of its stations were left out. The last good data stays on screen.
 *
 * @csspart base - The whole strip: a named region.
 * @csspart date - The date header (`<time>`).
 * @csspart status - The mark shown when the `src` feed is stale or its last refresh failed; its text is for assistive technology and the tooltip.
 * @csspart viewport - The window the stations move in.
 * @csspart list - The list of stations.
 * @csspart station - One station.
 * @csspart icon - A station's sky icon.
 * @csspart sky - A station's sky label.
 * @csspart name - A station's name.
 * @csspart temp - A station's temperature.
 * @csspart attribution - The attribution (`기상청 제공`).
 * @csspart pause-button - The pause/play button.
 *
 * @cssprop [--weather-strip-color=currentColor] - Text colour; by default the text colour of the place the strip sits in.
 * @cssprop [--weather-strip-muted-color=currentColor] - Colour of sky labels, the attribution and the pause button's border; by default the text colour, with sky labels and the attribution at 85% opacity.
 * @cssprop [--weather-strip-accent-color=currentColor] - Colour of the date and the focus ring.
 * @cssprop [--weather-strip-sun-color=currentColor] - Colour of the sun in sky icons.
 * @cssprop [--weather-strip-status-color=currentColor] - Colour of the stale/failed mark.
 * @cssprop [--weather-strip-background=transparent] - Background of the strip.
 * @cssprop [--weather-strip-border=none] - Border of the strip.
 * @cssprop [--weather-strip-radius=0] - Corner radius of the strip.
 * @cssprop [--weather-strip-font-family=inherit] - Font family.
 * @cssprop [--weather-strip-font-size=0.9375rem] - Font size; everything else scales with it.
 * @cssprop [--weather-strip-inline-size=30em] - Width of the strip in a shrink-to-fit box (flex item without a width, grid `auto` track, inline-block, float, table cell, absolutely positioned box) when its content is narrower, also before its data arrives; wider content widens it (in `roll`: the date, the widest station, the attribution and the button). Never wider than the room it is given. The README's `:not(:defined)` rule reserves the same width.
 * @cssprop [--weather-strip-row-height=2.25rem] - Height of one row: the strip's height in `roll` and `marquee` mode.
 * @cssprop [--weather-strip-gap=0.75em] - Space between the date, the stations, the attribution and the button.
 * @cssprop [--weather-strip-padding-inline=0] - Space at the start and end of the strip.
 * @cssprop [--weather-strip-icon-size=1.25em] - Size of sky icons.
 * @cssprop [--weather-strip-roll-duration=400ms] - How long one `roll` step slides.
 * @cssprop [--weather-strip-focus-ring=2px solid accent] - Outline of the focused pause button.
 */
export class WeatherStrip extends LitElement {
  // A static getter, not a static field: TypeScript makes that a class static block, which
  // browsers of the floor lack and the CDN build would have to rewrite.
  static override get styles(): CSSResultGroup {
    return [baseStyles, weatherStripStyles];
  }

  // Controllers update in this order: the status mark reads what the feed controller decided.
  readonly #source = new FeedController<WeatherFeed>(this, {
    validate: validateWeatherFeed,
    url: () => this.src,
    data: () => this.data,
    refresh: () => this.refresh,
    onLoad: (feed) => fire(this, 'weather-strip-load', feed),
    onError: (detail) => fire(this, 'weather-strip-error', detail),
  });
  // The mark concerns the `src` feed only: `data` is the author's to keep current.
  readonly #status = new FeedStatusController(this, {
    failed: () => this.#source.failed,
    observedAt: () => (this.#source.origin === 'src' ? this.#source.value?.observedAt : undefined),
    staleAfter: () => this.staleAfter,
  });
  readonly #children = new StationChildrenController(this);
  readonly #reducedMotion = new ReducedMotionController(this);

  /** The pause the reader (the button) or the author (`paused`) asked for: the button shows it. */
  @state() private held = false;

  #hovering = false;
  #focused = false;
  readonly #views = new StationViews();
  /** Until the first render: a slot that shows the stations' own text in the box the strip keeps. */
  #pending: HTMLSlotElement | undefined;

  /** URL of a weather feed (JSON, version 1). */
  @property() src?: string;

  /** Seconds between re-fetches of `src`; `0` never re-fetches. */
  @property({ type: Number }) refresh = 600;

  /** Minutes after the `src` feed's `observedAt` at which a mark flags its weather as stale; `0` never. */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter = 180;

  /** `roll`: one station at a time, vertically; `marquee`: continuous horizontal scroll; `static`: every station, wrapped. */
  @property({ reflect: true }) mode: StripMode = 'roll';

  /** Seconds each station stays in view in `roll` mode (at least 1). */
  @property({ type: Number }) interval = 3;

  /** Pixels per second in `marquee` mode. */
  @property({ type: Number }) speed = 40;

  /** Which stations to show, in order: comma-separated ASOS numbers or names (`108,159` or `서울,부산`). All when empty. */
  @property() stations?: string;

  /** Language of labels, station names and the date: `ko` or `en`. */
  @property() override lang = 'ko';

  /** Temperature unit: `c` or `f`. */
  @property() unit: Unit = 'c';

  /** Time zone of the date header. */
  @property({ attribute: 'time-zone' }) timeZone = 'Asia/Seoul';

  /** `YYYY-MM-DD`: overrides the date header, which otherwise comes from the feed. */
  @property() date?: string;

  /** Attribution text, shown instead of the feed's; else the feed's, else `기상청 제공` (en: `Source: KMA`). Always shown. */
  @property() attribution?: string;

  /** Accessible name of the strip's region; `전국 날씨` (en: `Weather`) when empty. */
  @property() label?: string;

  /** The weather feed as an object; takes precedence over `src` and child elements. Validated like a feed. */
  @property({ attribute: false }) data?: WeatherFeed;

  /**
   * Whether motion is paused: by the pause button, hover, keyboard focus, or the author.
   * Setting it pauses or resumes on the author's behalf; hover and focus still pause.
   */
  @property({ type: Boolean, reflect: true })
  get paused(): boolean {
    return this.held || this.#hovering || this.#focused;
  }
  set paused(value: boolean) {
    this.held = value;
  }

  /** The motion in effect: `static` under `prefers-reduced-motion: reduce`. */
  get motion(): StripMode {
    if (this.#reducedMotion.reduce) return 'static';
    return STRIP_MODES.includes(this.mode) ? this.mode : 'roll';
  }

  /**
   * How many stations are shown.
   * @internal
   */
  get stationCount(): number {
    return this.#views.current.length;
  }

  constructor() {
    super();
    // Registers itself with this element, which needs no other handle on it.
    new MotionController(this, {
      mode: () => this.motion,
      interval: () => this.interval,
      speed: () => this.speed,
      paused: () => this.paused,
      count: () => this.stationCount,
      track: () => this.renderRoot?.querySelector<HTMLElement>('.track') ?? null,
    });
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // A strip rendered on a server already shows itself.
    if (!root.hasChildNodes()) {
      this.#pending = document.createElement('slot');
      this.#pending.className = 'pending';
      root.append(this.#pending);
    }
    return root;
  }

  // The first render waits for a task of its own: registering the strip and rendering it are
  // two short tasks instead of one long one, and the page can handle input in between.
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  protected override update(changedProperties: PropertyValues): void {
    this.#pending?.remove();
    this.#pending = undefined;
    super.update(changedProperties);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pauseFor(() => (this.#hovering = this.#focused = false));
  }

  protected override willUpdate(): void {
    // Lit does not reflect a value the author's attribute change produced: removing `paused`
    // while hover or focus still pause would leave the attribute saying otherwise.
    if (this.hasAttribute('paused') !== this.paused) this.requestUpdate('paused', !this.paused);
  }

  /** Hover and focus pause without a property being set: `paused` changes all the same. */
  #pauseFor(change: () => void): void {
    const wasPaused = this.paused;
    change();
    this.requestUpdate('paused', wasPaused);
  }

  #handlePointerEnter(): void {
    this.#pauseFor(() => (this.#hovering = true));
  }

  #handlePointerLeave(): void {
    this.#pauseFor(() => (this.#hovering = false));
  }

  #handleFocusIn(): void {
    this.#pauseFor(() => (this.#focused = true));
  }

  #handleFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.#pauseFor(() => (this.#focused = false));
  }

  #handlePauseClick(): void {
    this.paused = !this.held;
  }

  // role="list": WebKit drops list semantics from lists styled `list-style: none`.
  /* eslint-disable lit-a11y/no-redundant-role */
  protected override render(): TemplateResult {
    const lang = toLang(this.lang);
    const text = MESSAGES[lang];
    const motion = this.motion;
    const unit: Unit = this.unit === 'f' ? 'f' : 'c';
    const feed = this.#source.value;
    const day = headerDay(this.date, feed?.observedAt, this.timeZone);
    // Read here, after the feed controller has read `src` for this update.
    const readings = feed?.stations ?? this.#children.readings;
    const views = this.#views.update(readings, this.stations, lang);
    const count = views.length;
    const moving = motion !== 'static' && count > (motion === 'marquee' ? 0 : 1);
    return html`<section
      part="base"
      class="base ${motion} ${count === 0 ? 'empty' : ''}"
      aria-label=${this.label?.trim() || text.stripLabel}
      lang=${lang}
      @pointerenter=${this.#handlePointerEnter}
      @pointerleave=${this.#handlePointerLeave}
      @focusin=${this.#handleFocusIn}
      @focusout=${this.#handleFocusOut}
    >
      ${dateHeader(day, lang, this.#status.status, text)}
      <div part="viewport" class="viewport">
        <div class="track">
          <ul part="list" class="list" role="list">
            ${views.map((view) => html`<li part="station" class="station">${stationContent(view, unit)}</li>`)}
          </ul>
          ${loopClones(views, motion, unit)}
        </div>
      </div>
      <div class="end">
      <span part="attribution" class="attribution">${attributionText(this.attribution, feed?.attribution, lang)}</span>
      ${motion === 'static'
        ? nothing
        : pauseButton({ held: this.held, moving, text, onClick: this.#handlePauseClick })}
      </div>
    </section>`;
  }
  /* eslint-enable lit-a11y/no-redundant-role */
}

declare global {
  interface GlobalEventHandlersEventMap {
    'weather-strip-load': CustomEvent<WeatherFeed>;
    'weather-strip-error': CustomEvent<FeedErrorDetail>;
  }
}
