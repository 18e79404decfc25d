/**
 * Building blocks of the Word briefing: text runs that keep line breaks,
 * tables with a repeated header row, and the styles (Word's own style ids:
 * Title, Subtitle, Heading1–6 from the library's defaults, and Quote), so that
 * Word's navigation pane, a table of contents and screen readers see the
 * structure. No font is named or embedded: Word, LibreOffice and Pages use
 * their defaults.
 */
import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType, AlignmentType, type IStylesOptions } from 'docx';
import { safeText } from './text-safety';

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

/** Runs for `text`, a line break (w:br) where the text has one, so the words read exactly as written. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return safeText(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

/**
 * The library's Heading 1–6 keep their look; they gain an outline level (the
 * navigation pane and a PDF's bookmarks read it) and stay with what follows.
 */
const heading = (level: number) => ({
  paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing: { before: level === 1 ? 360 : 240, after: 120 } },
});

export const STYLES: IStylesOptions = {
  default: { heading1: heading(1), heading2: heading(2), heading3: heading(3), heading4: heading(4), heading5: heading(5), heading6: heading(6) },
  paragraphStyles: [
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, size: 28, color: '444444' },
      paragraph: { spacing: { after: 160 } },
    },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 120, after: 60 }, keepLines: true, keepNext: true },
    },
    {
      id: 'Citation',
      name: 'Citation',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 20, color: '333333' },
      paragraph: { indent: { left: 567 }, spacing: { after: 120 }, keepLines: true },
    },
  ],
};

function cell(text: string, header: boolean, numeric: boolean): TableCell {
  const alignment = numeric ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return new TableCell({ children: [new Paragraph({ alignment, children: runs(text, { bold: header }) })] });
}

/** A full-width table; its first row repeats on every page. */
export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: (column: number) => boolean): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((text, i) => cell(text, true, numeric(i))) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, false, numeric(i))) })),
    ],
  });
}
