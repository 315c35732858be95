import { css } from 'lit';

export const articleCardStyles = css`
  :host {
    --_color: var(--article-card-color, light-dark(#1f2328, #e8eaed));
    --_muted: var(--article-card-muted-color, light-dark(#57606a, #a8b0ba));
    --_accent: var(--article-card-accent-color, light-dark(#0a58ca, #8ab4f8));
    --_background: var(--article-card-background, transparent);
    --_border: var(--article-card-border, none);
    --_radius: var(--article-card-radius, 0);
    --_padding: var(--article-card-padding, 0);
    --_gap: var(--article-card-gap, 0.75em);
    --_headline-size: var(--article-card-headline-size, 1.75em);
    --_image-ratio: var(--article-card-image-ratio, 16 / 9);

    display: block;
    color: var(--_color);
    line-height: 1.75;
    word-break: keep-all;
    overflow-wrap: break-word;
  }

  [hidden] {
    display: none !important;
  }

  /* Flex columns: the gap spaces every block, the author's slotted markup included. */
  .base,
  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  .base {
    position: relative;
    padding: var(--_padding);
    background: var(--_background);
    border: var(--_border);
    border-radius: var(--_radius);
  }

  .body {
    gap: 1em;
  }

  .base > *,
  .body > *,
  ::slotted(*) {
    margin: 0;
  }

  .category {
    color: var(--_accent);
    font-size: 0.875em;
    font-weight: 700;
  }

  .headline {
    font-size: var(--_headline-size);
    line-height: 1.3;
  }

  .teaser .headline {
    font-size: calc(var(--_headline-size) * 0.75);
  }

  .link {
    color: inherit;
    text-decoration: none;
  }

  .link:hover {
    text-decoration: underline;
  }

  .link:focus-visible {
    outline: 2px solid var(--_accent);
  }

  /* Teaser: the headline link covers the whole card, so nothing interactive is nested. */
  .teaser .link::after {
    content: '';
    position: absolute;
    inset: 0;
  }

  .deck,
  .byline {
    color: var(--_muted);
    font-size: 1.125em;
    line-height: 1.5;
  }

  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    font-size: 0.875em;
  }

  /* Stretched to the column's width: a percentage width gets WebKit's ratio wrong. */
  .image {
    aspect-ratio: var(--_image-ratio);
    object-fit: cover;
  }

  .section-heading {
    margin-block-start: 0.5em;
    font-size: 1.125em;
  }
`;
