// Replaces a file's content atomically: the new bytes go to a temporary file in the same folder,
// which is renamed over the original, so a reader never sees half a file and a crash leaves the
// original intact.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeError } from './files';

/** A write the tool declined to make; the message says why, the file is untouched. */
export class WriteRefusedError extends Error {}

export type WriteOutcome = 'written' | 'unchanged';

/**
 * Writes `next` over `file` if it differs from `original`, the bytes the caller read and fixed.
 * Refuses (throws WriteRefusedError) when the file is read-only or changed since it was read.
 * A symbolic link is written through to its target; the file's mode is kept.
 */
export function writeFileAtomic(file: string, original: Buffer, next: Buffer): WriteOutcome {
  if (next.equals(original)) return 'unchanged';
  let target: string;
  let before: fs.Stats;
  try {
    target = fs.realpathSync(file);
    before = fs.statSync(target);
  } catch (error) {
    throw new WriteRefusedError(`cannot write: ${describeError(error)}`);
  }
  if ((before.mode & 0o222) === 0 || !canWrite(target)) throw new WriteRefusedError('not fixed: the file is read-only');
  if (!sameBytes(target, original)) throw new WriteRefusedError('not fixed: the file changed while it was being fixed');

  const mode = before.mode & 0o7777;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx', mode);
    try {
      fs.writeFileSync(fd, next);
      fs.fchmodSync(fd, mode); // the umask may have narrowed the mode given to open
      tryChown(fd, before);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Last check right before the rename, so an edit made while we wrote is not overwritten.
    const now = fs.statSync(target);
    if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino || !sameBytes(target, original)) {
      throw new WriteRefusedError('not fixed: the file changed while it was being fixed');
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    if (error instanceof WriteRefusedError) throw error;
    throw new WriteRefusedError(`cannot write: ${describeError(error)}`);
  }
  return 'written';
}

function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function sameBytes(file: string, expected: Buffer): boolean {
  try {
    return fs.readFileSync(file).equals(expected);
  } catch {
    return false;
  }
}

/** Keeps owner and group when allowed (running as root); otherwise the writer owns the new file. */
function tryChown(fd: number, stat: fs.Stats): void {
  try {
    fs.fchownSync(fd, stat.uid, stat.gid);
  } catch {
    // Not permitted for ordinary users; the mode is still kept.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone.
  }
}
