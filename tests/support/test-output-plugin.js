// Test-runner commands that write what a reader would see to test-results/<engine>/ (git-ignored):
//   save-screenshot { name, selector }   a PNG of one element of the test page (e.g. its iframe);
//                                        answers the size drawn
//   save-result     { name, data }       a JSON file, e.g. measured boxes
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const OUTPUT = 'test-results';

async function outputPath(name, extension) {
  const folder = join(OUTPUT, process.env.BROWSER ?? 'chromium');
  await mkdir(folder, { recursive: true });
  return join(folder, `${name.replace(/[^\w.-]+/g, '-')}.${extension}`);
}

async function screenshot(session, selector) {
  const { browser } = session;
  if (browser.type === 'puppeteer' || browser.type === 'playwright') {
    const element = await browser.getPage(session.id).$(selector);
    if (!element) throw new Error(`save-screenshot: nothing matches ${selector}`);
    return Buffer.from(await element.screenshot());
  }
  if (typeof browser.takeScreenshot === 'function')
    return browser.takeScreenshot(session.id, `return document.querySelector(${JSON.stringify(selector)});`);
  throw new Error(`save-screenshot: not supported for ${browser.type}`);
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function testOutputPlugin() {
  return {
    name: 'test-output',
    async executeCommand({ command, payload, session }) {
      if (command === 'save-screenshot') {
        const png = await screenshot(session, payload.selector);
        await writeFile(await outputPath(payload.name, 'png'), png);
        // The size drawn (from the PNG header): WebKit draws only what is inside its window.
        return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
      }
      if (command === 'save-result') {
        await writeFile(await outputPath(payload.name, 'json'), `${JSON.stringify(payload.data, null, 2)}\n`);
        return true;
      }
      return undefined;
    },
  };
}
