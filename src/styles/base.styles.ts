import { css } from 'lit';

/**
 * What every element of the library shares, composed before its own sheet: a block that
 * `hidden` removes, border-box sizing, Korean words kept whole, a text alternative for assistive
 * technology only, and the focus ring (`--_focus-ring` and `--_focus-ring-offset`, set by each
 * element from its own custom properties).
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    word-break: keep-all;
  }

  :host([hidden]) {
    display: none !important;
  }

  /* border-box itself, not inherit: a child that inherits a property its parent does not pass
     down by default is styled again each time its parent is, as the rolling track is on every
     frame of a step. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* The ring on :focus, taken off again where :focus-visible does not match: browsers without
     :focus-visible (Safari before 15.4, Chrome before 86) drop that second rule whole, as they
     would a selector list that names it, and keep the ring. */
  :focus {
    outline: var(--_focus-ring);
    outline-offset: var(--_focus-ring-offset, 0);
  }

  :focus:not(:focus-visible) {
    outline: none;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
