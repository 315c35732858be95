import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import '../../src/define/article-card.js';
import type { ArticleCard } from '../../src/article-card/article-card.js';
import type { FeedProblem } from '../../src/feed/problems.js';
import { bodyBlocks, jsonLdScripts, part, partText, sampleArticle } from './support.js';

const SAMPLE_BLOCKS = [
  "p: 서울 시내 구립도서관의 장애인 독서 공간 '모두의 서가'가 올해 하반기 20곳으로 늘어난다. 지금까지는 7곳에서만 점자 도서와 음성 도서를 한자리에서 빌릴 수 있었다.",
  "p: '모두의 서가'는 점자 도서와 큰글자 도서, 음성 도서를 한 서가에 모아 두고 화면낭독 프로그램을 갖춘 열람석과 확대 독서기를 함께 둔 공간이다. 이용자는 같은 책을 자신에게 맞는 형식으로 골라 빌릴 수 있다.",
  'p: 그동안 이용자들은 가까운 도서관에 원하는 형식의 책이 없으면 먼 도서관까지 찾아가거나 몇 주씩 기다려야 했다.',
  'h3: 집 앞 도서관에서 빌리고, 집에서 받는다',
  'p: 새로 여는 서가에서는 도서관 사이 상호대차를 장애인 이용자에게 먼저 적용한다. 다른 도서관에 있는 음성 도서도 신청하고 사흘 안에 가까운 도서관에서 받을 수 있다.',
  'p: 외출이 어려운 이용자를 위한 책 배달도 늘린다. 전화나 문자로 신청하면 점자 도서와 음성 도서 재생기를 집까지 가져다주고, 반납할 때도 다시 찾아간다.',
  'h3: 이용자가 고른 책으로 서가를 채운다',
  'p: 서가에 들일 책은 이용자 모임의 추천을 받아 정한다. 지난해 시범 운영 때 가장 많이 요청된 분야는 요리와 건강, 여행 안내서였다.',
  'p: 도서관 측은 "읽는 방법이 다를 뿐 읽고 싶은 마음은 같다"며 "누구나 같은 날 같은 책을 빌릴 수 있는 도서관을 만들겠다"고 밝혔다.',
];

const HEADLINE = "점자·큰글자·음성 도서 한곳에… 구립도서관 '모두의 서가' 20곳으로 늘린다";

/** A card declared in HTML, with its body as light-DOM content. */
function declared(variant: 'full' | 'teaser', extra = ''): Promise<ArticleCard> {
  const el = document.createElement('article-card');
  el.innerHTML = `<p>첫 문단에 <strong>강조</strong>와 <a href="https://news.example/more">링크</a>.</p><h3>작성자의 소제목</h3><p>둘째 문단.</p>`;
  for (const [name, value] of Object.entries({
    variant,
    category: '장애인',
    headline: '작성자가 쓴 제목',
    deck: '한 줄 부제',
    publisher: '서울복지타임즈',
    reporter: '이재연',
    published: '2025-08-01T09:00:00+09:00',
    href: 'https://news.example/articles/1',
  })) {
    el.setAttribute(name, value);
  }
  if (extra) el.setAttribute('time-zone', extra);
  return fixture<ArticleCard>(el);
}

describe('<article-card>', () => {
  describe('defaults', () => {
    it('renders the sample article in full, as the reference page does', async () => {
      const el = await fixture<ArticleCard>(html`<article-card .data=${sampleArticle()}></article-card>`);
      expect(partText(el, 'category')).to.equal('장애인');
      expect(partText(el, 'headline')).to.equal(HEADLINE);
      expect(part(el, 'headline')!.localName).to.equal('h2');
      expect(partText(el, 'deck')).to.equal(
        '시각장애인과 저시력 주민이 집 가까운 도서관에서 원하는 형식으로 책을 빌리도록 상호대차와 배달도 넓힌다',
      );
      expect(partText(el, 'byline')).to.equal('서울복지타임즈 이재연 기자 2025.08.01 09:00');
      const time = part(el, 'date')!;
      expect(time.localName).to.equal('time');
      expect(time.textContent).to.equal('2025.08.01 09:00');
      expect(time.getAttribute('datetime')).to.equal('2025-08-01T09:00:00+09:00');
      expect(bodyBlocks(el)).to.deep.equal(SAMPLE_BLOCKS);
    });

    it('is an <article> named by its headline, full, level 2, Korean, in Asia/Seoul', async () => {
      const el = await fixture<ArticleCard>(html`<article-card .data=${sampleArticle()}></article-card>`);
      const base = part(el, 'base')!;
      expect(base.localName).to.equal('article');
      const labelledBy = base.getAttribute('aria-labelledby')!;
      expect(el.shadowRoot!.getElementById(labelledBy)).to.equal(part(el, 'headline'));
      expect(el.variant).to.equal('full');
      expect(el.headingLevel).to.equal(2);
      expect(el.lang).to.equal('ko');
      expect(el.timeZone).to.equal('Asia/Seoul');
      expect(el.structuredData).to.be.false;
    });

    it('renders an empty article, with no heading and no name, when it has nothing', async () => {
      const el = await fixture<ArticleCard>(html`<article-card></article-card>`);
      const base = part(el, 'base')!;
      expect(base.hasAttribute('aria-labelledby')).to.be.false;
      expect(el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, p, time, img')).to.be.null;
      expect(el.shadowRoot!.querySelector('[part="body"] > slot')).to.exist;
    });
  });

  describe('attributes', () => {
    it("renders the full variant from attributes with the light-DOM body, the author's markup kept", async () => {
      const el = await declared('full');
      expect(partText(el, 'headline')).to.equal('작성자가 쓴 제목');
      expect(partText(el, 'byline')).to.equal('서울복지타임즈 이재연 기자 2025.08.01 09:00');
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('[part="body"] > slot')!;
      const assigned = slot.assignedElements().map((node) => node.localName);
      expect(assigned).to.deep.equal(['p', 'h3', 'p']);
      expect(el.querySelector('p strong')!.textContent).to.equal('강조');
      // In full, the headline links without covering the body's own links.
      const link = part(el, 'link') as HTMLAnchorElement;
      expect(link.href).to.equal('https://news.example/articles/1');
      expect(getComputedStyle(link, '::after').position).to.not.equal('absolute');
    });

    it('renders the teaser variant: a headline link, no body, nothing else interactive', async () => {
      const el = await declared('teaser');
      expect(partText(el, 'category')).to.equal('장애인');
      expect(partText(el, 'deck')).to.equal('한 줄 부제');
      expect(partText(el, 'byline')).to.equal('서울복지타임즈 이재연 기자 2025.08.01 09:00');
      expect(part(el, 'body')).to.be.null;
      expect(el.shadowRoot!.querySelector('slot')).to.be.null;
      const link = el.shadowRoot!.querySelector('h2 > a')! as HTMLAnchorElement;
      expect(link.textContent).to.equal('작성자가 쓴 제목');
      expect(link.getAttribute('href')).to.equal('https://news.example/articles/1');
      expect(
        el.shadowRoot!.querySelectorAll('a, button, input, select, textarea, [tabindex]'),
      ).to.have.length(1);
    });

    it('makes the whole teaser clickable through the headline link', async () => {
      const el = await declared('teaser');
      const link = part(el, 'link')!;
      for (const name of ['category', 'deck', 'byline']) {
        const box = part(el, name)!.getBoundingClientRect();
        const hit = el.shadowRoot!.elementFromPoint(box.left + 2, box.top + box.height / 2);
        expect(hit, name).to.equal(link);
      }
    });

    it('changes the headline level with heading-level; section headings are one below, at most 6', async () => {
      for (const [level, headline, section] of [
        ['1', 'h1', 'h2'],
        ['4', 'h4', 'h5'],
        ['6', 'h6', 'h6'],
        ['9', 'h6', 'h6'],
        ['x', 'h2', 'h3'],
      ] as const) {
        const el = await fixture<ArticleCard>(
          html`<article-card heading-level=${level} .data=${sampleArticle()}></article-card>`,
        );
        expect(part(el, 'headline')!.localName, level).to.equal(headline);
        const sections = [...el.shadowRoot!.querySelectorAll('[part="section-heading"]')];
        expect(
          sections.map((node) => node.localName),
          level,
        ).to.deep.equal([section, section]);
      }
    });

    it('writes the byline and the date in English with lang="en"', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card lang="en" .data=${sampleArticle()}></article-card>`,
      );
      expect(partText(el, 'byline')).to.equal('By 이재연, 서울복지타임즈 Aug 1, 2025, 9:00 AM');
      expect(partText(el, 'date')).to.equal('Aug 1, 2025, 9:00 AM');
    });

    it("shows the date in Asia/Seoul whatever the reader's zone, or in time-zone", async () => {
      // 23:30 UTC on 31 July is already 1 August in Seoul.
      const el = await fixture<ArticleCard>(
        html`<article-card headline="제목" published="2025-07-31T23:30:00Z"></article-card>`,
      );
      expect(partText(el, 'date')).to.equal('2025.08.01 08:30');
      expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2025-07-31T23:30:00Z');
      el.timeZone = 'America/New_York';
      await el.updateComplete;
      expect(partText(el, 'date')).to.equal('2025.07.31 19:30');
    });

    it('uses only http: and https: URLs for href and image', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card
          variant="teaser"
          headline="제목"
          href="javascript:alert(1)"
          image="javascript:alert(2)"
        ></article-card>`,
      );
      expect(part(el, 'link')).to.be.null;
      expect(partText(el, 'headline')).to.equal('제목');
      expect(part(el, 'image')).to.be.null;
      el.image = 'https://[not a host]/lead.jpg';
      await el.updateComplete;
      expect(part(el, 'image')).to.be.null;
      el.image = 'data:image/png;base64,AAAA';
      el.href = ' JavaScript:alert(1)';
      await el.updateComplete;
      expect(part(el, 'image')).to.be.null;
      expect(part(el, 'link')).to.be.null;
      el.href = '/articles/7';
      el.image = 'http://127.0.0.1:1/lead.jpg';
      await el.updateComplete;
      expect((part(el, 'link') as HTMLAnchorElement).href).to.equal(
        new URL('/articles/7', document.baseURI).href,
      );
      expect(part(el, 'image')!.getAttribute('src')).to.equal('http://127.0.0.1:1/lead.jpg');
    });

    it('shows the image lazily, in a fixed aspect ratio, decorative without image-alt', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card
          headline="제목"
          image="/feeds/lead.jpg"
          image-alt="도서관 서가 앞의 이용자"
        ></article-card>`,
      );
      const img = part(el, 'image') as HTMLImageElement;
      expect(img.alt).to.equal('도서관 서가 앞의 이용자');
      expect(img.loading).to.equal('lazy');
      // Not loaded (404), the image still takes its 16:9 box.
      const { width, height } = img.getBoundingClientRect();
      expect(width).to.be.greaterThan(0);
      expect(width / height).to.be.closeTo(16 / 9, 0.05);
      el.imageAlt = undefined;
      await el.updateComplete;
      expect(img.getAttribute('alt')).to.equal('');
    });

    it('shows no date for a published value that is not an ISO date-time with an offset', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card publisher="서울복지타임즈" published="2025-08-01 09:00"></article-card>`,
      );
      expect(part(el, 'date')).to.be.null;
      expect(partText(el, 'byline')).to.equal('서울복지타임즈');
    });
  });

  describe('theming', () => {
    it('reads --article-card-* custom properties from any ancestor', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div
          style="--article-card-accent-color: rgb(1, 2, 3); --article-card-padding: 7px; --article-card-image-ratio: 1"
        >
          <article-card category="장애인" headline="제목" image="/feeds/lead.jpg"></article-card>
        </div>`,
      );
      const el = wrapper.querySelector('article-card')!;
      await el.updateComplete;
      expect(getComputedStyle(part(el, 'category')!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part(el, 'base')!).paddingTop).to.equal('7px');
      const { width, height } = part(el, 'image')!.getBoundingClientRect();
      expect(width).to.be.closeTo(height, 1);
    });

    it('keeps Korean words whole', async () => {
      const el = await fixture<ArticleCard>(html`<article-card headline="제목"></article-card>`);
      expect(getComputedStyle(part(el, 'headline')!).wordBreak).to.equal('keep-all');
    });
  });

  describe('data', () => {
    it('fills in what the attributes and the light DOM leave out, and gives way when removed', async () => {
      const el = await declared('full');
      el.removeAttribute('deck');
      el.data = sampleArticle();
      await el.updateComplete;
      // What the author wrote wins; the data gives the rest.
      expect(partText(el, 'headline')).to.equal('작성자가 쓴 제목');
      expect(partText(el, 'deck')).to.equal(sampleArticle().deck);
      expect(el.shadowRoot!.querySelector('[part="body"] > slot')).to.exist;
      el.replaceChildren();
      await nextFrame();
      await el.updateComplete;
      expect(bodyBlocks(el)).to.deep.equal(SAMPLE_BLOCKS);
      el.data = undefined;
      await el.updateComplete;
      expect(partText(el, 'headline')).to.equal('작성자가 쓴 제목');
      expect(part(el, 'deck')).to.be.null;
      expect(el.shadowRoot!.querySelector('[part="body"] > slot')).to.exist;
    });

    it("shows markup in the feed's text as text", async () => {
      const data = {
        ...sampleArticle(),
        headline: '<b>제목</b>',
        deck: '<i>부제</i>',
        body: '<img src=x onerror="window.__hacked = true">\n\n# <script>window.__hacked = true</script>\n\n<a href="https://news.example/">링크</a>',
      };
      const el = await fixture<ArticleCard>(html`<article-card .data=${data}></article-card>`);
      expect(partText(el, 'headline')).to.equal('<b>제목</b>');
      expect(partText(el, 'deck')).to.equal('<i>부제</i>');
      expect(bodyBlocks(el)).to.deep.equal([
        'p: <img src=x onerror="window.__hacked = true">',
        'h3: <script>window.__hacked = true</script>',
        'p: <a href="https://news.example/">링크</a>',
      ]);
      expect(el.shadowRoot!.querySelector('b, i, img, script, [part="body"] a')).to.be.null;
      expect((window as { __hacked?: boolean }).__hacked).to.be.undefined;
    });

    it('renders a teaser from data', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card variant="teaser" .data=${sampleArticle()}></article-card>`,
      );
      expect((part(el, 'link') as HTMLAnchorElement).href).to.equal(
        'https://news.example/articles/2025/08/01/all-shelves',
      );
      expect(part(el, 'body')).to.be.null;
    });

    it('uses the light-DOM body when the data has none', async () => {
      const data = sampleArticle();
      delete data.body;
      const el = await fixture<ArticleCard>(html`<article-card .data=${data}><p>본문</p></article-card>`);
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('[part="body"] > slot')!;
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['본문']);
    });
  });

  describe('events', () => {
    it('loads the src feed, fires article-card-load and renders both variants from it', async () => {
      const el = document.createElement('article-card');
      el.src = '/feeds/article.json';
      const loaded = oneEvent(el, 'article-card-load');
      await fixture(el);
      const { detail } = await loaded;
      expect(detail.headline).to.equal(HEADLINE);
      await el.updateComplete;
      expect(partText(el, 'headline')).to.equal(HEADLINE);
      expect(bodyBlocks(el)).to.deep.equal(SAMPLE_BLOCKS);
      el.variant = 'teaser';
      await el.updateComplete;
      expect(part(el, 'body')).to.be.null;
      expect(partText(el, 'link')).to.equal(HEADLINE);
    });

    it('leaves the attributes and the light DOM alone when src is removed', async () => {
      const el = document.createElement('article-card');
      el.deck = '속성 부제';
      el.setAttribute('src', '/feeds/article.json');
      const loaded = oneEvent(el, 'article-card-load');
      await fixture(el);
      await loaded;
      await el.updateComplete;
      expect(partText(el, 'headline')).to.equal(HEADLINE);
      expect(partText(el, 'deck')).to.equal('속성 부제');
      el.removeAttribute('src');
      await el.updateComplete;
      expect(part(el, 'headline')).to.be.null;
      expect(partText(el, 'deck')).to.equal('속성 부제');
      expect(el.shadowRoot!.querySelector('[part="body"] > slot')).to.exist;
    });

    it('bubbles and crosses shadow roots', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('article-card');
      el.src = '/feeds/article.json';
      const loaded = oneEvent(wrapper, 'article-card-load');
      wrapper.append(el);
      const event = await loaded;
      expect(event.bubbles).to.be.true;
      expect(event.composed).to.be.true;
    });

    it('loses to the data property', async () => {
      const el = document.createElement('article-card');
      el.src = '/feeds/article.json';
      el.data = { ...sampleArticle(), headline: '데이터 제목' };
      const loaded = oneEvent(el, 'article-card-load');
      await fixture(el);
      await loaded;
      await el.updateComplete;
      expect(partText(el, 'headline')).to.equal('데이터 제목');
    });
  });

  describe('structured data', () => {
    it('writes one NewsArticle JSON-LD script into the light DOM', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card structured-data .data=${sampleArticle()}></article-card>`,
      );
      const scripts = jsonLdScripts(el);
      expect(scripts).to.have.length(1);
      expect(scripts[0]!.parentNode).to.equal(el);
      expect(JSON.parse(scripts[0]!.textContent!)).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: HEADLINE,
        description: sampleArticle().deck,
        articleSection: '장애인',
        datePublished: '2025-08-01T09:00:00+09:00',
        author: { '@type': 'Person', name: '이재연' },
        publisher: { '@type': 'Organization', name: '서울복지타임즈' },
        url: 'https://news.example/articles/2025/08/01/all-shelves',
      });
    });

    it('updates the same script in place and escapes "<" so that no text closes it', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card structured-data headline="첫 제목"></article-card>`,
      );
      const [script] = jsonLdScripts(el);
      el.headline = '</script><script>window.__hacked = true</script>';
      el.image = 'https://news.example/lead.jpg';
      await el.updateComplete;
      expect(jsonLdScripts(el)).to.deep.equal([script]);
      expect(script!.textContent).to.not.include('<');
      const json = JSON.parse(script!.textContent!);
      expect(json.headline).to.equal('</script><script>window.__hacked = true</script>');
      expect(json.image).to.equal('https://news.example/lead.jpg');
      expect((window as { __hacked?: boolean }).__hacked).to.be.undefined;
    });

    it('removes the script when structured-data is turned off, and with the element', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card structured-data headline="제목"></article-card>`,
      );
      el.structuredData = false;
      await el.updateComplete;
      expect(jsonLdScripts(el)).to.have.length(0);
      el.structuredData = true;
      await el.updateComplete;
      expect(jsonLdScripts(el)).to.have.length(1);
      el.remove();
      expect(document.querySelector('script[type="application/ld+json"]')).to.be.null;
    });

    it('writes nothing without the attribute', async () => {
      const el = await fixture<ArticleCard>(html`<article-card .data=${sampleArticle()}></article-card>`);
      expect(jsonLdScripts(el)).to.have.length(0);
    });
  });

  describe('accessibility', () => {
    it('passes axe in full from a feed body', async () => {
      const el = await fixture<ArticleCard>(html`<article-card .data=${sampleArticle()}></article-card>`);
      await expect(el).to.be.accessible();
    });

    it('passes axe in full from the light DOM', async () => {
      await expect(await declared('full')).to.be.accessible();
    });

    it('passes axe as a teaser', async () => {
      await expect(await declared('teaser')).to.be.accessible();
    });

    it('passes axe in English, with an image, at heading level 1, and with structured data', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card
          lang="en"
          heading-level="1"
          structured-data
          image="/feeds/lead.jpg"
          image-alt="서가"
          .data=${{ ...sampleArticle(), image: undefined }}
        ></article-card>`,
      );
      await expect(el).to.be.accessible();
    });

    it('passes axe in dark mode, in the text colour of the dark page', async () => {
      // A page in dark mode gets light system colours: the card takes its text colour.
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="color-scheme: dark; background: Canvas; color: CanvasText">
          <article-card variant="teaser" .data=${sampleArticle()}></article-card>
        </div>`,
      );
      const el = wrapper.querySelector('article-card')!;
      await el.updateComplete;
      const pageText = getComputedStyle(wrapper).color;
      expect(pageText).to.not.equal('rgb(0, 0, 0)');
      expect(getComputedStyle(part(el, 'category')!).color).to.equal(pageText);
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('failure', () => {
    it('keeps the last good article after an error', async () => {
      const el = document.createElement('article-card');
      el.src = '/feeds/article.json';
      const loaded = oneEvent(el, 'article-card-load');
      await fixture(el);
      await loaded;
      const failed = oneEvent(el, 'article-card-error');
      el.src = '/feeds/missing.json';
      const { detail } = await failed;
      expect(detail.kind).to.equal('http');
      expect(detail.status).to.equal(404);
      await el.updateComplete;
      expect(partText(el, 'headline')).to.equal(HEADLINE);
      expect(bodyBlocks(el)).to.deep.equal(SAMPLE_BLOCKS);
    });

    it('reports a feed that is not JSON', async () => {
      const el = document.createElement('article-card');
      el.headline = '기존 제목';
      el.src = '/feeds/malformed.json';
      const failed = oneEvent(el, 'article-card-error');
      await fixture(el);
      const { detail } = await failed;
      expect(detail.kind).to.equal('parse');
      expect(partText(el, 'headline')).to.equal('기존 제목');
    });

    it('reports a feed that is not an article and keeps what it showed', async () => {
      const el = await fixture<ArticleCard>(html`<article-card headline="기존 제목"></article-card>`);
      const failed = oneEvent(el, 'article-card-error');
      el.src = '/feeds/weather.json';
      const { detail } = await failed;
      expect(detail.kind).to.equal('schema');
      expect(detail.problems!.map((problem: FeedProblem) => problem.path)).to.include('headline');
      expect(partText(el, 'headline')).to.equal('기존 제목');
    });

    it('ignores data that fails validation, with a warning, and uses only the valid parts of the rest', async () => {
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (message: unknown) => warnings.push(message);
      try {
        const el = await fixture<ArticleCard>(
          html`<article-card
            headline="속성 제목"
            .data=${{ version: 2, headline: '데이터 제목' } as never}
          ></article-card>`,
        );
        expect(partText(el, 'headline')).to.equal('속성 제목');
        el.data = { ...sampleArticle(), href: 'javascript:alert(1)' };
        await el.updateComplete;
        expect(partText(el, 'headline')).to.equal('속성 제목');
        expect(partText(el, 'deck')).to.equal(sampleArticle().deck);
        expect(part(el, 'link')).to.be.null;
        expect(warnings.map(String).join('\n')).to.include('version').and.to.include('href');
      } finally {
        console.warn = warn;
      }
    });

    it('falls back to Asia/Seoul for an unknown time-zone', async () => {
      const el = await fixture<ArticleCard>(
        html`<article-card time-zone="Mars/Olympus" published="2025-07-31T23:30:00Z"></article-card>`,
      );
      expect(partText(el, 'date')).to.equal('2025.08.01 08:30');
    });
  });
});
