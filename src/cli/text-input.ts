import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { InputService } from '../service/index.js';
import { InputError, UsageError } from './args.js';

/** Far above the 20,000 characters the service takes, so it can say how long the text was; a limit on memory. */
const MAX_BYTES = 1_000_000;

/** Where the invitation comes from: `--file` (text, .eml, or a screenshot too) or `--image` (a screenshot only). */
export interface FileOptions {
  file?: string;
  image?: string;
}

export interface TextSource {
  stdin: Readable & { isTTY?: boolean };
  cwd: string;
}

/**
 * The invitation text: the positionals joined, `-` for standard input, `--file <path>` (text, .eml or screenshot),
 * `--image <path>`, or standard input when no text is given and it is not a terminal (a pipe or a redirect).
 */
export async function readText(
  positionals: readonly string[],
  files: FileOptions,
  src: TextSource,
  input: () => Promise<InputService>,
): Promise<string> {
  const { file, image } = files;
  if (file !== undefined && image !== undefined) throw new UsageError('give --file or --image, not both');
  const path = file ?? image;
  if (path !== undefined) {
    if (positionals.length > 0) throw new UsageError(`give the text or --${file ? 'file' : 'image'}, not both`);
    return readFileInput(resolve(src.cwd, path), image !== undefined, await input());
  }
  if (positionals.length === 1 && positionals[0] === '-') return readStream(src.stdin);
  if (positionals.includes('-')) throw new UsageError('"-" (read standard input) must be the only text argument');
  if (positionals.length > 0) return positionals.join(' ');
  if (src.stdin.isTTY) {
    throw new UsageError('give the invitation text, "-" to read it from standard input, or --file <path>');
  }
  return readStream(src.stdin);
}

/** A file read by the service: a text, an .eml or a screenshot, each refused with the service's one line. */
async function readFileInput(path: string, mustBeImage: boolean, input: InputService): Promise<string> {
  const limit = input.maxBytes(mustBeImage ? 'image' : 'text');
  const bytes = await readBytes(path, Math.max(limit, input.maxBytes('image')));
  const read = await input.read({ bytes, name: path });
  if (mustBeImage && read.kind !== 'image') {
    throw new InputError(`${path} is not an image: --image reads screenshots (PNG, JPEG, WebP); --file reads the rest`);
  }
  return read.text;
}

async function readBytes(path: string, max: number): Promise<Uint8Array> {
  const unreadable = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    return new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`);
  };
  const info = await stat(path).catch((err: unknown) => Promise.reject(unreadable(err)));
  if (info.isDirectory()) throw new InputError(`cannot read ${path}: it is a folder`);
  if (info.size > max) {
    throw new InputError(`${path} is ${(info.size / 1e6).toFixed(1)} MB; I read files up to ${max / 1e6} MB`);
  }
  return readFile(path).catch((err: unknown) => Promise.reject(unreadable(err)));
}

async function readStream(stream: Readable): Promise<string> {
  stream.setEncoding('utf8');
  let text = '';
  for await (const chunk of stream) {
    text += chunk;
    if (text.length > MAX_BYTES) {
      stream.destroy();
      throw new InputError('standard input is over 1 MB: that is not an invitation');
    }
  }
  return text;
}
