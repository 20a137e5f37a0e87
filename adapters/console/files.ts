import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TriageError } from '../../src/core/errors.js';
import type { InputService } from '../../src/service/index.js';
import { plain } from './render.js';

/** Names a dragged-in file may end with: those the service reads, and those it refuses with a clear line. */
const FILE_NAME = /\.(eml|txt|png|jpe?g|webp|gif|bmp|pdf|zip|heic|tiff?|msg|docx?)$/i;

/**
 * A file dragged onto the terminal arrives as its path on one line: quoted when it has spaces ('…' or "…"),
 * or with backslash-escaped spaces, or as a file:// URL. Only an absolute or home path to such a file counts.
 */
export function droppedPath(line: string): string | undefined {
  let path = line.trim();
  if (path.includes('\n') || path.length > 4096) return undefined;
  const quoted = /^(['"])(.*)\1$/.exec(path);
  if (quoted) path = quoted[2] ?? '';
  else path = path.replace(/\\(.)/g, '$1');
  if (path.startsWith('file://')) {
    try {
      path = fileURLToPath(path);
    } catch {
      return undefined;
    }
  }
  if (path.startsWith('~/')) path = `${homedir()}${path.slice(1)}`;
  return isAbsolute(path) && FILE_NAME.test(path) ? path : undefined;
}

/** The invitation text in a file, read by the service; a file that cannot be read is named, with why. */
export async function readInvitationFile(
  path: string,
  cwd: string,
  input: InputService,
  mustBeImage = false,
): Promise<string> {
  const full = resolve(cwd, path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path);
  const cannot = (why: string) => new TriageError('bad_argument', `Cannot read ${plain(full)}: ${why}.`);
  const info = await stat(full).catch((err: NodeJS.ErrnoException) => {
    throw cannot(err.code === 'ENOENT' ? 'no such file' : (err.code ?? String(err)));
  });
  if (info.isDirectory()) throw cannot('it is a folder');
  const max = input.maxAnyBytes();
  if (info.size > max) throw cannot(`it is ${(info.size / 1e6).toFixed(1)} MB, over the ${max / 1e6} MB I read`);
  const bytes = await readFile(full).catch((err: NodeJS.ErrnoException) => {
    throw cannot(err.code ?? String(err));
  });
  const read = await input.read({ bytes, name: full });
  if (mustBeImage && read.kind !== 'image') {
    throw new TriageError('unsupported_file', `${plain(full)} is not an image; "file <path>" reads it.`);
  }
  return read.text;
}
