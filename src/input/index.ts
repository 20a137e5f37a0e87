import type { FileReaders } from '../service/input-service.js';
import { readMail } from './mail.js';
import { Ocr } from './ocr.js';

export { MAX_OCR_QUEUE, OCR_LANGUAGES } from './ocr.js';

/** File readers with a way to stop the OCR worker thread on shutdown. */
export interface ClosableReaders extends FileReaders {
  /** Starts the OCR worker now rather than on the first image (about 1 s and 150 MB); optional. */
  warm(): Promise<void>;
  /** Terminates the OCR worker, if it started; a later image starts it again. */
  close(): Promise<void>;
}

/** One OCR worker per process: every service built here shares it, so it starts once and stays warm. */
const ocr = new Ocr();

/** The readers the composition root hands to createService: .eml through postal-mime, images through tesseract.js. */
export function createFileReaders(): ClosableReaders {
  return {
    mail: readMail,
    image: (bytes) => ocr.read(bytes),
    warm: async () => {
      await ocr.warm();
    },
    close: () => ocr.close(),
  };
}
