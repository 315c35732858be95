import { css } from 'lit';

export const articleCardStyles = css`
  /* Values used in more than one rule get a private name; the others read the public one where used. */
  :host {
    --_accent: var(--article-card-accent-color, light-dark(#0a58ca, #8ab4f8));
    --_headline-size: var(--article-card-headline-size, 1.75em);

    display: block;
    color: var(--article-card-color, light-dark(#1f2328, #e8eaed));
    line-height: 1.75;
    word-break: keep-all;
    overflow-wrap: break-word;
  }

  /* Flex columns: the gap spaces every block, the author's slotted markup included. */
  .base,
  .body {
    display: flex;
    flex-direction: column;
    gap: var(--article-card-gap, 0.75em);
  }

  .base {
    position: relative;
    padding: var(--article-card-padding, 0);
    background: var(--article-card-background, transparent);
    border: var(--article-card-border, none);
    border-radius: var(--article-card-radius, 0);
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
    color: var(--article-card-muted-color, light-dark(#57606a, #a8b0ba));
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
    aspect-ratio: var(--article-card-image-ratio, 16 / 9);
    object-fit: cover;
  }

  .section-heading {
    margin-block-start: 0.5em;
    font-size: 1.125em;
  }
`;
