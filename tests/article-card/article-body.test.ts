import { expect } from '@open-wc/testing';
import { parseArticleBody } from '../../src/article-card/article-body.js';
import { formatByline } from '../../src/format/byline.js';

describe('parseArticleBody', () => {
  it('separates paragraphs by blank lines and reads "# " lines as headings', () => {
    expect(parseArticleBody('첫 문단.\n\n# 소제목\n\n둘째 문단.')).to.deep.equal([
      { heading: false, text: '첫 문단.' },
      { heading: true, text: '소제목' },
      { heading: false, text: '둘째 문단.' },
    ]);
  });

  it('joins the lines of one paragraph and ends a paragraph at a heading line', () => {
    expect(parseArticleBody('한 줄\r\n다음 줄\n# 제목\n이어지는 글\r\n\r\n\n\n끝')).to.deep.equal([
      { heading: false, text: '한 줄 다음 줄' },
      { heading: true, text: '제목' },
      { heading: false, text: '이어지는 글' },
      { heading: false, text: '끝' },
    ]);
  });

  it('keeps "#" without a space, "## " and indented "# " as paragraph text, and drops empty headings', () => {
    expect(parseArticleBody('#해시태그\n\n## 둘\n\n  # 들여쓴 줄\n\n# \n\n#')).to.deep.equal([
      { heading: false, text: '#해시태그' },
      { heading: false, text: '## 둘' },
      { heading: false, text: '# 들여쓴 줄' },
      { heading: false, text: '#' },
    ]);
  });

  it('keeps markup as the characters it is', () => {
    expect(parseArticleBody('<b>굵게</b>\n\n# <img src=x onerror=alert(1)>')).to.deep.equal([
      { heading: false, text: '<b>굵게</b>' },
      { heading: true, text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('gives nothing for an empty or blank body', () => {
    expect(parseArticleBody('')).to.deep.equal([]);
    expect(parseArticleBody(' \n\n \t')).to.deep.equal([]);
  });
});

describe('formatByline', () => {
  it('writes the Korean byline as the reference page does', () => {
    expect(formatByline('서울복지타임즈', '이재연', 'ko')).to.equal('서울복지타임즈 이재연 기자');
  });

  it('writes the English byline', () => {
    expect(formatByline('서울복지타임즈', '이재연', 'en')).to.equal('By 이재연, 서울복지타임즈');
  });

  it('leaves out a missing part', () => {
    expect(formatByline(undefined, '이재연', 'ko')).to.equal('이재연 기자');
    expect(formatByline('서울복지타임즈', ' ', 'ko')).to.equal('서울복지타임즈');
    expect(formatByline(undefined, '이재연', 'en')).to.equal('By 이재연');
    expect(formatByline('서울복지타임즈', undefined, 'en')).to.equal('서울복지타임즈');
    expect(formatByline(undefined, undefined, 'ko')).to.equal('');
  });
});
