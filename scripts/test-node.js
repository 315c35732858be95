// Runs the Node-side tests (`*.node.test.ts`: CLI, parsers, packaging, end-to-end pages).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const files = readdirSync('tests', { recursive: true })
  .map((file) => join('tests', String(file)))
  .filter((file) => file.endsWith('.node.test.ts'))
  .filter((file) => only.length === 0 || only.some((part) => file.includes(part)))
  .sort();
if (files.length === 0) {
  console.error('No Node tests found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
