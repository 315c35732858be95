// The published package, proven from the packed tarball installed into a fresh project: what
// it contains, a Vite app and a plain page in Chromium, server-side rendering with hydration,
// and type-checking in TSX and Vue.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/browsers.js';
import { ROOT, serveStatic, type StaticServer } from '../support/static-server.node.js';

const FIXTURE = join(ROOT, 'tests/fixtures/package');
const STATIONS = ['흐림 동두천 29.3℃', '흐림 강릉 30.6℃', '흐림 서울 32.3℃'];
/** What a tarball may hold besides these: package.json, README and licence files. */
const SHIPPED = /^(dist\/|schema\/[\w-]+\.schema\.json$|custom-elements\.json$)/;

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

/** Runs a command in the consumer project; `status` and the whole output. */
function run(app: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd: app, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The line numbers of `file` marked as wrong by a comment that says `error`. */
function markedLines(file: string): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (/(\/\/|\/\*|<!--) error\b/.test(line) ? [i + 1] : []));
}

/** The line numbers with type errors in `file`, from tsc's or vue-tsc's output. */
function errorLines(output: string, file: string): number[] {
  const lines = [...output.matchAll(new RegExp(`${file.replace('.', '\\.')}\\((\\d+),\\d+\\): error`, 'g'))];
  return [...new Set(lines.map((match) => Number(match[1])))].sort((a, b) => a - b);
}

const texts = (page: Page, selector: string): Promise<string[]> =>
  page
    .locator(selector)
    .evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim()));

/** Every warning, error and uncaught exception the page reports from now on. */
function warningsAndErrors(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') messages.push(message.text());
  });
  page.on('pageerror', (error) => messages.push(error.message));
  return messages;
}

describe('the packed package in a fresh project', () => {
  let work: string;
  let app: string;
  let files: PackedFile[];
  let tarballSize: number;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    assert.ok(
      existsSync(join(ROOT, 'dist/index.js')) && existsSync(join(ROOT, 'dist/cdn/weather-strip.js')),
      'run `npm run build` first',
    );
    work = mkdtempSync(join(tmpdir(), 'weather-strip-package-'));
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as [{ filename: string; size: number; files: PackedFile[] }];
    files = packed.files;
    tarballSize = packed.size;
    app = join(work, 'app');
    cpSync(FIXTURE, app, { recursive: true });
    const dependencies: Record<string, string> = { 'weather-strip': `file:../${packed.filename}` };
    for (const name of ['@lit-labs/ssr', '@lit-labs/ssr-client', 'vue', '@types/react', 'preact'])
      dependencies[name] = versionOf(name);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }),
    );
    const install = run(app, 'npm', [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
    ]);
    assert.equal(install.status, 0, install.output);
    // Development builds of Lit, which warn about what production builds keep quiet.
    for (const config of ['vite.config.js', 'vite.hydrate.config.js']) {
      const vite = run(
        app,
        process.execPath,
        [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', config],
        {
          NODE_ENV: 'development',
        },
      );
      assert.equal(vite.status, 0, vite.output);
    }
    const ssr = run(app, process.execPath, ['ssr.js']);
    assert.equal(ssr.status, 0, ssr.output);
    writeFileSync(join(app, 'ssr.html'), ssr.output);
    server = await serveStatic({}, app);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe('tarball', () => {
    it('ships the built modules, the bundles, the schemas and the manifest, and nothing else', () => {
      const paths = files.map((file) => file.path);
      const other = paths.filter(
        (path) => !SHIPPED.test(path) && !/^(package\.json|README\.md|LICEN[CS]E(\.\w+)?)$/.test(path),
      );
      assert.deepEqual(other, []);
      assert.deepEqual(
        paths.filter((path) => /^(src|tests?|demo|bench|scripts)\//.test(path) || path.endsWith('.d.ts.map')),
        [],
      );
      for (const path of [
        'dist/index.js',
        'dist/classes.js',
        'dist/cdn/weather-strip.js',
        'dist/cdn/weather-strip.js.map',
        'dist/cdn/weather-strip-only.js',
        'dist/cli/weather-strip-feed.js',
        'dist/types/jsx.d.ts',
        'dist/types/react.d.ts',
        'dist/types/preact.d.ts',
        'dist/types/vue.d.ts',
        'dist/vscode/html-custom-data.json',
        'dist/vscode/css-custom-data.json',
        'dist/edge/index.js',
        'dist/edge/index.d.ts',
        'dist/edge/node.js',
        'dist/edge/node.d.ts',
        'dist/workflow/weather-feed.yml',
        'schema/weather-feed.schema.json',
        'schema/article-feed.schema.json',
        'custom-elements.json',
      ]) {
        assert.ok(paths.includes(path), `${path} is missing from the tarball`);
      }
      const total = files.reduce((sum, file) => sum + file.size, 0);
      console.log(
        `tarball: ${(tarballSize / 1024).toFixed(1)} KiB packed, ${(total / 1024).toFixed(1)} KiB in ${files.length} files`,
      );
    });

    it('has every export, bin and typesVersions target in the installed package', () => {
      const pkgDir = join(app, 'node_modules/weather-strip');
      const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
        exports: Record<string, string | Record<string, string>>;
        typesVersions: Record<string, Record<string, string[]>>;
        bin: Record<string, string>;
      };
      const targets = [
        ...Object.values(pkg.exports).flatMap((target) =>
          typeof target === 'string' ? [target] : Object.values(target),
        ),
        ...Object.values(pkg.typesVersions['*']!).flat(),
        ...Object.values(pkg.bin),
      ].filter((target) => !target.includes('*'));
      for (const target of targets) assert.ok(existsSync(join(pkgDir, target)), `${target} is missing`);
    });
  });

  describe('Node', () => {
    it('imports every entry point; only the registering ones define elements', () => {
      const script = `
        const classes = await import('weather-strip/classes');
        await import('weather-strip/classes/weather-strip');
        await import('weather-strip/classes/article-card');
        const before = ['weather-strip', 'weather-station', 'article-card'].map((tag) => customElements.get(tag) ?? null);
        await import('weather-strip/weather-strip');
        const stripOnly = ['weather-strip', 'article-card'].map((tag) => customElements.get(tag) === undefined);
        const main = await import('weather-strip');
        const schema = await import('weather-strip/schema/weather-feed.schema.json', { with: { type: 'json' } });
        const manifest = await import('weather-strip/custom-elements.json', { with: { type: 'json' } });
        console.log(JSON.stringify({
          before, stripOnly,
          same: customElements.get('weather-strip') === classes.WeatherStrip && main.ArticleCard === classes.ArticleCard,
          card: customElements.get('article-card') === classes.ArticleCard,
          schema: typeof schema.default.$schema,
          tags: manifest.default.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName).sort(),
        }));`;
      const result = run(app, process.execPath, ['--input-type=module', '-e', script]);
      assert.equal(result.status, 0, result.output);
      assert.deepEqual(JSON.parse(result.output), {
        before: [null, null, null],
        stripOnly: [false, true],
        same: true,
        card: true,
        schema: 'string',
        tags: ['article-card', 'weather-station', 'weather-strip'],
      });
    });

    it('runs the weather-strip-feed bin', () => {
      const result = run(app, join(app, 'node_modules/.bin/weather-strip-feed'), ['--help']);
      assert.equal(result.status, 0, result.output);
      assert.match(result.output, /--source/);
    });

    it('prints the shipped workflow with weather-strip-feed --print-workflow', () => {
      const result = run(app, join(app, 'node_modules/.bin/weather-strip-feed'), ['--print-workflow']);
      assert.equal(result.status, 0, result.output);
      const shipped = readFileSync(
        join(app, 'node_modules/weather-strip/dist/workflow/weather-feed.yml'),
        'utf8',
      );
      assert.equal(result.output, shipped);
    });

    it('imports weather-strip/edge and weather-strip/edge/node, which answer a request', () => {
      const script = `
        const edge = await import('weather-strip/edge');
        const { nodeListener } = await import('weather-strip/edge/node');
        const answer = await edge.withEnv(edge.default, {})(new Request('http://localhost/weather.json'));
        console.log(JSON.stringify({
          status: answer.status,
          setting: (await answer.json()).error.setting,
          listener: typeof nodeListener(edge.default, {}),
        }));`;
      const result = run(app, process.execPath, ['--input-type=module', '-e', script]);
      assert.equal(result.status, 0, result.output);
      assert.deepEqual(JSON.parse(result.output.split('\n').find((line) => line.startsWith('{'))!), {
        status: 500,
        setting: 'WEATHER_STRIP_AUTH_KEY',
        listener: 'function',
      });
    });

    it('renders both elements to declarative shadow DOM', () => {
      const page = readFileSync(join(app, 'ssr.html'), 'utf8');
      assert.equal(page.match(/<template shadowroot="open" shadowrootmode="open">/g)?.length, 2);
      for (const station of ['동두천', '강릉', '서울'])
        assert.match(page, new RegExp(`<span part="name" class="name"><!--lit-part-->${station}<`));
      assert.match(
        page,
        /<time part="date" class="date" datetime="2025-08-01"><!--lit-part-->2025\.08\.01 \(금\)/,
      );
      assert.match(page, /<a part="link" class="link" href="\/articles\/1">/);
    });
  });

  describe('workerd', () => {
    it('bundles as wrangler does from the README’s wrangler.toml, and answers in workerd', async () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const toml = /```toml\n([\s\S]*?)```/.exec(readme)![1]!;
      const main = /^\s*main = "(.+)"$/m.exec(toml)![1]!;
      const date = /^\s*compatibility_date = "(.+)"$/m.exec(toml)![1]!;
      const entry = /`src\/index\.js`: `(.+)`/.exec(readme)![1]!;
      mkdirSync(join(app, dirname(main)), { recursive: true });
      writeFileSync(join(app, main), `${entry}\n`);
      // wrangler bundles with esbuild and the conditions of workerd.
      await build({
        absWorkingDir: app,
        entryPoints: [main],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        conditions: ['workerd', 'worker', 'browser'],
        mainFields: ['module', 'main'],
        outfile: join(app, 'worker.bundle.js'),
        logLevel: 'silent',
      });
      const mf = new Miniflare({
        modules: true,
        modulesRoot: app,
        scriptPath: join(app, 'worker.bundle.js'),
        compatibilityDate: date,
        bindings: { WEATHER_STRIP_SOURCE: 'datagokr' },
      });
      try {
        const answer = await mf.dispatchFetch('http://localhost/weather.json');
        assert.equal(answer.status, 500);
        assert.equal(
          ((await answer.json()) as { error: { setting: string } }).error.setting,
          'WEATHER_STRIP_SERVICE_KEY',
        );
      } finally {
        await mf.dispose();
      }
    });
  });

  describe('Chromium', () => {
    it('runs the Vite app: the main entry registers, the classes entry gives a tag of its own', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}/dist/index.html`);
      await page.waitForFunction(
        () => document.querySelector('news-weather')?.shadowRoot?.querySelectorAll('li').length === 3,
      );
      assert.deepEqual(await texts(page, 'weather-strip li'), STATIONS);
      assert.deepEqual(await texts(page, 'news-weather li'), STATIONS);
      assert.deepEqual(await texts(page, 'article-card [part="headline"]'), ['제목']);
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('runs a plain page with one <script type="module"> of the CDN bundle', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/plain.html`);
      await page.waitForFunction(
        () => document.querySelector('weather-strip')?.shadowRoot?.querySelectorAll('li').length === 3,
      );
      assert.deepEqual(await texts(page, 'weather-strip li'), STATIONS);
      assert.deepEqual(await texts(page, 'weather-strip [part="date"]'), ['2025.08.01 (금)']);
      assert.deepEqual(await texts(page, 'article-card [part="deck"]'), ['부제']);
      await page.close();
    });

    it('shows the server-rendered strip and card with JavaScript disabled', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/ssr.html`);
      assert.deepEqual(await texts(page, 'weather-strip li'), STATIONS);
      assert.ok(await page.locator('weather-strip [part="station"]').first().isVisible());
      assert.ok(await page.locator('weather-strip [part="attribution"]').isVisible());
      assert.ok(await page.locator('article-card [part="headline"]').isVisible());
      await context.close();
    });

    it('hydrates the server-rendered page without warnings, keeping its nodes, and starts the ticker', async () => {
      const page = await browser.newPage();
      const messages = warningsAndErrors(page);
      await page.goto(`${server.url}/ssr.html`);
      await page.waitForFunction(
        () => customElements.get('weather-strip') && customElements.get('article-card'),
      );
      const hydrated = await page.evaluate(async () => {
        const strip = document.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(
          'weather-strip',
        )!;
        await strip.updateComplete;
        const nodes = [...strip.shadowRoot!.querySelectorAll('li')];
        const server = (window as unknown as { serverNodes: Element[] }).serverNodes;
        return {
          count: nodes.length,
          same: nodes.every((node, i) => node === server[i]) && server.length === 3,
        };
      });
      assert.deepEqual(hydrated, { count: 3, same: true });
      // interval="1": the first roll step within a few seconds.
      await page.waitForFunction(
        () =>
          (
            document.querySelector('weather-strip')!.shadowRoot!.querySelector('.track') as HTMLElement
          ).style.transform.includes('translateY'),
        undefined,
        { timeout: 5000 },
      );
      // The development build of Lit ran (it announces itself), and nothing else was said.
      assert.ok(
        messages.some((text) => text.includes('Lit is in dev mode')),
        messages.join('\n'),
      );
      assert.deepEqual(
        messages.filter((text) => !text.includes('Lit is in dev mode')),
        [],
      );
      await page.close();
    });

    it('hydrates for a reader who asked for reduced motion, then shows every station, still', async () => {
      // The server drew a rolling strip; it cannot know the reader's setting.
      const context = await browser.newContext({ reducedMotion: 'reduce' });
      const page = await context.newPage();
      const messages = warningsAndErrors(page);
      await page.goto(`${server.url}/ssr.html`);
      await page.waitForFunction(
        () => document.querySelector('weather-strip')?.shadowRoot?.querySelector('.base.static') !== null,
        undefined,
        { timeout: 5000 },
      );
      const state = await page.evaluate(async () => {
        const strip = document.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(
          'weather-strip',
        )!;
        await strip.updateComplete;
        const root = strip.shadowRoot!;
        const nodes = [...root.querySelectorAll('li')];
        const server = (window as unknown as { serverNodes: Element[] }).serverNodes;
        return {
          same: nodes.length === 3 && nodes.every((node, i) => node === server[i]),
          visible: nodes.map((node) => node.checkVisibility()),
          pauseButton: root.querySelector('button') !== null,
          clone: root.querySelector('.clone') !== null,
          transform: (root.querySelector('.track') as HTMLElement).style.transform,
        };
      });
      assert.deepEqual(state, {
        same: true,
        visible: [true, true, true],
        pauseButton: false,
        clone: false,
        transform: '',
      });
      // interval="1": had it kept rolling, a step would have come by now.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(
        await page.evaluate(
          () =>
            (document.querySelector('weather-strip')!.shadowRoot!.querySelector('.track') as HTMLElement)
              .style.transform,
        ),
        '',
      );
      assert.deepEqual(
        messages.filter((text) => !text.includes('Lit is in dev mode')),
        [],
      );
      await context.close();
    });
  });

  describe('types', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const vueTsc = join(ROOT, 'node_modules/vue-tsc/bin/vue-tsc.js');

    /** Each checker: a project that must type-check, and one that must fail on its marked lines only. */
    const cases = [
      {
        what: 'TSX (React 19) and TypeScript',
        checker: tsc,
        good: 'types/tsconfig.good.json',
        bad: 'types/tsconfig.bad.json',
        badFile: 'types/bad.tsx',
      },
      {
        what: 'TSX for Preact (jsxImportSource: preact)',
        checker: tsc,
        good: 'types/tsconfig.preact-good.json',
        bad: 'types/tsconfig.preact-bad.json',
        badFile: 'types/preact-bad.tsx',
      },
      {
        what: 'a Vue single-file component',
        checker: vueTsc,
        good: 'vue/tsconfig.good.json',
        bad: 'vue/tsconfig.bad.json',
        badFile: 'vue/Bad.vue',
      },
    ];
    for (const config of ['types/tsconfig.edge.json', 'types/tsconfig.edge-node10.json']) {
      it(`type-checks weather-strip/edge in a Workers project (${config})`, () => {
        const result = run(app, process.execPath, [tsc, '-p', config]);
        assert.equal(result.status, 0, result.output);
      });
    }

    for (const { what, checker, good, bad, badFile } of cases) {
      it(`type-checks correct uses in ${what}`, () => {
        const result = run(app, process.execPath, [checker, '-p', good]);
        assert.equal(result.status, 0, result.output);
      });

      it(`rejects every wrong prop, attribute, event detail, tag and element type in ${what}, and nothing else`, () => {
        const result = run(app, process.execPath, [checker, '-p', bad]);
        assert.notEqual(result.status, 0);
        assert.deepEqual(errorLines(result.output, badFile), markedLines(join(app, badFile)), result.output);
      });
    }
  });
});
