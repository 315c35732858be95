import { css } from 'lit';

export const articleCardStyles = css`
  /* Each public custom property is read once, here, into a private one: the defaults live in
     this block alone. Colours default to the text colour of the place the card sits in, and the
     muted tone is that colour faded: no light-dark() or color-mix(), which older browsers drop
     along with the whole declaration. */
  :host {
    --_color: var(--article-card-color, currentColor);
    --_muted: var(--article-card-muted-color, currentColor);
    /* Faded by default, as far as keeps white text on a red bar at 4.5:1; a muted colour set by
       the author makes this invalid, so opacity falls back to 1 and the colour shows as given. */
    --_muted-opacity: var(--article-card-muted-color, 0.85);
    --_accent: var(--article-card-accent-color, currentColor);
    --_background: var(--article-card-background, transparent);
    --_border: var(--article-card-border, none);
    --_radius: var(--article-card-radius, 0);
    --_padding: var(--article-card-padding, 0);
    --_gap: var(--article-card-gap, 0.75em);
    --_headline-size: var(--article-card-headline-size, 1.75em);
    --_image-ratio: var(--article-card-image-ratio, 16 / 9);
    --_focus-ring: 2px solid var(--_accent);

    color: var(--_color);
    line-height: 1.75;
    overflow-wrap: break-word;
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

  /* Teaser: the headline link covers the whole card, so nothing interactive is nested. Above
     the faded deck and byline too, which opacity paints over plain positioned boxes. */
  .teaser .link::after {
    content: '';
    position: absolute;
    /* Not inset: 0, which Chrome before 87 lacks. */
    top: 0;
    right: 0;
    bottom: 0;
    left: 0;
    z-index: 1;
  }

  .deck,
  .byline {
    color: var(--_muted);
    opacity: var(--_muted-opacity);
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
