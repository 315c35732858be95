import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FeedError, INPUT_MAX_BYTES, type InputFile, type SavedInput } from '../kma-feed/index.js';

/** Reads a file, but stops once it holds more than `limit` bytes: enough to tell it is too large. */
function readFileUpTo(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= limit) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** The files of `--input`: one file, or every file of a folder (in name order, hidden ones aside). */
function filesOf(path: string): InputFile[] {
  if (!statSync(path).isDirectory()) return [{ name: path, bytes: readFileUpTo(path, INPUT_MAX_BYTES) }];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name: join(path, name), bytes: readFileUpTo(join(path, name), INPUT_MAX_BYTES) }));
}

/**
 * Reads `--input`: a file, a folder of files, or `-` (standard input, through `readStdin`, which
 * stops once past the bound). Throws a `file` `FeedError` for a path that cannot be read.
 */
export async function readInput(
  path: string,
  readStdin: (maxBytes: number) => Promise<Uint8Array>,
): Promise<SavedInput> {
  try {
    if (path !== '-') return { name: path, files: filesOf(path) };
    const name = 'standard input';
    return { name, files: [{ name, bytes: await readStdin(INPUT_MAX_BYTES) }] };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new FeedError(
      'file',
      `Cannot read --input ${path} (${code})`,
      'Check the path and its permissions',
    );
  }
}
