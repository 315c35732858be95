import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { feedServer } from './tests/support/feed-server-plugin.js';
import { jsonModulePlugin } from './tests/support/json-module-plugin.js';
import { testOutputPlugin } from './tests/support/test-output-plugin.js';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  FIREFOX_PATH,
  MINIBROWSER_PATH,
  startWebKitDriver,
} from './scripts/browsers.js';

// One engine per run (BROWSER=chromium|firefox|webkit): coverage is collected in Chromium only,
// and WebKit needs its driver and a display.
const browser = process.env.BROWSER ?? 'chromium';

async function launchers() {
  switch (browser) {
    case 'chromium':
      return [
        chromeLauncher({
          launchOptions: {
            executablePath: CHROMIUM_PATH,
            headless: true,
            args: CHROMIUM_ARGS,
          },
        }),
      ];
    case 'firefox':
      return [chromeLauncher({ launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true } })];
    case 'webkit': {
      const { port } = await startWebKitDriver();
      return [
        webdriverLauncher({
          hostname: '127.0.0.1',
          port,
          logLevel: 'error',
          capabilities: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
            'wdio:enforceWebDriverClassic': true,
          },
        }),
      ];
    }
    default:
      throw new Error(`BROWSER must be chromium, firefox or webkit, not ${browser}`);
  }
}

export default {
  files: ['tests/**/*.test.ts', '!tests/**/*.node.test.ts', '!tests/e2e/**'],
  nodeResolve: true,
  browsers: await launchers(),
  // One page at a time: background tabs get throttled timers, frames and focus.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [feedServer()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' }), jsonModulePlugin(), testOutputPlugin()],
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/cli/**', 'node_modules/**', 'tests/**'],
    threshold: { statements: 90, branches: 80, functions: 85, lines: 90 },
    report: true,
    reportDir: 'coverage',
  },
};
