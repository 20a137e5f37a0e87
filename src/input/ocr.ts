import { rmSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { TriageError } from '../core/errors.js';
import { tidyOcrText } from './ocr-text.js';

/**
 * Languages OCR reads, each shipped as an npm package (@tesseract.js-data/<code>); the first is the primary. Each
 * one costs about 0.1 s per image on top of English's 0.2 s here, so only those whose letters English misreads
 * (ä, ö, ü, ß, é, è, ç, ñ) and which notifications come in most; others' plain letters still read.
 */
export const OCR_LANGUAGES = ['eng', 'deu', 'fra', 'spa'] as const;

/** Images waiting or being read at once; past this a caller is told to try again rather than wait for minutes. */
export const MAX_OCR_QUEUE = 8;

const require = createRequire(import.meta.url);

/** The LSTM-only ("best_int") model each package ships beside its larger legacy one. */
function modelDir(code: string): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)), '4.0.0_best_int');
}

/**
 * tesseract.js reads every language from one langPath, while each package has its own folder: a temp folder of
 * links to the packages' files is that langPath. cacheMethod 'none': nothing is fetched, cached or written.
 */
async function start(): Promise<{ worker: Worker; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'invite-triage-ocr-'));
  // A process that ends without close() (a test runner, an uncaught error) still leaves no folder behind.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  try {
    for (const code of OCR_LANGUAGES) {
      const file = `${code}.traineddata.gz`;
      await symlink(join(modelDir(code), file), join(dir, file));
    }
    const workerPath = join(dir, 'quiet-worker.cjs');
    await writeFile(workerPath, quietWorker());
    const worker = await createWorker([...OCR_LANGUAGES], OEM.LSTM_ONLY, {
      workerPath,
      langPath: dir,
      cachePath: dir,
      cacheMethod: 'none',
      gzip: true,
      // Without a handler tesseract.js throws a failed job's error outside any promise, ending the process; the
      // job's own promise still rejects with it.
      errorHandler: () => {},
    });
    return { worker, dir };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * tesseract.js's own worker script, with the thread's console silenced first: tesseract's C++ core prints its
 * complaints ("Error in pixRead", "Image file /input cannot be read!") there, which would land over the terminal's
 * conversation; the failed job's rejection already carries what went wrong.
 */
function quietWorker(): string {
  const script = join(dirname(require.resolve('tesseract.js/package.json')), 'src/worker-script/node/index.js');
  return `console.log = console.error = console.warn = console.info = () => {};\nrequire(${JSON.stringify(script)});\n`;
}

/** One tesseract.js worker (its own thread), started on first use and kept warm; a queue bounded at MAX_OCR_QUEUE. */
export class Ocr {
  private worker: Promise<{ worker: Worker; dir: string }> | undefined;
  private pending = 0;

  /** The text in an image. Rejects with TriageError('reader_busy') when the queue is full. */
  async read(bytes: Uint8Array): Promise<string> {
    if (this.pending >= MAX_OCR_QUEUE) {
      throw new TriageError(
        'reader_busy',
        'I am reading other screenshots right now. Send this one again in a minute.',
      );
    }
    this.pending++;
    try {
      const { worker } = await this.warm();
      // tesseract.js queues jobs on the one worker itself; the count above is what bounds that queue.
      const { data } = await worker.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return tidyOcrText(data.text);
    } finally {
      this.pending--;
    }
  }

  /** Starts the worker if it is not running; a failed start is forgotten so the next image tries again. */
  warm(): Promise<{ worker: Worker; dir: string }> {
    if (!this.worker) {
      this.worker = start();
      this.worker.catch(() => {
        this.worker = undefined;
      });
    }
    return this.worker;
  }

  /** Ends the worker thread; a later read starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    const started = await worker?.catch(() => undefined);
    if (!started) return;
    await started.worker.terminate();
    await rm(started.dir, { recursive: true, force: true });
  }
}
