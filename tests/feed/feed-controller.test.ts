import { expect } from '@open-wc/testing';
import { LitElement, html, type TemplateResult } from 'lit';
import sinon from 'sinon';
import { FeedController } from '../../src/feed/feed-controller.js';
import { MAX_FEED_BYTES } from '../../src/feed/shared-feed.js';
import type { FeedErrorDetail } from '../../src/feed/feed-events.js';
import { validateWeatherFeed, type WeatherFeed } from '../../src/feed/weather-feed.js';
import { until } from '../support/until.js';

/** A bare element around the controller, so these tests depend on no real element. */
class FeedHost extends LitElement {
  url: string | undefined = undefined;
  refresh = 0;
  timeout: number | undefined = undefined;
  loads: WeatherFeed[] = [];
  errors: FeedErrorDetail[] = [];
  renders = 0;
  readonly controller = new FeedController<WeatherFeed>(this, {
    validate: validateWeatherFeed,
    url: () => this.url,
    refresh: () => this.refresh,
    get timeout() {
      return FeedHost.timeout;
    },
    onLoad: (feed) => {
      this.loads.push(feed);
      this.requestUpdate();
    },
    onError: (detail) => this.errors.push(detail),
  });

  static timeout: number | undefined;

  /** Points the element at another feed, as a new `src` would. */
  setUrl(url: string | undefined): void {
    this.url = url;
    this.requestUpdate();
  }

  protected override render(): TemplateResult {
    this.renders++;
    return html`${this.loads.length}`;
  }
}
customElements.define('test-feed-host', FeedHost);

let counter = 0;

/** A fresh scenario on the test server: the n-th request gets the n-th step. */
function scenario(steps: string): { url: string; log: () => Promise<LogEntry[]> } {
  const id = `${Date.now().toString(36)}-${counter++}`;
  return {
    url: `/feeds/seq/${id}?steps=${encodeURIComponent(steps)}`,
    log: async () => (await fetch(`/feeds/log/${id}`, { cache: 'no-store' })).json() as Promise<LogEntry[]>,
  };
}

interface LogEntry {
  step: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

const hosts: FeedHost[] = [];

function mount(url: string | undefined, refresh = 0): FeedHost {
  const host = document.createElement('test-feed-host') as FeedHost;
  host.url = url;
  host.refresh = refresh;
  document.body.append(host);
  hosts.push(host);
  return host;
}

// Real timers, kept before any test fakes them (animation frames stop in a background tab).
const realTimeout = window.setTimeout.bind(window);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => realTimeout(resolve, ms));

async function firstOutcome(host: FeedHost): Promise<void> {
  await until(() => host.loads.length + host.errors.length > 0, 'a load or an error');
}

afterEach(() => {
  sinon.restore();
  for (const host of hosts.splice(0)) host.remove();
  FeedHost.timeout = undefined;
});

describe('FeedController', () => {
  describe('loading', () => {
    it('loads and validates a feed, asking without conditions the first time', async () => {
      const { url, log } = scenario('good');
      const host = mount(url);
      await firstOutcome(host);
      expect(host.errors).to.deep.equal([]);
      expect(host.loads).to.have.length(1);
      expect(host.loads[0]!.stations).to.have.length(16);
      expect(host.loads[0]!.observedAt).to.equal('2025-08-01T15:00:00+09:00');
      expect(host.controller.failed).to.equal(false);
      expect(await log()).to.deep.equal([{ step: 'good', ifNoneMatch: null, ifModifiedSince: null }]);
    });

    it('does nothing without a URL', async () => {
      const host = mount(undefined);
      await host.controller.settled();
      await sleep(50);
      expect(host.loads).to.have.length(0);
      expect(host.errors).to.have.length(0);
    });

    it('uses a feed in part: the good stations load, the bad one is reported by path', async () => {
      const host = mount(scenario('partial').url);
      await until(() => host.errors.length > 0, 'the schema error');
      expect(host.loads).to.have.length(1);
      expect(host.loads[0]!.stations).to.have.length(15);
      const [error] = host.errors;
      expect(error!.kind).to.equal('schema');
      expect(error!.status).to.equal(200);
      expect(error!.problems).to.deep.equal([
        { path: 'stations[3].temp', message: 'expected a number or null, got "hot"' },
      ]);
      expect(error!.message).to.match(
        /used in part: stations\[3\]\.temp: expected a number or null, got "hot"$/,
      );
      expect(host.controller.failed).to.equal(false);
    });

    it('rejects an unusable feed as a schema error and loads nothing', async () => {
      const host = mount(scenario('invalid').url);
      await firstOutcome(host);
      expect(host.loads).to.have.length(0);
      expect(host.errors[0]!.kind).to.equal('schema');
      expect(host.errors[0]!.message).to.contain('rejected: version: expected 1, got 2');
      expect(host.controller.failed).to.equal(true);
    });
  });

  describe('failure', () => {
    const cases: readonly (readonly [string, FeedErrorDetail['kind'], RegExp, number | undefined])[] = [
      ['404', 'http', /: HTTP 404( Not Found)?$/, 404],
      ['500', 'http', /: HTTP 500( Internal Server Error)?$/, 500],
      ['503', 'http', /: HTTP 503/, 503],
      ['malformed', 'parse', /: not JSON \(application\/json\): /, 200],
      ['truncated', 'parse', /: not JSON \(application\/json\): /, 200],
      ['empty', 'parse', /: not JSON \(application\/json\): empty body$/, 200],
      ['html', 'parse', /: not JSON \(text\/html\): /, 200],
      ['huge', 'parse', /: larger than 2 MiB; refused$/, 200],
      ['huge-stream', 'parse', /: larger than 2 MiB; refused$/, 200],
      ['cut', 'network', /: connection failed \(/, undefined],
    ];
    for (const [step, kind, message, status] of cases) {
      it(`reports ${step} as ${kind}`, async () => {
        const host = mount(scenario(step).url);
        await firstOutcome(host);
        expect(host.loads).to.have.length(0);
        expect(host.errors).to.have.length(1);
        const [error] = host.errors;
        expect(error!.kind).to.equal(kind);
        expect(error!.message).to.match(message);
        expect(error!.message).to.contain('/feeds/seq/');
        expect(error!.status).to.equal(status);
        expect(host.controller.failed).to.equal(true);
      });
    }

    it('survives deeply nested JSON: a clear error, no exception', async () => {
      const host = mount(scenario('deep').url);
      await firstOutcome(host);
      expect(host.loads).to.have.length(0);
      const [error] = host.errors;
      // Engines either refuse the nesting while parsing or parse it into an array.
      if (error!.kind === 'schema')
        expect(error!.message).to.contain('(feed): expected an object, got an array');
      else expect(error!.kind).to.equal('parse');
      expect(MAX_FEED_BYTES).to.equal(2 * 1024 * 1024);
    });

    it('reports an unreachable server as a network error', async () => {
      const host = mount('http://127.0.0.1:9/feed.json');
      await firstOutcome(host);
      expect(host.errors[0]!.kind).to.equal('network');
      expect(host.errors[0]!.message).to.match(/^http:\/\/127\.0\.0\.1:9\/feed\.json: connection failed/);
      expect(host.errors[0]!.status).to.equal(undefined);
    });

    it('reports a URL that cannot be parsed as a network error', async () => {
      const host = mount('http://[::1');
      await firstOutcome(host);
      expect(host.errors[0]!.kind).to.equal('network');
    });

    it('abandons a slow answer as a timeout', async () => {
      FeedHost.timeout = 300;
      const host = mount(scenario('good@3000').url);
      await firstOutcome(host);
      expect(host.loads).to.have.length(0);
      expect(host.errors[0]!.kind).to.equal('timeout');
      expect(host.errors[0]!.message).to.match(/: no complete answer within 0\.3 s$/);
    });
  });

  describe('cancellation', () => {
    it('drops the answer for a URL replaced before it arrived', async () => {
      const slow = scenario('good@400');
      const fast = scenario('good2');
      const host = mount(slow.url);
      await sleep(50);
      host.setUrl(fast.url);
      await firstOutcome(host);
      await sleep(600);
      expect(host.loads).to.have.length(1);
      expect(host.loads[0]!.stations[0]!.temp).to.equal(12.5);
      expect(host.errors).to.deep.equal([]);
    });

    it('drops the answer when the element leaves the page', async () => {
      const { url } = scenario('good@300');
      const host = mount(url);
      await sleep(50);
      host.remove();
      await sleep(500);
      expect(host.loads).to.have.length(0);
      expect(host.errors).to.have.length(0);
    });

    it('stops on an undefined URL', async () => {
      const { url, log } = scenario('good@300');
      const host = mount(url);
      await sleep(50);
      host.setUrl(undefined);
      await sleep(500);
      expect(host.loads).to.have.length(0);
      expect(await log()).to.have.length(1);
    });
  });

  describe('sharing', () => {
    it('makes one request for fifty elements with the same URL', async () => {
      const { url, log } = scenario('good');
      const many = Array.from({ length: 50 }, () => mount(url));
      await until(() => many.every((host) => host.loads.length === 1), 'every element to load');
      expect(await log()).to.have.length(1);
      // One validation, shared: every element gets the same cleaned feed.
      expect(new Set(many.map((host) => host.loads[0])).size).to.equal(1);
    });

    it('gives a late element the cached feed without asking again', async () => {
      const { url, log } = scenario('good');
      const first = mount(url);
      await firstOutcome(first);
      const late = mount(url);
      await firstOutcome(late);
      expect(late.loads).to.have.length(1);
      expect(await log()).to.have.length(1);
    });

    it('gives a late element the last error when there is no feed', async () => {
      const { url, log } = scenario('404');
      const first = mount(url);
      await firstOutcome(first);
      const late = mount(url);
      await firstOutcome(late);
      expect(late.errors[0]!.status).to.equal(404);
      expect(await log()).to.have.length(1);
    });

    it('keeps loading for the others when one element leaves', async () => {
      const { url } = scenario('good@200');
      const leaving = mount(url);
      const staying = mount(url);
      await sleep(30);
      leaving.remove();
      await firstOutcome(staying);
      expect(staying.loads).to.have.length(1);
      expect(leaving.loads).to.have.length(0);
    });
  });

  describe('refresh', () => {
    let clock: sinon.SinonFakeTimers;
    // The page counts as visible unless a test hides it, whatever the runner does with its tab.
    let hidden = false;
    beforeEach(() => {
      hidden = false;
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    });
    afterEach(() => {
      delete (document as { hidden?: boolean }).hidden;
    });

    /** Mounts and completes the first load under the fake clock. */
    async function loaded(url: string, refresh: number): Promise<FeedHost> {
      const host = mount(url, refresh);
      await clock.tickAsync(0);
      await host.controller.settled();
      await firstOutcome(host);
      return host;
    }

    /** Moves the clock on and lets any check it starts finish. */
    async function after(host: FeedHost, ms: number): Promise<void> {
      await clock.tickAsync(ms);
      await host.controller.settled();
      await host.updateComplete;
      await Promise.resolve();
    }

    it('re-fetches every `refresh` seconds: a 304 costs no load and no render', async () => {
      const { url, log } = scenario('good,good,good2');
      const host = await loaded(url, 60);
      await host.updateComplete;
      const renders = host.renders;
      await after(host, 59_000);
      expect(await log()).to.have.length(1);
      await after(host, 1_000);
      expect(await log()).to.have.length(2);
      expect((await log())[1]).to.deep.equal({
        step: 'good',
        ifNoneMatch: '"good"',
        ifModifiedSince: LAST_MODIFIED,
      });
      expect(host.loads).to.have.length(1);
      expect(host.renders).to.equal(renders);
      await after(host, 60_000);
      expect(host.loads).to.have.length(2);
      expect(host.loads[1]!.stations[0]!.temp).to.equal(12.5);
      expect(host.errors).to.deep.equal([]);
    });

    it('asks with If-Modified-Since when the server gives only Last-Modified', async () => {
      const { url, log } = scenario('last-modified');
      const host = await loaded(url, 30);
      await after(host, 30_000);
      const entries = await log();
      expect(entries[1]).to.deep.equal({
        step: 'last-modified',
        ifNoneMatch: null,
        ifModifiedSince: LAST_MODIFIED,
      });
      expect(host.loads).to.have.length(1);
    });

    it('treats an identical body as unchanged when the server sends no validators', async () => {
      const { url, log } = scenario('plain');
      const host = await loaded(url, 30);
      await after(host, 30_000);
      expect(await log()).to.have.length(2);
      expect(host.loads).to.have.length(1);
    });

    it('never re-fetches with refresh 0, not even after a failure', async () => {
      const good = scenario('good');
      const host = await loaded(good.url, 0);
      const failing = scenario('500');
      const other = await loaded(failing.url, 0);
      await after(host, 24 * 3600_000);
      expect(await good.log()).to.have.length(1);
      expect(await failing.log()).to.have.length(1);
      expect(other.errors).to.have.length(1);
    });

    it('follows a changed refresh attribute', async () => {
      const { url, log } = scenario('good');
      const host = await loaded(url, 600);
      host.refresh = 10;
      host.requestUpdate();
      await host.updateComplete;
      await after(host, 10_000);
      expect(await log()).to.have.length(2);
    });

    it('backs off exponentially after failures, then recovers and clears the failure', async () => {
      sinon.stub(Math, 'random').returns(0.999999);
      const { url, log } = scenario('good,500,500,500,good');
      const host = await loaded(url, 600);
      await after(host, 600_000);
      expect(host.errors.map((e) => e.status)).to.deep.equal([500]);
      expect(host.controller.failed).to.equal(true);
      // Retries after about 5 s, then 10 s, then 20 s.
      await after(host, 4_900);
      expect(await log()).to.have.length(2);
      await after(host, 100);
      expect(await log()).to.have.length(3);
      await after(host, 9_900);
      expect(await log()).to.have.length(3);
      await after(host, 100);
      expect(await log()).to.have.length(4);
      await after(host, 20_000);
      expect(await log()).to.have.length(5);
      // The feed did not change: a 304, no load, and the failure mark goes.
      expect((await log())[4]!.ifNoneMatch).to.equal('"good"');
      expect(host.loads).to.have.length(1);
      expect(host.controller.failed).to.equal(false);
      // Back to the normal rhythm.
      await after(host, 599_000);
      expect(await log()).to.have.length(5);
      await after(host, 1_000);
      expect(await log()).to.have.length(6);
    });

    it('caps the backoff at a minute (or the refresh interval) and jitters it down to half', async () => {
      const random = sinon.stub(Math, 'random').returns(0.999999);
      const { url, log } = scenario('500');
      const host = await loaded(url, 30);
      // 5, 10, 20, 40, then capped at 60.
      for (const wait of [5_000, 10_000, 20_000, 40_000, 60_000]) await after(host, wait);
      expect(await log()).to.have.length(6);
      // The next failure draws the lowest jitter: half of the capped minute.
      random.returns(0);
      await after(host, 60_000);
      expect(await log()).to.have.length(7);
      await after(host, 29_900);
      expect(await log()).to.have.length(7);
      await after(host, 100);
      expect(await log()).to.have.length(8);
      expect(host.errors).to.have.length(8);
      expect(host.loads).to.have.length(0);
    });

    it('keeps the last good feed through failures', async () => {
      const { url } = scenario('good,500,malformed,good2');
      const host = await loaded(url, 10);
      sinon.stub(Math, 'random').returns(0.999999);
      await after(host, 10_000);
      await after(host, 5_000);
      expect(host.errors.map((e) => e.kind)).to.deep.equal(['http', 'parse']);
      expect(host.loads).to.have.length(1);
      await after(host, 10_000);
      expect(host.loads).to.have.length(2);
      expect(host.controller.failed).to.equal(false);
    });

    describe('while the page is hidden', () => {
      function setHidden(value: boolean): void {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
      }

      it('does not poll, and checks at once on becoming visible if a check is due', async () => {
        const { url, log } = scenario('good,good2');
        const host = await loaded(url, 60);
        setHidden(true);
        await after(host, 10 * 60_000);
        expect(await log()).to.have.length(1);
        setHidden(false);
        await after(host, 0);
        expect(await log()).to.have.length(2);
        expect(host.loads).to.have.length(2);
      });

      it('waits out the rest of the interval when no check is due yet', async () => {
        const { url, log } = scenario('good');
        const host = await loaded(url, 60);
        setHidden(true);
        await after(host, 20_000);
        setHidden(false);
        await after(host, 39_000);
        expect(await log()).to.have.length(1);
        await after(host, 1_000);
        expect(await log()).to.have.length(2);
      });

      it('does not poll a failing feed either', async () => {
        const { url, log } = scenario('500');
        const host = await loaded(url, 60);
        setHidden(true);
        await after(host, 3600_000);
        expect(await log()).to.have.length(1);
        expect(host.errors).to.have.length(1);
      });
    });

    it('does not poll while disconnected, and catches up on reconnection', async () => {
      const { url, log } = scenario('good');
      const host = await loaded(url, 60);
      host.remove();
      await after(host, 10 * 60_000);
      expect(await log()).to.have.length(1);
      document.body.append(host);
      await after(host, 0);
      expect(await log()).to.have.length(2);
      // Unchanged: no second load for the same feed.
      expect(host.loads).to.have.length(1);
    });

    it('shares refreshes: fifty elements, one request per interval', async () => {
      const { url, log } = scenario('good,good2');
      const many = Array.from({ length: 50 }, () => mount(url, 60));
      await clock.tickAsync(0);
      await many[0]!.controller.settled();
      await until(() => many.every((host) => host.loads.length === 1), 'every first load');
      await after(many[0]!, 60_000);
      await until(() => many.every((host) => host.loads.length === 2), 'every second load');
      expect(await log()).to.have.length(2);
    });
  });
});

const LAST_MODIFIED = 'Fri, 01 Aug 2025 06:00:00 GMT';
