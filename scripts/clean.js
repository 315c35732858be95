// Removes build output so that a build never ships a stale file.
import { rmSync } from 'node:fs';

for (const dir of ['dist', 'coverage']) rmSync(dir, { recursive: true, force: true });
