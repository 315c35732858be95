import '../src/index.js';
import { Playground } from './playground/app.js';

const playground = new Playground();
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

$<HTMLTextAreaElement>('feed-text').addEventListener('input', (event) =>
  playground.handleFeedInput((event.target as HTMLTextAreaElement).value),
);
$('feed-format').addEventListener('click', () => playground.formatFeed());
$('feed-reset').addEventListener('click', () => playground.resetFeed());
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="editing"]')) {
  radio.addEventListener('change', () =>
    playground.chooseEditor(radio.value === 'article' ? 'article' : 'weather'),
  );
}
$('copy-embed').addEventListener('click', () => void playground.copyEmbed());
$<HTMLInputElement>('include-card').addEventListener('change', (event) =>
  playground.setIncludeCard((event.target as HTMLInputElement).checked),
);
