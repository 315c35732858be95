import { define } from './define.js';
import { ArticleCard } from '../article-card/article-card.js';

define('article-card', ArticleCard);

export { ArticleCard };

declare global {
  interface HTMLElementTagNameMap {
    'article-card': ArticleCard;
  }
}
