// Fails when custom-elements.json differs from what the analyzer makes of the source now.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves --outdir against the project, so the scratch copy lives inside it.
const out = join('.tmp', `manifest-check-${process.pid}`);
mkdirSync(out, { recursive: true });
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json matches the source.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
