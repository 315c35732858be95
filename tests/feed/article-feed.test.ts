import { expect } from '@open-wc/testing';
import { ARTICLE_LIMITS, validateArticleFeed } from '../../src/feed/article-feed.js';
import { formatProblem } from '../../src/feed/problems.js';

function good(): Record<string, unknown> {
  return {
    version: 1,
    category: '장애인',
    headline: '  도서관에 점자 안내가 늘었다  ',
    deck: '시각장애인 이용자 의견 반영',
    publisher: '서울복지타임즈',
    reporter: '이재연',
    published: '2025-08-01T09:00:00+09:00',
    href: 'https://example.com/news/1',
    image: 'http://example.com/a.jpg',
    imageAlt: '점자 안내판',
    body: 'First paragraph.\r\n\r\n# A section heading\r\n\r\nNext paragraph.',
  };
}

function lines(input: unknown): string[] {
  return validateArticleFeed(input).problems.map(formatProblem);
}

describe('validateArticleFeed', () => {
  it('keeps a good feed, trimmed, with \\n line ends', () => {
    const { value, problems } = validateArticleFeed(good());
    expect(problems).to.deep.equal([]);
    expect(value).to.deep.equal({
      version: 1,
      category: '장애인',
      headline: '도서관에 점자 안내가 늘었다',
      deck: '시각장애인 이용자 의견 반영',
      publisher: '서울복지타임즈',
      reporter: '이재연',
      published: '2025-08-01T09:00:00+09:00',
      href: 'https://example.com/news/1',
      image: 'http://example.com/a.jpg',
      imageAlt: '점자 안내판',
      body: 'First paragraph.\n\n# A section heading\n\nNext paragraph.',
    });
  });

  it('needs only version and headline; ignores unknown fields; null is absent', () => {
    const { value, problems } = validateArticleFeed({ version: 1, headline: 'H', deck: null, extra: [1] });
    expect(problems).to.deep.equal([]);
    expect(value).to.deep.equal({ version: 1, headline: 'H' });
  });

  it('rejects what is not an object, a wrong version or a missing headline', () => {
    expect(lines('x')).to.deep.equal(['(feed): expected an object, got "x"']);
    expect(lines([])).to.deep.equal(['(feed): expected an object, got an array']);
    expect(validateArticleFeed({ version: 2, headline: 'H' }).value).to.equal(undefined);
    expect(lines({ version: 2, headline: 'H' })).to.deep.equal(['version: expected 1, got 2']);
    expect(lines({ version: 1, headline: '   ' })).to.deep.equal(['headline: required']);
    expect(lines({ version: 1 })).to.deep.equal(['headline: required']);
    const wrongType = validateArticleFeed({ version: 1, headline: 42 });
    expect(wrongType.value).to.equal(undefined);
    expect(wrongType.problems.map(formatProblem)).to.deep.equal(['headline: expected a string, got 42']);
  });

  it('drops non-http(s) URLs and reports them', () => {
    const { value, problems } = validateArticleFeed({
      ...good(),
      href: 'javascript:alert(1)',
      image: 'data:image/png;base64,AAAA',
    });
    expect(value?.href).to.equal(undefined);
    expect(value?.image).to.equal(undefined);
    expect(problems.map(formatProblem)).to.deep.equal([
      'href: expected an http(s) URL, got "javascript:alert(1)"; left out',
      'image: expected an http(s) URL, got "data:image/png;base64,AAAA"; left out',
    ]);
    for (const bad of [
      '//example.com/x',
      '/news/1',
      'https://',
      'https:// x',
      'ftp://example.com',
      'https://[::1',
      7,
    ]) {
      const result = validateArticleFeed({ version: 1, headline: 'H', href: bad });
      expect(result.value?.href, String(bad)).to.equal(undefined);
      expect(result.problems, String(bad)).to.have.length(1);
    }
    expect(
      validateArticleFeed({ version: 1, headline: 'H', href: 'HTTPS://Example.com' }).value?.href,
    ).to.equal('HTTPS://Example.com');
  });

  it('drops a published time without an offset or on a day that does not exist', () => {
    for (const bad of ['2025-08-01', '2025-08-01T09:00:00', '2025-02-30T09:00:00+09:00', '어제', 20250801]) {
      const { value, problems } = validateArticleFeed({ version: 1, headline: 'H', published: bad });
      expect(value?.published, String(bad)).to.equal(undefined);
      expect(problems[0]?.path, String(bad)).to.equal('published');
    }
    const leap = validateArticleFeed({ version: 1, headline: 'H', published: '2024-02-29T23:59Z' });
    expect(leap.value?.published).to.equal('2024-02-29T23:59Z');
  });

  it('cuts over-long text and reports it', () => {
    const long = 'ㄱ'.repeat(ARTICLE_LIMITS.headline + 10);
    const { value, problems } = validateArticleFeed({ version: 1, headline: long });
    expect(value?.headline).to.have.length(ARTICLE_LIMITS.headline);
    expect(problems.map(formatProblem)).to.deep.equal([
      `headline: longer than ${ARTICLE_LIMITS.headline} characters; cut`,
    ]);
    // Never leaves half of a surrogate pair.
    const emoji = 'a'.repeat(ARTICLE_LIMITS.category - 1) + '😀😀';
    expect(validateArticleFeed({ version: 1, headline: 'H', category: emoji }).value?.category).to.equal(
      'a'.repeat(ARTICLE_LIMITS.category - 1),
    );
  });

  it('keeps markup as plain text', () => {
    const markup = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const { value, problems } = validateArticleFeed({ version: 1, headline: markup, body: markup });
    expect(problems).to.deep.equal([]);
    expect(value?.headline).to.equal(markup);
    expect(value?.body).to.equal(markup);
  });

  it('reports wrong types by field and keeps the rest', () => {
    const { value, problems } = validateArticleFeed({
      ...good(),
      deck: ['a'],
      body: { text: 'x' },
      imageAlt: NaN,
    });
    expect(value?.headline).to.equal('도서관에 점자 안내가 늘었다');
    expect(value?.deck).to.equal(undefined);
    expect(value?.body).to.equal(undefined);
    expect(problems.map(formatProblem)).to.deep.equal([
      'deck: expected a string, got an array',
      'imageAlt: expected a string, got NaN',
      'body: expected a string, got an object',
    ]);
  });
});
