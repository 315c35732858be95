// The built CDN bundle in every place a news site puts a header ticker (one page, in an iframe),
// measured as a reader sees it. Screenshots and the measured boxes go to test-results/<engine>/.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { loadFrame, settledRow, stationParts, type Box, whereCut } from '../support/layout.js';

type Strip = HTMLElement & { updateComplete: Promise<boolean> };

const PAGE = '/tests/fixtures/pages/placements.html';
const PAGE_WIDTH = 760;
const ROLL_CASES = [
  'block',
  'flex-row',
  'grid-auto',
  'grid-max-content',
  'inline-block',
  'float',
  'table-cell',
  'absolute',
  'narrow-flex-row',
  'phone',
];

/** What one strip looks like at one moment. */
interface Sample {
  box: Box;
  container: Box;
  rowHeight: number;
  problems: string[];
}

/** Measures the strip of a case: its box, and whether one whole station is in view. */
function sample(strip: Strip, container: Element, mode: 'roll' | 'marquee' | 'static'): Sample {
  const root = strip.shadowRoot!;
  const view = strip.ownerDocument.defaultView!;
  const problems: string[] = [];
  const rows =
    mode === 'roll'
      ? [settledRow(root)]
      : mode === 'static'
        ? [...root.querySelectorAll<HTMLElement>('ul.list > li')]
        : [root.querySelector<HTMLElement>('ul.list > li')!];
  for (const row of rows) {
    if (!row) {
      problems.push('no station row in view');
      continue;
    }
    for (const part of stationParts(row)) {
      // A marquee moves: what matters is that its window can hold a whole station.
      const cut = mode === 'marquee' ? [] : whereCut(part, view);
      problems.push(
        ...cut.map((where) => `${part.getAttribute('part')} of "${row.textContent?.trim()}" ${where}`),
      );
    }
  }
  if (mode === 'marquee') {
    const window = root.querySelector('[part="viewport"]')!.getBoundingClientRect().width;
    const widest = Math.max(...[...root.querySelectorAll('ul.list > li')].map((li) => li.scrollWidth));
    if (window + 0.5 < widest)
      problems.push(`the marquee window (${window}px) is narrower than a station (${widest}px)`);
  }
  const box = strip.getBoundingClientRect();
  const outer = container.getBoundingClientRect();
  if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5)
    problems.push(`the strip (${box.left}–${box.right}) leaves its container (${outer.left}–${outer.right})`);
  if (container.scrollWidth > container.clientWidth + 1 && container.localName !== 'table')
    problems.push(`the container scrolls sideways (${container.scrollWidth} > ${container.clientWidth})`);
  const doc = strip.ownerDocument.documentElement;
  if (doc.scrollWidth > view.innerWidth)
    problems.push(`the page scrolls sideways (${doc.scrollWidth} > ${view.innerWidth})`);
  return {
    box: { width: box.width, height: box.height },
    container: { width: outer.width, height: outer.height },
    rowHeight: parseFloat(getComputedStyle(root.querySelector('.station')!).blockSize),
    problems,
  };
}

/** The strip of a case and the element it sits in (the phone case is a page of its own). */
function findCase(doc: Document, name: string): { strip: Strip; container: Element } {
  let container = doc.querySelector(`[data-case="${name}"]`)!;
  // The page's elements belong to the frame's window: compare names, not classes.
  if (container.localName === 'iframe')
    container = (container as HTMLIFrameElement).contentDocument!.querySelector('[data-case]')!;
  return { strip: container.querySelector<Strip>('weather-strip')!, container };
}

async function stationsShown(strip: Strip): Promise<void> {
  const view = strip.ownerDocument.defaultView!;
  await view.customElements.whenDefined('weather-strip');
  for (let i = 0; i < 100 && (strip.shadowRoot?.querySelectorAll('ul.list > li').length ?? 0) < 16; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await strip.updateComplete;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A screenshot of the whole page, or of parts of it where the engine draws only what fits in its
 * window (WebKit): the frame is made shorter, which changes no width, and scrolled.
 */
async function saveScreenshots(name: string): Promise<void> {
  const frame = document.querySelector('iframe')!;
  const full = frame.getBoundingClientRect().height;
  const size = await executeServerCommand<{ height: number } | undefined, { name: string; selector: string }>(
    'save-screenshot',
    {
      name,
      selector: 'iframe',
    },
  );
  if (!size || size.height >= full - 1) return;
  const part = Math.floor(size.height * 0.9);
  frame.style.height = `${part}px`;
  for (let top = 0, i = 1; top < full; top += part, i++) {
    frame.contentWindow!.scrollTo(0, top);
    await executeServerCommand('save-screenshot', { name: `${name}-${i}`, selector: 'iframe' });
  }
  frame.style.height = `${full}px`;
  frame.contentWindow!.scrollTo(0, 0);
}

describe('<weather-strip> wherever a news site puts it', function () {
  this.timeout(30_000);
  let doc: Document;

  before(async () => {
    doc = await loadFrame(PAGE, PAGE_WIDTH, 1640);
    for (const name of [...ROLL_CASES, 'flex-row-marquee', 'flex-row-static'])
      await stationsShown(findCase(doc, name).strip);
    const card = doc.querySelector<Strip>('article-card')!;
    for (let i = 0; i < 100 && !card.shadowRoot?.querySelector('[part="headline"]'); i++) await wait(50);
  });

  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('shows one whole station in every place, inside its container, at one width from tick to tick', async () => {
    const samples = new Map<string, Sample[]>(ROLL_CASES.map((name) => [name, []]));
    // interval="1": three samples, each after a roll step has settled.
    for (let tick = 0; tick < 3; tick++) {
      if (tick > 0) await wait(1000);
      for (const name of ROLL_CASES) {
        const { strip, container } = findCase(doc, name);
        // Between two steps: wait out a slide in progress.
        for (let i = 0; i < 40 && !settledRow(strip.shadowRoot!); i++) await wait(25);
        const seen = sample(strip, container, 'roll');
        seen.problems = seen.problems.map((problem) => `tick ${tick}: ${problem}`);
        samples.get(name)!.push(seen);
      }
    }
    const report: Record<string, Box & { widths: number[] }> = {};
    for (const [name, seen] of samples) {
      const [first] = seen;
      report[name] = { ...first!.box, widths: seen.map((s) => s.box.width) };
      expect(first!.box.width, `${name}: width`).to.be.greaterThan(0);
      expect(first!.box.height, `${name}: height`).to.be.greaterThan(0);
      expect(
        seen.flatMap((s) => s.problems),
        name,
      ).to.deep.equal([]);
      for (const later of seen)
        expect(later.box.width, `${name}: width on a later tick`).to.be.closeTo(first!.box.width, 0.5);
    }
    await executeServerCommand('save-result', { name: 'placements', data: report });
    await saveScreenshots('placements');

    // Where there is room, the strip is one row: date, widest station, attribution and button.
    for (const name of ROLL_CASES.filter((n) => !['narrow-flex-row', 'phone'].includes(n))) {
      const { box, rowHeight } = samples.get(name)![0]!;
      expect(box.height, `${name}: one row`).to.be.closeTo(rowHeight, 0.5);
    }
    const block = samples.get('block')![0]!;
    expect(block.box.width, 'block: fills the line').to.be.closeTo(block.container.width, 0.5);
    // In a shrink-to-fit box it is as wide as its content, not the whole line.
    expect(samples.get('flex-row')![0]!.box.width).to.be.lessThan(block.container.width * 0.75);
    // Too narrow for one row, it wraps instead of overflowing.
    for (const name of ['narrow-flex-row', 'phone']) {
      const { box, rowHeight } = samples.get(name)![0]!;
      expect(box.height, `${name}: wraps`).to.be.greaterThan(rowHeight * 1.5);
    }
  });

  it('keeps the same width in marquee and static mode, with every static station whole', async () => {
    const roll = findCase(doc, 'flex-row').strip.getBoundingClientRect().width;
    for (const [name, mode] of [
      ['flex-row-marquee', 'marquee'],
      ['flex-row-static', 'static'],
    ] as const) {
      const { strip, container } = findCase(doc, name);
      const first = sample(strip, container, mode);
      await wait(300);
      const later = sample(strip, container, mode);
      expect([...first.problems, ...later.problems], name).to.deep.equal([]);
      expect(first.box.width, `${name}: same width as roll`).to.be.closeTo(roll, 0.5);
      expect(later.box.width, `${name}: width later`).to.be.closeTo(first.box.width, 0.5);
    }
  });

  it('gives <article-card> the room beside an aside, without collapsing it', () => {
    const row = doc.querySelector('[data-case="card"]')!;
    const card = row.querySelector('article-card')!.getBoundingClientRect();
    const aside = row.querySelector('aside')!.getBoundingClientRect();
    expect(card.width).to.be.closeTo(row.getBoundingClientRect().width - aside.width - 16, 1);
    expect(card.height).to.be.greaterThan(50);
    expect(card.right).to.be.at.most(aside.left);
  });
});
