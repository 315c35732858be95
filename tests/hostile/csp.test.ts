import { expect } from '@open-wc/testing';
import { until } from '../support/until.js';

interface Report {
  violations: string[];
  errors: string[];
}

type Frame = Window & { hostileReport: Report; trustedTypes?: unknown; console: Console };

/** A news page with a strict policy, in an iframe. */
async function strictPage(
  page = 'csp-meta',
): Promise<{ frame: HTMLIFrameElement; win: Frame; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 800px; block-size: 600px; border: 0';
  // The policy is the e2e test's, in a meta tag: the runners here cannot set response headers.
  frame.src = `/tests/fixtures/hostile/${page}.html`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as Frame, doc: frame.contentDocument! };
}

describe('a page with a strict Content-Security-Policy and Trusted Types', () => {
  it('renders, rolls and writes JSON-LD with no violation or error', async function () {
    this.timeout(20_000);
    const { frame, win, doc } = await strictPage();
    try {
      const root = (id: string) => doc.getElementById(id)?.shadowRoot;
      await until(() => root('strip')?.querySelectorAll('ul > li').length === 16, 'the strip');
      await until(() => root('marquee')?.querySelectorAll('ul > li').length === 16, 'the marquee');
      await until(
        () => root('declarative')?.querySelectorAll('ul > li').length === 1,
        'the declarative strip',
      );
      await until(() => root('full')?.querySelector('[part="body"] p'), 'the full card');
      await until(() => root('teaser')?.querySelector('[part="link"]'), 'the teaser');
      const track = root('strip')!.querySelector<HTMLElement>('.track')!;
      const before = track.style.transform;
      await until(() => track.style.transform !== before, 'the roll to move', 4000);
      const ld = [...doc.querySelectorAll('article-card > script[type="application/ld+json"]')].map(
        (script) => JSON.parse(script.textContent!) as { '@type': string },
      );
      expect(ld.map((entry) => entry['@type'])).to.deep.equal(['NewsArticle', 'NewsArticle']);
      expect(win.hostileReport).to.deep.equal({ violations: [], errors: [] });
      // All three engines enforce Trusted Types here, or the test would prove less.
      expect(win.trustedTypes).to.exist;
      expect(() => (doc.createElement('div').innerHTML = '<b>x</b>')).to.throw();
    } finally {
      frame.remove();
    }
  });

  it("without the card's policy: everything renders, JSON-LD is left out with a clear warning", async function () {
    this.timeout(20_000);
    const { frame, win, doc } = await strictPage('csp-meta-lit-only');
    const warnings: string[] = [];
    const warn = win.console.warn.bind(win.console);
    win.console.warn = (...args: unknown[]) => (warnings.push(args.join(' ')), warn(...args));
    try {
      const root = (id: string) => doc.getElementById(id)?.shadowRoot;
      await until(() => root('strip')?.querySelectorAll('ul > li').length === 16, 'the strip');
      await until(() => root('full')?.querySelector('[part="body"] p'), 'the full card');
      await until(() => root('teaser')?.querySelector('[part="link"]'), 'the teaser');
      await until(() => warnings.length > 0, 'a warning');
      expect(doc.querySelectorAll('article-card > script')).to.have.length(0);
      expect(warnings.every((w) => w.includes("allow the policy 'article-card'"))).to.be.true;
      // The browser reports the refused sink; nothing throws.
      expect(win.hostileReport.errors).to.deep.equal([]);
      expect(win.hostileReport.violations.length).to.be.greaterThan(0);
      for (const violation of win.hostileReport.violations) expect(violation).to.match(/trusted-types/);
    } finally {
      frame.remove();
    }
  });
});
