import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import { serviceOver } from '../src/compose.js';
import { parseInvitation } from '../src/core/parser.js';
import { createFileReaders, OCR_LANGUAGES } from '../src/input/index.js';
import { openDatabase } from '../src/store/db.js';
import { facebookRequest, linkedinCard, linkedinCardGerman, xFollow } from '../test/input/screens.js';
import type { BenchRun } from './types.js';

const require = createRequire(import.meta.url);
const MB = 1024 * 1024;

/** tesseract.js alone, set up as the project sets it up (same languages, same LSTM models), as the baseline. */
async function rawWorker() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
  for (const code of OCR_LANGUAGES) {
    const pkg = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
    symlinkSync(join(pkg, '4.0.0_best_int', `${code}.traineddata.gz`), join(dir, `${code}.traineddata.gz`));
  }
  const worker = await createWorker([...OCR_LANGUAGES], OEM.LSTM_ONLY, { langPath: dir, cacheMethod: 'none' });
  const done = async () => {
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  };
  return { worker, done };
}

/**
 * Image to parsed invitation through service.input.read and the parser, against tesseract's own recognize() on
 * the same images, interleaved in one run so both see the same machine load. Peak RSS with our worker warm.
 */
export const run: BenchRun = async ({ quick }) => {
  const images = [linkedinCard(), linkedinCardGerman(2), facebookRequest(1.5, 'webp'), xFollow(2, 'jpeg')];
  const rounds = quick ? 1 : 6;
  const readers = createFileReaders();
  const service = serviceOver(openDatabase(':memory:'), { now: () => Date.now() }, readers);
  const ours = async (bytes: Uint8Array) => parseInvitation((await service.input.read({ bytes })).text);

  let t = performance.now();
  await ours(images[0] as Uint8Array);
  const firstImage = performance.now() - t;
  let peak = process.memoryUsage().rss;
  for (const img of images) {
    await ours(img);
    peak = Math.max(peak, process.memoryUsage().rss);
  }

  const raw = await rawWorker();
  for (const img of images) await raw.worker.recognize(img);
  const oursMs: number[] = [];
  const rawMs: number[] = [];
  let parsed = 0;
  for (let r = 0; r < rounds; r++) {
    for (const img of images) {
      // Each goes first every other time, so neither always runs on a cache the other warmed.
      const pair = [
        async () => {
          t = performance.now();
          const inv = await ours(img);
          oursMs.push(performance.now() - t);
          if (inv.platform && inv.inviter) parsed++;
        },
        async () => {
          t = performance.now();
          await raw.worker.recognize(img);
          rawMs.push(performance.now() - t);
        },
      ];
      for (const step of r % 2 === 0 ? pair : pair.reverse()) await step();
    }
  }
  await raw.done();
  await readers.close();
  const n = rounds * images.length;
  // Medians: on a shared machine one image now and then waits for a core, on either side.
  const ours50 = median(oursMs);
  const raw50 = median(rawMs);
  const ratio = ours50 / raw50;
  return {
    title: `OCR: ${images.length} rendered screenshots × ${rounds} rounds, languages ${OCR_LANGUAGES.join('+')}`,
    rows: [
      { name: 'first image, worker start included', value: firstImage, unit: 'ms' },
      {
        name: 'image -> parsed invitation (service), median',
        value: ours50,
        unit: 'ms/image',
        baseline: { name: 'tesseract recognize()', value: raw50 },
        ratio,
        target: '≤ 1.3×',
        pass: ratio <= 1.3,
      },
      { name: 'images with platform and inviter', value: parsed, unit: `of ${n}` },
      { name: 'peak RSS, OCR worker warm', value: peak / MB, unit: 'MB' },
    ],
  };
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
