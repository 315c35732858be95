import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Symbolic links followed before giving up, as the kernel's own limit (ELOOP). */
const MAX_LINKS = 40;

/**
 * The file a path names once its symbolic links are followed (the last one may point at a file
 * that does not exist yet). The feed is written there, so that a link such as
 * `public/weather.json → /srv/feeds/weather.json` stays a link.
 */
export function linkTarget(path: string): string {
  let current = path;
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return current;
      throw error;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`too many symbolic links at ${path}`), { code: 'ELOOP' });
}

/** The permission bits of an existing file, or `undefined` when there is none. */
function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * Writes a file atomically: the text goes to a temporary file beside the target, is flushed to
 * disk, then renamed over it. Readers (a web server) see the old file or the new one, never a
 * half-written one; on failure the old file stays and the temporary file is removed. A symbolic
 * link is followed and kept; an existing file keeps its permission bits.
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = linkTarget(path);
  const mode = existingMode(target);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode ?? 0o644);
    // The umask narrows the mode given to open; an existing file's mode is restored whole.
    if (mode !== undefined) fchmodSync(fd, mode);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}
