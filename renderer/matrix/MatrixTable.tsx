/**
 * The coding matrix as a real table: codes down (indented by level), sections
 * or colours across, then the Total. Every number is text; its cell is shaded
 * in proportion to the count. A non-zero cell is a button that filters the
 * Annotations panel to exactly the annotations it counts. The table scrolls in
 * its own focusable region, so a keyboard can scroll it both ways.
 */
import type { CSSProperties } from 'react';
import type { CodingMatrix } from '../../preload/contract';
import type { PanelFilter } from '../annotations/annotation-filter';
import { cellFilter, cellName, depthOf, heat, largestCell, largestTotal, nameOf, totalName, type ColumnKind } from './matrix-view';

interface Props {
  matrix: CodingMatrix;
  kind: ColumnKind;
  onShow(filter: PanelFilter, what: string): void;
}

interface CellProps {
  count: number;
  shade: number;
  name: string;
  onClick(): void;
}

function Cell({ count, shade, name, onClick }: CellProps) {
  const style = { '--cm-heat': shade } as CSSProperties;
  return (
    <td className="cm-cell" style={style} data-heat={shade > 0 ? 'true' : undefined}>
      {count > 0 ? (
        <button type="button" className="cm-cell-button" aria-label={name} onClick={onClick}>
          {count}
        </button>
      ) : (
        <span className="cm-zero">0</span>
      )}
    </td>
  );
}

export function MatrixTable({ matrix, kind, onShow }: Props) {
  const most = largestCell(matrix.rows);
  const mostTotal = largestTotal(matrix.rows);
  const across = kind === 'sections' ? 'sections' : 'colours';
  return (
    <div className="cm-scroll" tabIndex={0} role="region" aria-label={`Codes by ${across}`}>
      <table className="cm-table">
        <caption>
          Annotations per code and {kind === 'sections' ? 'section' : 'colour'}; a code counts everything under it
        </caption>
        <thead>
          <tr>
            <th scope="col" className="cm-corner">
              Code
            </th>
            {matrix.columns.map((column) => (
              <th scope="col" key={column.id}>
                {column.label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.codeId}>
              <th scope="row" className="cm-code" style={{ '--cm-depth': depthOf(row.path) } as CSSProperties} title={row.path}>
                {/* Seen: the code's own name, indented to show the tree. Read out: the whole path. */}
                <span className="sr-only">{row.path}</span>
                <span aria-hidden="true">{nameOf(row.path)}</span>
              </th>
              {row.counts.map((count, i) => {
                const column = matrix.columns[i]!;
                const name = cellName(row.path, column.label, count);
                return <Cell key={column.id} count={count} shade={heat(count, most)} name={name} onClick={() => onShow(cellFilter(row.path, kind, column.id), name)} />;
              })}
              <Cell
                count={row.total}
                shade={heat(row.total, mostTotal)}
                name={totalName(row.path, kind, row.total)}
                onClick={() => onShow(cellFilter(row.path, kind, null), totalName(row.path, kind, row.total))}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
