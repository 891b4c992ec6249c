import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InlineRichTextMerger } from './inline-rich-text.js';

async function merged(chunks: string[]): Promise<string> {
  let out = '';
  for await (const piece of Readable.from(chunks).pipe(new InlineRichTextMerger()))
    out += String(piece);
  return out;
}

const rich =
  '<c r="H2" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Stadtwerke </t></r><r><t>Muster&amp;stadt</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c>';
const plain = '<c r="A2" t="inlineStr"><is><t>Programm</t></is></c>';

describe('InlineRichTextMerger', () => {
  it.each([
    [
      'a rich-text cell',
      rich,
      '<c r="H2" t="inlineStr"><is><t xml:space="preserve">Stadtwerke Muster&amp;stadt</t></is></c>',
    ],
    ['a plain inline cell', plain, plain],
    [
      'a sheet without inline strings',
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    ],
  ])('turns %s into what a reader of the last <t> gets right', async (_case, xml, expected) => {
    // given the XML split at every possible position into two chunks
    for (let cut = 0; cut <= xml.length; cut += 1) {
      // when it passes the merger, then the output is the same wherever the cut was
      expect(await merged([xml.slice(0, cut), xml.slice(cut)])).toBe(expected);
    }
  });
});
