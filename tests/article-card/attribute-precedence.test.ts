import { expect, fixture, nextFrame, oneEvent } from '@open-wc/testing';
import '../../src/define/article-card.js';
import type { ArticleCard } from '../../src/article-card/article-card.js';
import type { ArticleFeed } from '../../src/feed/article-feed.js';
import { bodyBlocks, jsonLdScripts, part, partText } from './support.js';

// The rule: `data` or the `src` feed supplies the article; an attribute the author writes wins
// over the same field; the element's own content, when it has any, is the body.

type Source = 'data' | 'src';
const SOURCES: readonly Source[] = ['data', 'src'];

let served = 0;

/** A fresh URL of the test server's article with every field (no two cards share a feed). */
function feedUrl(steps = 'article-all'): string {
  served += 1;
  return `/feeds/seq/precedence-${Date.now()}-${served}?steps=${steps}`;
}

/** The article the test server serves, read once. */
let FEED: ArticleFeed;

before(async () => {
  FEED = (await (await fetch(feedUrl())).json()) as ArticleFeed;
});

/** After light-DOM changes: the observer has run and the card has rendered. */
async function settled(el: ArticleCard): Promise<void> {
  await nextFrame();
  await el.updateComplete;
}

/** A card with `attributes` and light-DOM `content`, showing the feed through `source`. */
async function card(
  source: Source,
  attributes: Record<string, string> = {},
  content = '',
  url = feedUrl(),
): Promise<ArticleCard> {
  const el = document.createElement('article-card');
  el.setAttribute('structured-data', '');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = content;
  if (source === 'data') {
    el.data = structuredClone(FEED);
    await fixture(el);
  } else {
    el.src = url;
    const loaded = oneEvent(el, 'article-card-load');
    await fixture(el);
    await loaded;
  }
  await settled(el);
  return el;
}

function jsonLd(el: ArticleCard): Record<string, unknown> {
  const scripts = jsonLdScripts(el);
  expect(scripts, 'one JSON-LD script').to.have.length(1);
  return JSON.parse(scripts[0]!.textContent!) as Record<string, unknown>;
}

interface FieldCase {
  readonly attribute: string;
  readonly feed: Exclude<keyof ArticleFeed, 'version' | 'body'>;
  readonly author: string;
  /** What a reader meets of the field. */
  readonly shown: (el: ArticleCard) => string | null | undefined;
  /** The field in the JSON-LD, if it is there. */
  readonly structured?: (json: Record<string, unknown>) => unknown;
}

const name = (value: unknown): unknown => (value as { name?: unknown } | undefined)?.name;

const FIELDS: readonly FieldCase[] = [
  {
    attribute: 'category',
    feed: 'category',
    author: '작성자 분류',
    shown: (el) => partText(el, 'category'),
    structured: (json) => json.articleSection,
  },
  {
    attribute: 'headline',
    feed: 'headline',
    author: '작성자 제목',
    shown: (el) => partText(el, 'headline'),
    structured: (json) => json.headline,
  },
  {
    attribute: 'deck',
    feed: 'deck',
    author: '작성자 부제',
    shown: (el) => partText(el, 'deck'),
    structured: (json) => json.description,
  },
  {
    attribute: 'publisher',
    feed: 'publisher',
    author: '작성자신문',
    shown: (el) => partText(el, 'byline'),
    structured: (json) => name(json.publisher),
  },
  {
    attribute: 'reporter',
    feed: 'reporter',
    author: '박작성',
    shown: (el) => partText(el, 'byline'),
    structured: (json) => name(json.author),
  },
  {
    attribute: 'published',
    feed: 'published',
    author: '2025-08-02T10:30:00+09:00',
    shown: (el) => part(el, 'date')?.getAttribute('datetime'),
    structured: (json) => json.datePublished,
  },
  {
    attribute: 'href',
    feed: 'href',
    author: 'https://news.example/author-article',
    shown: (el) => (part(el, 'link') as HTMLAnchorElement | null)?.href,
    structured: (json) => json.url,
  },
  {
    attribute: 'image',
    feed: 'image',
    author: 'https://news.example/author-lead.jpg',
    shown: (el) => part(el, 'image')?.getAttribute('src'),
    structured: (json) => json.image,
  },
  {
    attribute: 'image-alt',
    feed: 'imageAlt',
    author: '작성자 사진 설명',
    shown: (el) => part(el, 'image')?.getAttribute('alt'),
  },
];

/** The field shows `expected` to the reader and in the JSON-LD, and not `other`. */
function expectField(el: ArticleCard, field: FieldCase, expected: string, other: string): void {
  const shown = field.shown(el) ?? '';
  expect(shown, `${field.attribute} shown`).to.include(expected);
  expect(shown, `${field.attribute} shown`).to.not.include(other);
  if (field.structured)
    expect(field.structured(jsonLd(el)), `${field.attribute} in JSON-LD`).to.equal(expected);
}

describe('<article-card> attributes the author writes', () => {
  for (const source of SOURCES) {
    describe(`over the ${source === 'data' ? '`data` property' : '`src` feed'}`, () => {
      for (const field of FIELDS) {
        it(`${field.attribute}: the attribute wins, and removing it shows the feed's again`, async () => {
          const fromFeed = FEED[field.feed]!;
          const el = await card(source);
          expectField(el, field, fromFeed, field.author);

          el.setAttribute(field.attribute, field.author);
          await el.updateComplete;
          expectField(el, field, field.author, fromFeed);

          el.removeAttribute(field.attribute);
          await el.updateComplete;
          expectField(el, field, fromFeed, field.author);
        });
      }

      it('shows every attribute written at once, with the feed filling nothing in', async () => {
        const attributes = Object.fromEntries(FIELDS.map((field) => [field.attribute, field.author]));
        const el = await card(source, attributes);
        for (const field of FIELDS) expectField(el, field, field.author, FEED[field.feed]!);
      });

      it('takes a usable attribute, and the feed for a blank text, a URL that is not http(s) and a date that is not ISO 8601', async () => {
        const el = await card(source, {
          deck: '작성자 부제',
          headline: '   ',
          href: 'javascript:alert(1)',
          image: 'data:image/png;base64,AAAA',
          published: '2025-08-02 10:30',
        });
        expect(partText(el, 'deck')).to.equal('작성자 부제');
        expect(partText(el, 'headline')).to.equal(FEED.headline);
        expect((part(el, 'link') as HTMLAnchorElement).href).to.equal(FEED.href);
        expect(part(el, 'image')!.getAttribute('src')).to.equal(FEED.image);
        expect(part(el, 'date')!.getAttribute('datetime')).to.equal(FEED.published);
        expect(jsonLd(el)).to.include({ headline: FEED.headline, url: FEED.href, image: FEED.image });
      });

      it('describes an image with the text written for it: image-alt="" is decorative, an own image takes no feed text', async () => {
        const el = await card(source, { 'image-alt': '' });
        expect(part(el, 'image')!.getAttribute('src')).to.equal(FEED.image);
        expect(part(el, 'image')!.getAttribute('alt')).to.equal('');
        el.removeAttribute('image-alt');
        el.setAttribute('image', 'https://news.example/author-lead.jpg');
        await el.updateComplete;
        // The feed's text describes the feed's picture, not this one.
        expect(part(el, 'image')!.getAttribute('alt')).to.equal('');
        el.setAttribute('image-alt', '작성자 사진 설명');
        await el.updateComplete;
        expect(part(el, 'image')!.getAttribute('alt')).to.equal('작성자 사진 설명');
      });

      it('counts a property set by script like the attribute', async () => {
        const el = await card(source);
        el.headline = '스크립트 제목';
        await el.updateComplete;
        expect(partText(el, 'headline')).to.equal('스크립트 제목');
        el.headline = undefined;
        await el.updateComplete;
        expect(partText(el, 'headline')).to.equal(FEED.headline);
      });
    });

    describe(`body, over the ${source === 'data' ? '`data` property' : '`src` feed'}`, () => {
      const FEED_BLOCKS = ['p: 피드 첫 문단.', 'h3: 피드 소제목', 'p: 피드 둘째 문단.'];

      function slotted(el: ArticleCard): string[] | null {
        const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('[part="body"] > slot');
        // The JSON-LD script the card writes is a child too, and shows nothing.
        return (
          slot &&
          slot
            .assignedElements()
            .filter((node) => node.localName !== 'script')
            .map((node) => `${node.localName}: ${node.textContent}`)
        );
      }

      it("shows the element's own content instead of the feed's body, and the feed's body without it", async () => {
        const el = await card(source, {}, '<p>작성자 본문</p><h3>작성자 소제목</h3>');
        expect(slotted(el)).to.deep.equal(['p: 작성자 본문', 'h3: 작성자 소제목']);
        expect(bodyBlocks(el)).to.deep.equal(['slot: ']);

        el.replaceChildren();
        await settled(el);
        expect(slotted(el)).to.equal(null);
        expect(bodyBlocks(el)).to.deep.equal(FEED_BLOCKS);

        // Blank text is no content.
        el.append('\n   ');
        await settled(el);
        expect(bodyBlocks(el)).to.deep.equal(FEED_BLOCKS);

        el.append(Object.assign(document.createElement('p'), { textContent: '다시 쓴 본문' }));
        await settled(el);
        expect(slotted(el)).to.deep.equal(['p: 다시 쓴 본문']);
      });

      it('counts plain text as content, and not the JSON-LD script the card writes', async () => {
        const el = await card(source);
        expect(jsonLdScripts(el)).to.have.length(1);
        expect(bodyBlocks(el)).to.deep.equal(FEED_BLOCKS);
        el.append('작성자가 쓴 한 줄');
        await settled(el);
        expect(slotted(el)).to.deep.equal([]);
        expect(
          el
            .shadowRoot!.querySelector<HTMLSlotElement>('[part="body"] > slot')!
            .assignedNodes()
            .map((node) => node.textContent),
        ).to.include('작성자가 쓴 한 줄');
      });
    });
  }

  describe('teaser', () => {
    it('links to the href written on the element when the feed has none, with one link only', async () => {
      const el = document.createElement('article-card');
      el.setAttribute('variant', 'teaser');
      el.setAttribute('href', 'https://news.example/articles/1');
      el.setAttribute('structured-data', '');
      el.src = feedUrl('article');
      const loaded = oneEvent(el, 'article-card-load');
      await fixture(el);
      const { detail } = await loaded;
      expect(detail.href).to.equal(undefined);
      await el.updateComplete;
      const link = part(el, 'link') as HTMLAnchorElement;
      expect(link.href).to.equal('https://news.example/articles/1');
      expect(link.textContent).to.equal('점자 안내판이 늘었다');
      expect(
        el.shadowRoot!.querySelectorAll('a, button, input, select, textarea, [tabindex]'),
      ).to.have.length(1);
      expect(jsonLd(el).url).to.equal('https://news.example/articles/1');

      el.removeAttribute('href');
      await el.updateComplete;
      expect(part(el, 'link')).to.equal(null);
      expect(partText(el, 'headline')).to.equal('점자 안내판이 늘었다');
      expect(jsonLd(el)).to.not.have.property('url');
    });
  });

  it('takes data instead of src, with the attributes still winning', async () => {
    const el = document.createElement('article-card');
    el.setAttribute('deck', '작성자 부제');
    el.src = feedUrl('article');
    el.data = structuredClone(FEED);
    const loaded = oneEvent(el, 'article-card-load');
    await fixture(el);
    await loaded;
    await el.updateComplete;
    expect(partText(el, 'headline')).to.equal(FEED.headline);
    expect(partText(el, 'deck')).to.equal('작성자 부제');
    expect(partText(el, 'category')).to.equal(FEED.category);
    el.data = undefined;
    await el.updateComplete;
    expect(partText(el, 'headline')).to.equal('점자 안내판이 늘었다');
    expect(partText(el, 'deck')).to.equal('작성자 부제');
  });
});
