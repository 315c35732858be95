import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type { WeatherStrip } from '../../src/index.js';
import { frames, referenceFeed, track } from '../support/strip.js';

const HOURS = 48;
const INTERVAL = 3_000;
const REFRESH = 600_000;
const SHOWN = [159, 108, 133, 184];
const NAMES = ['부산', '서울', '대전', '제주'];

/** A macrotask that fake timers do not touch. */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => (port1.close(), resolve());
    port2.postMessage(0);
  });
}

/** The feed as answered to request `n`: every station, in an order and with temperatures of its own. */
function variant(n: number): string {
  const feed = referenceFeed();
  const shift = n % feed.stations.length;
  feed.stations = [...feed.stations.slice(shift), ...feed.stations.slice(0, shift)];
  for (const station of feed.stations) station.temp = temperature(n, Number(station.id));
  // Observed now, in Seoul's offset: never stale while the feed keeps coming.
  feed.observedAt = `${new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
  return JSON.stringify(feed);
}

function temperature(n: number, id: number): number {
  return Math.round(((n * 37 + id) % 400) - 100) / 10;
}

/** A fetch answer made of promises only (no stream), so that it settles in microtasks. */
function answer(status: number, body = ''): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 500 ? 'Internal Server Error' : '',
    headers: new Headers({ 'content-type': 'application/json' }),
    body: null,
    text: () => Promise.resolve(body),
  } as unknown as Response;
}

function nodeCount(el: WeatherStrip): number {
  let count = 0;
  for (const root of [el, el.shadowRoot!]) {
    const walker = document.createTreeWalker(root);
    while (walker.nextNode()) count++;
  }
  return count;
}

describe('a strip left ticking for 48 hours', () => {
  let clock: sinon.SinonFakeTimers;

  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: Date.parse('2025-08-01T06:00:00+09:00'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
  });

  afterEach(() => {
    clock.restore();
    sinon.restore();
  });

  it('keeps its order, its rhythm, the last good data and its size through refreshes and failures', async function () {
    this.timeout(60_000);
    // Request n answers by a schedule: outages of every kind, unchanged feeds, new feeds.
    let requests = 0;
    let served = -1; // the variant of the last good answer
    const failures: string[] = [];
    sinon.stub(window, 'fetch').callsFake((_url, init) => {
      const n = requests++;
      if (n === 0 || n % 4 === 1) {
        served = n;
        return Promise.resolve(answer(200, variant(n)));
      }
      if (n % 4 === 3) return Promise.resolve(answer(304));
      const failure = ['network', 'http', 'parse', 'timeout'][Math.floor(n / 4) % 4]!;
      failures.push(failure);
      if (failure === 'network') return Promise.reject(new TypeError('Failed to fetch'));
      if (failure === 'http') return Promise.resolve(answer(500, 'oops'));
      if (failure === 'parse') return Promise.resolve(answer(200, '{"version": 1, "stations": ['));
      // Never answers: the feed's own timeout gives up.
      return new Promise((_resolve, reject) =>
        init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    });

    const errors: string[] = [];
    const el = await fixture<WeatherStrip>(
      html`<weather-strip
        src="/feeds/long-life.json"
        stations=${SHOWN.join(',')}
        refresh=${REFRESH / 1000}
        interval=${INTERVAL / 1000}
        @weather-strip-error=${(event: CustomEvent<{ kind: string }>) => errors.push(event.detail.kind)}
      ></weather-strip>`,
    );
    const flush = async () => {
      for (let i = 0; i < 3; i++) await yieldTask();
      await el.updateComplete;
    };
    await flush();
    await frames();
    const shown = () => ({
      names: [...el.shadowRoot!.querySelectorAll('ul.list > li .name')].map((n) => n.textContent),
      temps: [...el.shadowRoot!.querySelectorAll('ul.list > li .temp')].map((n) => n.textContent),
    });
    const expected = (n: number) => ({
      names: NAMES,
      temps: SHOWN.map((id) => `${temperature(n, id).toFixed(1)}℃`),
    });
    expect(shown()).to.deep.equal(expected(0));
    const nodesAtStart = nodeCount(el);
    const documentNodes = document.getElementsByTagName('*').length;

    const start = Date.now();
    const steps = (HOURS * 3_600_000) / INTERVAL;
    let checked = 0;
    for (let k = 1; k <= steps; k++) {
      const before = requests;
      clock.tick(INTERVAL);
      // Tick k comes at k × interval: the refreshes and failures never shift the rhythm.
      const position = k % SHOWN.length;
      const transform = track(el).style.transform;
      const want = `translateY(-${(position === 0 ? SHOWN.length : position) * 100}%)`;
      if (transform !== want)
        throw new Error(`tick ${k} at ${Date.now() - start} ms shows ${transform}, not ${want}`);
      // The slide to the loop's copy of the first station ends, and the first station takes its place.
      if (position === 0)
        track(el).dispatchEvent(new TransitionEvent('transitionend', { propertyName: 'transform' }));
      // Answers settle in microtasks (a timed-out request too).
      for (let i = 0; i < 8; i++) await null;
      if (requests !== before) {
        await flush();
        // After every answer, good or bad: the last good data, in the asked order.
        expect(shown(), `after request ${requests - 1}`).to.deep.equal(expected(served));
        checked++;
      }
    }
    expect(Date.now() - start).to.equal(HOURS * 3_600_000);
    // Every 10 minutes, plus one retry per failure; never a storm.
    expect(requests).to.be.within(HOURS * 6, HOURS * 6 + failures.length + 1);
    expect(checked).to.equal(requests - 1);
    expect(new Set(failures)).to.deep.equal(new Set(['network', 'http', 'parse', 'timeout']));
    expect(errors).to.deep.equal(failures);

    // End on a good answer: no mark, and not one node more than at the start.
    while (el.shadowRoot!.querySelector('[part="status"]')) {
      clock.tick(INTERVAL);
      await flush();
    }
    expect(nodeCount(el)).to.equal(nodesAtStart);
    expect(document.getElementsByTagName('*').length).to.equal(documentNodes);
  });
});
