import { css } from 'lit';

export const weatherStripStyles = css`
  /* Values used in more than one rule get a private name; the others read the public one where used. */
  :host {
    --_muted: var(--weather-strip-muted-color, light-dark(#57606a, #a8b0ba));
    --_accent: var(--weather-strip-accent-color, light-dark(#0a58ca, #8ab4f8));
    --_row: var(--weather-strip-row-height, 2.25rem);

    display: block;
    contain: layout paint style;
    container-type: inline-size;
    color: var(--weather-strip-color, light-dark(#1f2328, #e8eaed));
    background: var(--weather-strip-background, transparent);
    border: var(--weather-strip-border, none);
    border-radius: var(--weather-strip-radius, 0);
    font-family: var(--weather-strip-font-family, inherit);
    font-size: var(--weather-strip-font-size, 0.9375rem);
    line-height: 1.4;
    word-break: keep-all;
  }

  .base {
    display: flex;
    align-items: center;
    gap: 0 var(--weather-strip-gap, 0.75em);
    min-block-size: var(--_row);
    padding-inline: var(--weather-strip-padding-inline, 0);
  }

  /* The date and its status mark: the mark sits beside the date without taking room, so
     that it appears and goes without moving anything. */
  .when {
    flex: none;
    position: relative;
  }

  .date {
    font-weight: 700;
    white-space: nowrap;
    color: var(--_accent);
  }

  .viewport {
    flex: auto;
    min-inline-size: 0;
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
    inline-size: var(--weather-strip-icon-size, 1.25em);
    block-size: var(--weather-strip-icon-size, 1.25em);
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .sun {
    stroke: var(--weather-strip-sun-color, light-dark(#c46a00, #ffc857));
  }

  .sky {
    color: var(--_muted);
  }

  .name {
    font-weight: 600;
  }

  .temp {
    font-variant-numeric: tabular-nums;
  }

  .attribution {
    flex: none;
    font-size: 0.8em;
    color: var(--_muted);
    white-space: nowrap;
  }

  /* roll: the track is one row high, so translateY(-N00%) moves exactly N rows. */
  .roll .track {
    block-size: var(--_row);
    transition: transform var(--weather-strip-roll-duration, 400ms) ease-in-out;
    will-change: transform;
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

  .static .viewport {
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

  .static.base {
    flex-wrap: wrap;
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

  .pause:focus-visible {
    outline: var(--weather-strip-focus-ring, 2px solid var(--_accent));
    outline-offset: 2px;
  }

  .pause svg {
    inline-size: 0.9em;
    block-size: 0.9em;
    fill: currentColor;
  }

  .status {
    position: absolute;
    inset-inline-start: 100%;
    inset-block-start: -0.3em;
    display: inline-flex;
    color: var(--weather-strip-status-color, light-dark(#b35c00, #ffb454));
  }

  .status svg {
    inline-size: 0.75em;
    block-size: 0.75em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Narrow containers: date, attribution and button on top (in source order), the stations below. */
  @container (max-width: 30rem) {
    .base:not(.static) {
      display: grid;
      grid-template-columns: auto 1fr auto;
    }
    .attribution {
      justify-self: end;
    }
    .viewport {
      grid-area: 2 / 1 / 3 / 4;
    }
  }

  @media (forced-colors: active) {
    .pause {
      border-color: ButtonText;
    }
  }
`;
