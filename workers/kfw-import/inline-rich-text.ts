/**
 * Works around a gap of exceljs's streaming sheet reader: an inline rich-text cell
 * (`<is><r><t>Stadtwerke </t></r><r><t>Musterstadt</t></r></is>`, which exceljs's own writer
 * produces without shared strings) comes out as its last run only ("Musterstadt"). This
 * transform merges the runs of every `<is>` element into one `<t>` before exceljs sees it, and
 * drops phonetic runs (`<rPh>`), which are not part of the visible text. Hand-written because
 * it is a fix of exceljs's reader, not something a library offers.
 */
import { Transform, type TransformCallback } from 'node:stream';

const OPEN = '<is>';
const CLOSE = '</is>';

/** A text transform over sheet XML (strings in, strings out). */
export class InlineRichTextMerger extends Transform {
  private carry = '';

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(
    chunk: string | Buffer,
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    const text = this.carry + String(chunk);
    // Fast path: most sheets have no inline strings at all.
    const open = text.indexOf(OPEN);
    if (open === -1) {
      const keep = partialTagLength(text);
      this.carry = text.slice(text.length - keep);
      callback(null, text.slice(0, text.length - keep));
      return;
    }
    let out = '';
    let at = 0;
    for (let start = open; start !== -1; start = text.indexOf(OPEN, at)) {
      const end = text.indexOf(CLOSE, start);
      if (end === -1) break;
      out += text.slice(at, start) + mergeRuns(text.slice(start + OPEN.length, end));
      at = end + CLOSE.length;
    }
    const pending = text.indexOf(OPEN, at);
    const cut = pending === -1 ? text.length - partialTagLength(text.slice(at)) : pending;
    this.carry = text.slice(cut);
    callback(null, out + text.slice(at, cut));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.carry);
  }
}

/** Length of a trailing fragment that could be the start of `<is>`. */
function partialTagLength(text: string): number {
  for (let length = OPEN.length - 1; length > 0; length -= 1) {
    if (text.endsWith(OPEN.slice(0, length))) return length;
  }
  return 0;
}

function mergeRuns(inner: string): string {
  if (!inner.includes('<r>') && !inner.includes('<r ')) return `${OPEN}${inner}${CLOSE}`;
  const visible = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  const texts = [...visible.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((match) => match[1]);
  return `${OPEN}<t xml:space="preserve">${texts.join('')}</t>${CLOSE}`;
}
