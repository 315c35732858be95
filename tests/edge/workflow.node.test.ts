// Scheduled publishing: the GitHub Actions workflow the package ships. It parses, the command
// prints it byte for byte, its schedule fits each source, its run step (taken from the YAML and
// run with bash as Actions runs it) writes the feed from the local stand-ins, and the README walks
// someone who never used Actions through every setting it reads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { APIHUB_CRON, DATAGOKR_CRON } from '../../src/kma-feed/index.js';
import { ROOT, bundledCommand, referenceFeed, runCommand } from '../cli/helpers.js';
import { startApihubStandIn, type ApihubStandIn } from '../support/apihub-standin.node.js';
import { startDatagokrGateway, type DatagokrGateway } from '../support/datagokr-gateway.node.js';
import { assertNoKey, assertSchemaValid } from './helpers.js';

const WORKFLOW_PATH = join(ROOT, 'src/cli/weather-feed.yml');
const WORKFLOW_TEXT = readFileSync(WORKFLOW_PATH, 'utf8');
const AUTH_KEY = 'workflow+Auth/Key=1';
const SERVICE_KEY = 'Wf0+Service/Key0123456789abcdefghijABCDEFGHIJ0123456789abcdefghijABCDEFGHIJ0123456789==';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly id?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { if: string; steps: Step[]; environment: { name: string; url: string } }>;
}

const workflow = parseDocument(WORKFLOW_TEXT).toJS() as Workflow;
const job = workflow.jobs.publish!;
const runStep = job.steps.find((step) => step.run !== undefined)!;

/** `${{ vars.X }}` and `${{ secrets.X }}` as Actions fills them: "" when not set. */
function resolveEnv(
  env: Record<string, string>,
  contexts: { vars: Record<string, string>; secrets: Record<string, string> },
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    resolved[name] = value.replace(
      /\$\{\{\s*(vars|secrets)\.(\w+)\s*\}\}/g,
      (_, context: 'vars' | 'secrets', key: string) => contexts[context][key] ?? '',
    );
    assert.doesNotMatch(resolved[name]!, /\$\{\{/, `${name} uses an expression the test cannot fill`);
  }
  return resolved;
}

/** The names of the secrets and variables the workflow reads. */
const settingsRead = (context: 'vars' | 'secrets') =>
  [...new Set([...WORKFLOW_TEXT.matchAll(new RegExp(`${context}\\.(\\w+)`, 'g'))].map((m) => m[1]!))].sort();

let hub: ApihubStandIn;
let gateway: DatagokrGateway;
let shims: string;

before(async () => {
  hub = await startApihubStandIn({ authKey: AUTH_KEY, now: new Date() });
  gateway = await startDatagokrGateway({ serviceKey: SERVICE_KEY, now: new Date() });
  // `npx` as the run step calls it: the command this package builds, nothing downloaded.
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const pin = `weather-strip@${version.split('.').slice(0, 2).join('.')}`;
  shims = mkdtempSync(join(tmpdir(), 'weather-strip-shims-'));
  writeFileSync(
    join(shims, 'npx'),
    `#!/bin/sh
if [ "$1" != "--yes" ] || [ "$2" != "--package=${pin}" ] || [ "$3" != "weather-strip-feed" ]; then
  echo "npx called as: $*; the workflow should call --yes --package=${pin} weather-strip-feed" >&2
  exit 97
fi
shift 3
exec "${process.execPath}" "${bundledCommand()}" "$@"
`,
  );
  chmodSync(join(shims, 'npx'), 0o755);
});

after(async () => {
  await hub?.close();
  await gateway?.close();
});

/** Runs the workflow's run step as Actions does (`bash -e`), in a fresh checkout folder. */
async function runStepWith(contexts: { vars: Record<string, string>; secrets: Record<string, string> }) {
  const cwd = mkdtempSync(join(tmpdir(), 'weather-strip-workflow-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && !name.startsWith('WEATHER_STRIP_')) env[name] = value;
  Object.assign(env, resolveEnv(runStep.env ?? {}, contexts), {
    PATH: `${shims}:${process.env.PATH}`,
    // The runner's network: the stand-ins instead of KMA.
    WEATHER_STRIP_APIHUB_URL: hub.url('/workflow'),
    WEATHER_STRIP_DATAGOKR_URL: gateway.url,
  });
  // Asynchronous: the stand-ins answer from this process meanwhile.
  const result = await new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', runStep.run!],
      { cwd, env, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
  const out = /--out (\S+)/.exec(runStep.run!)![1]!;
  return { ...result, cwd, feed: join(cwd, out) };
}

describe('the scheduled-publishing workflow', () => {
  it('parses, and --print-workflow writes it byte for byte, to standard output or --out', async () => {
    const document = parseDocument(WORKFLOW_TEXT);
    assert.deepEqual(document.errors, []);
    assert.deepEqual(document.warnings, []);
    const printed = await runCommand(['--print-workflow']);
    assert.equal(printed.code, 0, printed.stderr);
    assert.equal(printed.stdout, WORKFLOW_TEXT);
    const dir = mkdtempSync(join(tmpdir(), 'weather-strip-repo-'));
    const written = await runCommand(['--print-workflow', '--out', '.github/workflows/weather-feed.yml'], {
      cwd: dir,
    });
    assert.equal(written.code, 0, written.stderr);
    assert.equal(readFileSync(join(dir, '.github/workflows/weather-feed.yml'), 'utf8'), WORKFLOW_TEXT);
    const mixed = await runCommand(['--print-workflow', '--source', 'datagokr']);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /one workflow for both sources/);
  });

  it('runs each source an hour apart at the minute that fits it, and on demand', () => {
    assert.deepEqual(
      workflow.on.schedule.map((s) => s.cron),
      [APIHUB_CRON, DATAGOKR_CRON],
    );
    assert.ok('workflow_dispatch' in workflow.on);
    // The job's condition, read as JavaScript reads it (the same operators on strings).
    const condition = new Function('github', 'vars', `return (${job.if});`) as (
      github: { event_name: string; event: { schedule?: string } },
      vars: Record<string, string>,
    ) => boolean;
    const runs = (event: string, schedule: string | undefined, source: string) =>
      Boolean(condition({ event_name: event, event: { schedule } }, { WEATHER_STRIP_SOURCE: source }));
    assert.equal(runs('schedule', APIHUB_CRON, ''), true);
    assert.equal(runs('schedule', DATAGOKR_CRON, ''), false);
    assert.equal(runs('schedule', APIHUB_CRON, 'apihub'), true);
    assert.equal(runs('schedule', DATAGOKR_CRON, 'datagokr'), true);
    assert.equal(runs('schedule', APIHUB_CRON, 'datagokr'), false);
    assert.equal(runs('workflow_dispatch', undefined, 'datagokr'), true);
  });

  it('publishes the folder the feed is written to, with the rights Pages deployment needs', () => {
    assert.deepEqual(workflow.permissions, { contents: 'read', pages: 'write', 'id-token': 'write' });
    const uses = job.steps.flatMap((step) => (step.uses ? [step.uses.split('@')[0]] : []));
    assert.deepEqual(uses, ['actions/setup-node', 'actions/upload-pages-artifact', 'actions/deploy-pages']);
    const out = /--out (\S+)/.exec(runStep.run!)![1]!;
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))!;
    assert.equal(upload.with?.path, dirname(out));
    assert.equal(job.environment.name, 'github-pages');
    assert.equal(job.environment.url, `\${{ steps.deployment.outputs.page_url }}${basename(out)}`);
  });

  it('its run step writes the feed from API Hub with the secret alone', async () => {
    const run = await runStepWith({ vars: {}, secrets: { WEATHER_STRIP_AUTH_KEY: AUTH_KEY } });
    assert.equal(run.status, 0, run.stderr);
    assertSchemaValid(readFileSync(run.feed, 'utf8'));
    assert.deepEqual(
      { ...(JSON.parse(readFileSync(run.feed, 'utf8')) as object), observedAt: 'any' },
      { ...(referenceFeed() as object), observedAt: 'any' },
    );
    assert.ok(hub.requestsFor('/workflow').length >= 1);
    assertNoKey(run.stdout + run.stderr, [AUTH_KEY], 'the run log');
  });

  it('its run step reads the source and the stations from the repository variables', async () => {
    const run = await runStepWith({
      vars: { WEATHER_STRIP_SOURCE: 'datagokr', WEATHER_STRIP_STATIONS: '군산,전주' },
      secrets: { WEATHER_STRIP_SERVICE_KEY: SERVICE_KEY },
    });
    assert.equal(run.status, 0, run.stderr);
    const feed = assertSchemaValid(readFileSync(run.feed, 'utf8'));
    assert.deepEqual(
      feed.stations.map((s) => (s as { name: string }).name),
      ['군산', '전주'],
    );
    assert.ok(gateway.requests.length >= 4);
  });

  it('its run step fails, leaving nothing to publish, when the key is refused', async () => {
    const run = await runStepWith({ vars: {}, secrets: { WEATHER_STRIP_AUTH_KEY: 'wrong-key' } });
    assert.equal(run.status, 3, run.stderr);
    assert.equal(existsSync(run.feed), false);
  });

  it('is set up by the README step by step, naming every secret and variable it reads', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('### Scheduled publishing');
    assert.ok(start > 0, 'README has a "Scheduled publishing" section');
    const end = readme.slice(start + 1).search(/\n##+ /);
    const section = readme.slice(start, end < 0 ? undefined : start + 1 + end);
    const out = basename(/--out (\S+)/.exec(runStep.run!)![1]!);
    const url = `https://<user>.github.io/<repository>/${out}`;
    const steps: [string, RegExp][] = [
      ['a repository of its own', /new repository/i],
      ['the workflow file', /--print-workflow --out \.github\/workflows\/weather-feed\.yml/],
      ['Pages from GitHub Actions', /Settings → Pages[^\n]*\n?[^\n]*Source[^\n]*\*\*GitHub Actions\*\*/],
      ['the secret', /Settings → Secrets and variables → Actions[\s\S]*New repository secret/],
      ['the optional variables', /optional[\s\S]*New repository variable/i],
      ['the first run', /Actions[^\n]*→[^\n]*Weather feed[^\n]*→[^\n]*\*\*Run workflow\*\*/],
      ['the feed URL', new RegExp(url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
      [
        'the strip pointed at it',
        new RegExp(`<weather-strip src="${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`),
      ],
    ];
    for (const [what, pattern] of steps) assert.match(section, pattern, what);
    for (const name of [...settingsRead('secrets'), ...settingsRead('vars')])
      assert.ok(section.includes(`\`${name}\``), `the README names ${name}`);
    assert.deepEqual(settingsRead('secrets'), ['WEATHER_STRIP_AUTH_KEY', 'WEATHER_STRIP_SERVICE_KEY']);
    assert.deepEqual(settingsRead('vars'), ['WEATHER_STRIP_SOURCE', 'WEATHER_STRIP_STATIONS']);
  });
});
