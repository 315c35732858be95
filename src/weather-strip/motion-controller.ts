import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How the strip moves. */
export const STRIP_MODES = ['roll', 'marquee', 'static'] as const;

/** How the strip moves: see {@link STRIP_MODES}. */
export type StripMode = (typeof STRIP_MODES)[number];

/** What the motion controller reads from its element, each time it needs it. */
export interface MotionOptions {
  /** The motion in effect (`static` under reduced motion). */
  readonly mode: () => StripMode;
  /** Seconds each station stays in `roll`. */
  readonly interval: () => number;
  /** Pixels per second in `marquee`. */
  readonly speed: () => number;
  /** Whether motion is paused by the reader or the author. */
  readonly paused: () => boolean;
  /** How many stations are shown. */
  readonly count: () => number;
  /** The element that moves: rows in `roll`, two copies of the list in `marquee`. */
  readonly track: () => HTMLElement | null;
}

const MIN_INTERVAL_S = 1;
const MIN_SPEED = 1;

/**
 * Moves the strip without re-rendering it: one timer and one CSS transition per `roll` step, one
 * CSS animation for `marquee`. Nothing runs while the strip is paused, `hidden`, off screen or in
 * a hidden tab.
 */
export class MotionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: MotionOptions;
  #track: HTMLElement | null = null;
  #layout = '';
  #index = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #onScreen = true;
  #intersection: IntersectionObserver | undefined;
  #resize: ResizeObserver | undefined;
  #hiddenAttribute: MutationObserver | undefined;
  #copyWidth = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MotionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#handleShownOrHidden);
    if (typeof IntersectionObserver === 'function') {
      this.#intersection = new IntersectionObserver(this.#handleIntersection);
      this.#intersection.observe(this.#host);
    }
    if (typeof ResizeObserver === 'function') this.#resize = new ResizeObserver(this.#handleResize);
    // `hidden` is a plain attribute, not a property the element renders: watch it here.
    this.#hiddenAttribute = new MutationObserver(this.#handleShownOrHidden);
    this.#hiddenAttribute.observe(this.#host, { attributes: true, attributeFilter: ['hidden'] });
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#handleShownOrHidden);
    this.#intersection?.disconnect();
    this.#resize?.disconnect();
    this.#hiddenAttribute?.disconnect();
    this.#intersection = this.#resize = this.#hiddenAttribute = undefined;
    this.#stopTimer();
    this.#setTrack(null);
    this.#layout = '';
  }

  hostUpdated(): void {
    // Lit also updates an element removed before its first render: nothing may start then.
    if (this.#host.isConnected) this.#sync();
  }

  /** Whether anything may move now. */
  get #canMove(): boolean {
    return (
      !this.#options.paused() && !this.#host.hidden && this.#onScreen && document.visibilityState !== 'hidden'
    );
  }

  #sync(): void {
    const motion = this.#options.mode();
    const count = this.#options.count();
    this.#setTrack(this.#options.track());
    const layout = `${motion}:${count}`;
    if (layout !== this.#layout) {
      this.#layout = layout;
      this.#stopTimer();
      this.#jumpTo(0);
    }
    const rolling = motion === 'roll' && count > 1 && this.#canMove;
    if (!rolling) this.#stopTimer();
    else if (this.#timer === undefined) this.#schedule();
    if (this.#track && motion === 'marquee') {
      this.#track.classList.toggle('idle', !this.#canMove);
      this.#applyMarqueeDuration();
    }
  }

  #setTrack(track: HTMLElement | null): void {
    if (track === this.#track) return;
    this.#track?.removeEventListener('transitionend', this.#handleTransitionEnd);
    this.#resize?.disconnect();
    this.#track = track;
    this.#copyWidth = 0;
    this.#layout = '';
    if (!track) return;
    track.addEventListener('transitionend', this.#handleTransitionEnd);
    const firstCopy = track.firstElementChild;
    if (firstCopy) this.#resize?.observe(firstCopy);
  }

  #schedule(): void {
    const delay = Math.max(MIN_INTERVAL_S, this.#options.interval() || 0) * 1000;
    this.#timer = setTimeout(this.#handleTick, delay);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Shows row `index` at once, without a transition. */
  #jumpTo(index: number): void {
    this.#index = index;
    if (!this.#track) return;
    this.#track.style.transition = 'none';
    this.#track.style.transform = index === 0 ? '' : `translateY(${-index * 100}%)`;
  }

  #applyMarqueeDuration(): void {
    if (!this.#track || this.#copyWidth <= 0) return;
    const seconds = this.#copyWidth / Math.max(MIN_SPEED, this.#options.speed() || 0);
    this.#track.style.setProperty('--_marquee-duration', `${seconds.toFixed(2)}s`);
  }

  readonly #handleTick = (): void => {
    this.#timer = undefined;
    const track = this.#track;
    if (!track) return;
    if (this.#index >= this.#options.count()) {
      // The clone is showing (its transitionend was missed): the first row looks the same.
      this.#jumpTo(0);
    } else {
      this.#index += 1;
      track.style.transition = '';
      track.style.transform = `translateY(${-this.#index * 100}%)`;
    }
    if (this.#canMove) this.#schedule();
  };

  readonly #handleTransitionEnd = (event: TransitionEvent): void => {
    if (event.target === this.#track && this.#index >= this.#options.count()) this.#jumpTo(0);
  };

  /** The page's visibility or the element's `hidden` changed. */
  readonly #handleShownOrHidden = (): void => this.#sync();

  readonly #handleIntersection = (entries: IntersectionObserverEntry[]): void => {
    const last = entries[entries.length - 1];
    if (last) this.#onScreen = last.isIntersecting;
    this.#sync();
  };

  readonly #handleResize = (entries: ResizeObserverEntry[]): void => {
    const last = entries[entries.length - 1];
    if (!last) return;
    this.#copyWidth = last.borderBoxSize?.[0]?.inlineSize ?? last.contentRect.width;
    this.#applyMarqueeDuration();
  };
}
