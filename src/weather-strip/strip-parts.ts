import { html, nothing, type TemplateResult } from 'lit';
import type { FeedStatus } from '../feed/feed-status.js';
import { formatDayHeader, isoDay, type CalendarDay } from '../format/date.js';
import type { Lang } from '../format/locale.js';
import type { Messages } from '../format/messages.js';

// The pause button keeps one icon element and changes its shape: WebKit sends no pointerleave
// after the node under the pointer is replaced, which would leave the strip paused by hover. The
// icon takes no pointer events: after a click on an SVG inside the button, WebKit's Tab stays put.
const PAUSE_SHAPE = 'M4 2h3v12H4zM9 2h3v12H9z';
const PLAY_SHAPE = 'M4 2l10 6-10 6z';
const STATUS_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6.5"/><path d="M8 4.5v4.5M8 11.5v.5"/></svg>`;

/**
 * The date header, and beside it the mark of a stale or failed feed: an icon that every reader
 * gets named, in its tooltip and as text for assistive technology.
 */
export function dateHeader(day: CalendarDay, lang: Lang, status: FeedStatus, text: Messages): TemplateResult {
  return html`<span class="when"
    ><time part="date" class="date" datetime=${isoDay(day)}>${formatDayHeader(day, lang)}</time>${status === 'ok'
      ? nothing
      : html`<span part="status" class="status" title=${text[status]}
          >${STATUS_ICON}<span class="visually-hidden">${text[status]}</span></span
        >`}</span
  >`;
}

/** What the pause button shows and does. */
export interface PauseButtonOptions {
  /** Whether the reader or the author paused the strip: the button then offers to play. */
  readonly held: boolean;
  /** Whether anything moves; when nothing does, the button keeps its place, hidden. */
  readonly moving: boolean;
  /** The UI text in the strip's language. */
  readonly text: Messages;
  /** Pauses or plays; Lit calls it with the element as `this`, as any listener in its template. */
  readonly onClick: () => void;
}

/** The pause/play button, named 일시정지/Pause or 재생/Play. */
export function pauseButton({ held, moving, text, onClick }: PauseButtonOptions): TemplateResult {
  return html`<button part="pause-button" class="pause" type="button" ?disabled=${!moving} @click=${onClick}>
    <svg viewBox="0 0 16 16" aria-hidden="true" pointer-events="none"><path d=${held ? PLAY_SHAPE : PAUSE_SHAPE} /></svg
    ><span class="visually-hidden">${held ? text.play : text.pause}</span>
  </button>`;
}
