import type { ArticleCard } from '../../src/article-card/article-card.js';
import type { ArticleFeed } from '../../src/feed/article-feed.js';
import sample from '../../demo/data/sample-article.json';

/** The project's sample article (a fresh copy each time). */
export function sampleArticle(): ArticleFeed {
  return structuredClone(sample) as ArticleFeed;
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The first node of a part, if rendered. */
export function part(el: ArticleCard, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Text of a part of the card. */
export function partText(el: ArticleCard, name: string): string {
  return text(part(el, name));
}

/** Tag names and texts of the rendered body blocks. */
export function bodyBlocks(el: ArticleCard): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part="body"] > *')].map(
    (node) => `${node.localName}: ${text(node)}`,
  );
}

/** The card's JSON-LD scripts in its light DOM. */
export function jsonLdScripts(el: ArticleCard): HTMLScriptElement[] {
  return [...el.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')];
}
