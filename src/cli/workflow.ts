// The scheduled-publishing workflow (`--print-workflow`), bundled into the command as text so that
// it prints the file the package ships as dist/workflow/weather-feed.yml, byte for byte.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import WORKFLOW from './weather-feed.yml';
import { writeFileAtomic } from './output.js';

/** The workflow's file name, as `.github/workflows/` would hold it. */
export const WORKFLOW_FILE = 'weather-feed.yml';

/** Writes the workflow to standard output (`out` absent or `-`), or to a file, making its folders. */
export function printWorkflow(out: string | undefined, stdout: (text: string) => void): void {
  if (out === undefined || out === '-') {
    stdout(WORKFLOW);
    return;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, WORKFLOW);
}
