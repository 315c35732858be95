import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { WeatherStrip } from '../../src/index.js';
import { pauseButton, referenceFeed } from '../support/strip.js';

// Real input: the test runner moves the browser's own pointer and presses its own keys (puppeteer
// in Chromium and Firefox, W3C WebDriver actions in WebKit), so hover, focus and click happen as
// they do for a reader.

const NAMES = { ko: { pause: '일시정지', play: '재생' }, en: { pause: 'Pause', play: 'Play' } } as const;
const ICON_PATHS = { pause: 'M4 2h3v12H4zM9 2h3v12H9z', play: 'M4 2l10 6-10 6z' } as const;

type Action = keyof typeof ICON_PATHS;

interface Page {
  el: WeatherStrip;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
}

/** The reader's last input, named in every failed assertion so that a failure says which step. */
let lastInput = 'the fixture';

async function page(lang: 'ko' | 'en' = 'ko', paused = false): Promise<Page> {
  lastInput = 'the fixture';
  const root = await fixture<HTMLElement>(
    html`<div>
      <p><button id="before">before</button></p>
      <weather-strip lang=${lang} ?paused=${paused} .data=${referenceFeed()}></weather-strip>
      <p><button id="after">after</button></p>
    </div>`,
  );
  const el = root.querySelector<WeatherStrip>('weather-strip')!;
  // The fixture waits for the wrapper only; the strip renders in a task of its own.
  await el.updateComplete;
  return {
    el,
    before: root.querySelector<HTMLButtonElement>('#before')!,
    after: root.querySelector<HTMLButtonElement>('#after')!,
  };
}

function nameOf(node: Element): string {
  return node.id ? `#${node.id}` : (node.getAttribute('part') ?? node.localName);
}

function centre(node: Element): [number, number] {
  const box = node.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
}

async function pointTo(node: Element): Promise<void> {
  lastInput = `pointer to ${nameOf(node)}`;
  await sendMouse({ type: 'move', position: centre(node) });
}

/** The page's top left corner, in the body's margin, outside every fixture. */
async function pointAway(): Promise<void> {
  lastInput = 'pointer away';
  await sendMouse({ type: 'move', position: [0, 0] });
}

async function clickOn(node: Element): Promise<void> {
  lastInput = `click on ${nameOf(node)}`;
  await sendMouse({ type: 'click', position: centre(node) });
}

async function press(key: string): Promise<void> {
  lastInput = `press ${JSON.stringify(key)}`;
  await sendKeys({ press: key });
}

function dateOf(el: WeatherStrip): Element {
  return el.shadowRoot!.querySelector('[part="date"]')!;
}

/** What the button offers, as a reader sees and hears it, and whether the strip is paused. */
async function expectState(
  el: WeatherStrip,
  expected: { offers: Action; paused: boolean },
  lang: 'ko' | 'en' = 'ko',
): Promise<void> {
  await el.updateComplete;
  const after = `after ${lastInput}`;
  const button = pauseButton(el)!;
  // No aria-label: the button's accessible name is its (visually hidden) text.
  expect(button.hasAttribute('aria-label'), `${after}: aria-label`).to.be.false;
  expect(button.textContent!.trim(), `${after}: accessible name`).to.equal(NAMES[lang][expected.offers]);
  const icons = button.querySelectorAll('svg');
  expect(icons, `${after}: one icon`).to.have.length(1);
  expect(icons[0]!.getAttribute('aria-hidden')).to.equal('true');
  expect(icons[0]!.querySelector('path')!.getAttribute('d'), `${after}: icon`).to.equal(ICON_PATHS[expected.offers]);
  const focus = el.shadowRoot!.activeElement ? 'focus in the strip' : `focus on ${document.activeElement?.localName}`;
  expect(el.paused, `${after} (${focus}, hover ${el.matches(':hover')}): paused`).to.equal(expected.paused);
  expect(el.hasAttribute('paused'), `${after}: paused attribute`).to.equal(expected.paused);
}

describe('<weather-strip> pause button, with real pointer and keyboard', () => {
  afterEach(async () => {
    await pointAway();
  });

  describe('pointer', () => {
    for (const lang of ['ko', 'en'] as const) {
      it(`offers ${NAMES[lang].play} as soon as a click pauses the hovered strip (${lang})`, async () => {
        const { el, after } = await page(lang);
        await expectState(el, { offers: 'pause', paused: false }, lang);

        await pointTo(dateOf(el));
        await expectState(el, { offers: 'pause', paused: true }, lang);

        await clickOn(pauseButton(el)!);
        await expectState(el, { offers: 'play', paused: true }, lang);

        // Leaving and moving focus elsewhere end hover and focus, not the reader's pause.
        await pointTo(after);
        await expectState(el, { offers: 'play', paused: true }, lang);
        await clickOn(after);
        expect(el.shadowRoot!.activeElement).to.equal(null);
        await expectState(el, { offers: 'play', paused: true }, lang);

        // Resuming with the button while hovering: the pointer still holds the strip.
        await clickOn(pauseButton(el)!);
        await expectState(el, { offers: 'pause', paused: true }, lang);

        // The click focused the button: leaving keeps the strip paused for the keyboard user.
        await pointTo(after);
        expect(el.shadowRoot!.activeElement).to.equal(pauseButton(el));
        await expectState(el, { offers: 'pause', paused: true }, lang);

        await clickOn(after);
        await expectState(el, { offers: 'pause', paused: false }, lang);
      });
    }

    it('resumes with a click when the author paused it, and is paused again by the author', async () => {
      const { el, after } = await page('ko', true);
      await expectState(el, { offers: 'play', paused: true });

      await pointTo(dateOf(el));
      await pointTo(after);
      await expectState(el, { offers: 'play', paused: true });

      await clickOn(pauseButton(el)!);
      await expectState(el, { offers: 'pause', paused: true });
      await clickOn(after);
      await expectState(el, { offers: 'pause', paused: false });

      // The author pauses while the reader hovers: the button changes at once.
      await pointTo(dateOf(el));
      el.paused = true;
      await expectState(el, { offers: 'play', paused: true });
      el.paused = false;
      await expectState(el, { offers: 'pause', paused: true });
      await pointTo(after);
      await expectState(el, { offers: 'pause', paused: false });
    });

    it('keeps the attribute while hover pauses, even if the author removes it', async () => {
      const { el, after } = await page('ko', true);
      await pointTo(dateOf(el));
      el.removeAttribute('paused');
      await expectState(el, { offers: 'pause', paused: true });
      await pointTo(after);
      await expectState(el, { offers: 'pause', paused: false });
    });
  });

  describe('keyboard', () => {
    it('Tab focuses the button, Enter pauses and resumes, leaving resumes', async () => {
      const { el, before } = await page();
      before.focus();

      await press('Tab');
      expect(el.shadowRoot!.activeElement).to.equal(pauseButton(el));
      await expectState(el, { offers: 'pause', paused: true });

      await press('Enter');
      await expectState(el, { offers: 'play', paused: true });

      await press('Enter');
      await expectState(el, { offers: 'pause', paused: true });

      await press('Tab');
      expect(el.shadowRoot!.activeElement).to.equal(null);
      await expectState(el, { offers: 'pause', paused: false });
    });

    it('moves on with Tab after a click on the button', async () => {
      const { el, after } = await page();
      await clickOn(pauseButton(el)!);
      await expectState(el, { offers: 'play', paused: true });
      await pointAway();
      await press('Tab');
      expect(document.activeElement).to.equal(after);
      await expectState(el, { offers: 'play', paused: true });
    });

    it("Space pauses; Tab away keeps the reader's pause; the button resumes", async () => {
      const { el, before, after } = await page('en');
      before.focus();

      await press('Tab');
      await expectState(el, { offers: 'pause', paused: true }, 'en');

      await press(' ');
      await expectState(el, { offers: 'play', paused: true }, 'en');

      await press('Tab');
      expect(el.shadowRoot!.activeElement).to.equal(null);
      await expectState(el, { offers: 'play', paused: true }, 'en');

      // Back to the button with the pointer, and resume with a click.
      await clickOn(pauseButton(el)!);
      await expectState(el, { offers: 'pause', paused: true }, 'en');
      await pointAway();
      await press('Tab');
      expect(document.activeElement).to.equal(after);
      await expectState(el, { offers: 'pause', paused: false }, 'en');
    });
  });
});
