import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The chat tests' invitation files: the .eml fixtures of test/fixtures/eml, and a PDF, which no reader accepts. */

const EML_DIR = fileURLToPath(new URL('../fixtures/eml/', import.meta.url));

/** A raw email as a mail client saves it (.eml): linkedin-qp.eml is Amara Okafor's invitation to Morgan Lee. */
export function emlFixture(name: string): Buffer {
  return readFileSync(`${EML_DIR}${name}`);
}

/** The start of a PDF: enough for any sniffer to know it for one. */
export const PDF_BYTES = new TextEncoder().encode(
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
