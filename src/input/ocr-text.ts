/**
 * A mark OCR reads out of an avatar or an icon at the start of a line ("e", "@", "©", "®"), before a capitalized
 * word: not part of the text. A real one-letter word there ("A Facebook friend…") is an uppercase letter and stays.
 */
const ICON = /^(?:[^\p{L}\p{N}\s"'“‘(]{1,2}|[eocg])\s+(?=\p{Lu})/u;

/** OCR output as text for the parser: icon marks dropped, blank lines collapsed, spaces tidied. */
export function tidyOcrText(raw: string): string {
  return raw
    .split('\n')
    .map((line) =>
      line
        .replace(ICON, '')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
