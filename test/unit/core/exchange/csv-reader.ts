/**
 * A strict RFC 4180 reader for tests (https://www.rfc-editor.org/rfc/rfc4180 §2):
 * records end at CRLF, a field is quoted or not, a quote inside a quoted field is
 * doubled, and a quoted field may hold commas and line breaks. Anything else
 * (a bare LF, a quote in an unquoted field, text after a closing quote) throws,
 * so a test that reads our CSV with it checks the format, not just the values.
 */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const endRecord = () => {
    rows.push(row);
    row = [];
  };
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        if (at >= text.length) throw new Error('unterminated quoted field');
        if (text[at] === '"' && text[at + 1] === '"') {
          field += '"';
          at += 2;
        } else if (text[at] === '"') break;
        else field += text[at++];
      }
      at++;
    } else {
      while (at < text.length && text[at] !== ',' && text[at] !== '\r' && text[at] !== '\n') {
        if (text[at] === '"') throw new Error(`quote inside an unquoted field at ${at}`);
        field += text[at++];
      }
    }
    row.push(field);
    if (text[at] === ',') at++;
    else if (text.startsWith('\r\n', at)) {
      at += 2;
      endRecord();
    }
    else if (at >= text.length) endRecord();
    else throw new Error(`unexpected ${JSON.stringify(text[at])} at ${at}`);
  }
  return rows;
}
