import { css } from 'lit';

export const weatherStripStyles = css`
  /* Each public custom property is read once, here, into a private one: the defaults live in
     this block alone. Colours default to the text colour of the place the strip sits in (a white
     page, a navy or red header bar, dark mode), and the muted tone is that colour faded: no
     light-dark() or color-mix(), which older browsers drop along with the whole declaration. */
  :host {
    --_color: var(--weather-strip-color, currentColor);
    --_muted: var(--weather-strip-muted-color, currentColor);
    /* Faded by default, as far as keeps white text on a red bar at 4.5:1; a muted colour set by
       the author makes this invalid, so opacity falls back to 1 and the colour shows as given. */
    --_muted-opacity: var(--weather-strip-muted-color, 0.85);
    --_accent: var(--weather-strip-accent-color, currentColor);
    --_sun: var(--weather-strip-sun-color, currentColor);
    --_status: var(--weather-strip-status-color, currentColor);
    --_background: var(--weather-strip-background, transparent);
    --_border: var(--weather-strip-border, none);
    --_radius: var(--weather-strip-radius, 0);
    --_font-family: var(--weather-strip-font-family, inherit);
    --_font-size: var(--weather-strip-font-size, 0.9375rem);
    --_inline-size: var(--weather-strip-inline-size, 30em);
    --_row: var(--weather-strip-row-height, 2.25rem);
    --_gap: var(--weather-strip-gap, 0.75em);
    --_padding-inline: var(--weather-strip-padding-inline, 0);
    --_icon-size: var(--weather-strip-icon-size, 1.25em);
    --_roll-duration: var(--weather-strip-roll-duration, 400ms);
    --_focus-ring: var(--weather-strip-focus-ring, 2px solid var(--_accent));
    --_focus-ring-offset: 2px;

    contain: layout paint style;
    color: var(--_color);
    background: var(--_background);
    border: var(--_border);
    border-radius: var(--_radius);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.4;
    /* For the line below; the strip's own text gets normal spacing back in .base. */
    word-spacing: var(--_inline-size);
  }

  /* No size containment (it would make the strip 0 px wide in shrink-to-fit boxes): the strip is
     as wide as its content. This zero-height line adds a preferred width, so that in a flex item,
     a grid auto track, an inline-block, a float, a table cell or an absolutely positioned box
     the strip keeps one width before and after its data (and its script) arrive. Its one space
     is as wide as --_inline-size (the glyph itself has no width at font-size 0) and the line may
     break there, so it never makes the strip wider than the room it is given. */
  :host::before {
    content: '\\200b\\0020\\200b';
    display: block;
    block-size: 0;
    overflow: hidden;
    font-size: 0;
  }

  /* Until the first render, a task after the strip is defined: the stations' own text in the
     box of the README's :not(:defined) rule, word for word, so that nothing moves. */
  .pending {
    display: block;
    block-size: var(--_row);
    overflow: hidden;
    line-height: var(--_row);
    word-spacing: normal;
    word-break: normal;
  }

  /* The same box before the data arrives: one row, or two on phones, where a full-width strip
     wraps its attribution and button onto a second line below the date and the station. The
     date takes the first line alone, the empty viewport no room: everything starts where it
     will stay. */
  @media (max-width: 28rem) {
    .pending {
      block-size: calc(2 * var(--_row));
    }

    .roll.empty .when,
    .marquee.empty .when {
      flex-basis: 100%;
    }

    .empty .viewport {
      display: none;
    }
  }

  /* One row when there is room; otherwise the items wrap in reading order (date and station,
     then the attribution and the button), with no container query, which older browsers lack. */
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--_gap);
    min-block-size: var(--_row);
    padding-inline: var(--_padding-inline);
    word-spacing: normal;
  }

  /* The date and its status mark: the mark sits beside the date without taking room, so
     that it appears and goes without moving anything. */
  .when {
    flex: none;
    position: relative;
  }

  /* Every line of the strip is a row high, wrapped or not, so its height is a whole number of
     rows that a page can reserve. */
  .when,
  .end {
    display: flex;
    align-items: center;
    min-block-size: var(--_row);
  }

  .date {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    color: var(--_accent);
  }

  /* roll: as wide as the widest station, so the width never changes from tick to tick. */
  .viewport {
    flex: 1 0 auto;
    overflow: hidden;
    block-size: var(--_row);
  }

  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .station {
    display: flex;
    align-items: center;
    gap: 0.25em;
    block-size: var(--_row);
    white-space: nowrap;
  }

  .icon {
    flex: none;
    inline-size: var(--_icon-size);
    block-size: var(--_icon-size);
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .sun {
    stroke: var(--_sun);
  }

  .sky,
  .attribution {
    color: var(--_muted);
    opacity: var(--_muted-opacity);
  }

  .name {
    font-weight: 600;
  }

  .temp {
    font-variant-numeric: tabular-nums;
  }

  /* The attribution and the button stay together; on a line of their own (narrow boxes) they
     go to the end of it. */
  .end {
    flex: none;
    gap: var(--_gap);
    margin-inline-start: auto;
  }

  .attribution {
    font-size: 0.8em;
    white-space: nowrap;
  }

  /* roll: one row high, so translateY(-N00%) moves N rows; never 'none' (that costs a layout). */
  .roll .track {
    block-size: var(--_row);
    transform: translateY(0);
    transition: transform var(--_roll-duration) ease-in-out;
  }

  /* marquee: the stations scroll through whatever room the line leaves, at least about one
     station's; the moving copies add nothing to the strip's width. */
  .marquee .viewport {
    flex-basis: 0;
    inline-size: 0;
    min-inline-size: 12em;
  }

  /* marquee: two identical copies side by side; -50% is exactly one copy. */
  .marquee .track {
    display: flex;
    inline-size: max-content;
    animation: weather-strip-marquee var(--_marquee-duration, 30s) linear infinite;
    will-change: transform;
  }

  .marquee .list {
    display: flex;
    gap: 1.5em;
    padding-inline-end: 1.5em;
  }

  :host([paused]) .marquee .track,
  .marquee .track.idle {
    animation-play-state: paused;
  }

  @keyframes weather-strip-marquee {
    to {
      transform: translateX(-50%);
    }
  }

  /* static: the date, every station wrapped on the lines below it, then the attribution, as on
     the reference page. The stations add only the widest one to the strip's width. */
  .static .viewport {
    flex: 1 0 100%;
    inline-size: 0;
    min-inline-size: min-content;
    block-size: auto;
  }

  .static .list {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1.25em;
  }

  .static .station {
    block-size: auto;
    min-block-size: var(--_row);
  }

  .static .end {
    margin-inline-start: 0;
  }

  .pause {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 1.75em;
    block-size: 1.75em;
    padding: 0;
    border: 1px solid var(--_muted);
    border-radius: 50%;
    color: inherit;
    background: transparent;
    font: inherit;
    cursor: pointer;
  }

  /* Nothing to pause yet: the button keeps its place so that nothing shifts when data arrives. */
  .pause:disabled {
    visibility: hidden;
  }

  .pause svg {
    inline-size: 0.9em;
    block-size: 0.9em;
    fill: currentColor;
  }

  /* left and top for browsers without logical insets (Chrome before 87). */
  .status {
    position: absolute;
    left: 100%;
    top: -0.3em;
    inset-inline-start: 100%;
    inset-block-start: -0.3em;
    display: inline-flex;
    color: var(--_status);
  }

  .status svg {
    inline-size: 0.75em;
    block-size: 0.75em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
  }

  @media (forced-colors: active) {
    .pause {
      border-color: ButtonText;
    }
  }
`;
