/** The print view's tables (assessment, coding matrix) and back matter (codebook appendix, sources), as the other formats have them. */
import type { Briefing } from '../../preload/contract';
import { ASSESSMENT_COLUMNS, ASSESSMENT_NOTE, BRIEFING_PARTS, CODEBOOK_NOTE, MATRIX_NOTE, NO_DEFINITION, sha256Line } from '../../common/briefing-labels';

function Table({ head, rows, numeric }: { head: readonly string[]; rows: ReadonlyArray<readonly string[]>; numeric: (i: number) => boolean }) {
  const cls = (i: number) => (numeric(i) ? 'bf-n' : undefined);
  return (
    <table className="bf-table">
      <thead>
        <tr>
          {head.map((text, i) => (
            <th key={i} scope="col" className={cls(i)}>
              {text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((text, i) => (
              <td key={i} className={cls(i)}>
                {text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PreviewTables({ briefing }: { briefing: Briefing }) {
  const { assessment, matrix } = briefing;
  return (
    <>
      {assessment && (
        <section className="bf-part">
          <h2>{BRIEFING_PARTS.assessment}</h2>
          <p className="bf-aside">{ASSESSMENT_NOTE}</p>
          <Table
            head={ASSESSMENT_COLUMNS}
            numeric={(i) => i === 0 || i >= 3}
            rows={assessment.map((r) => [String(r.index), r.title, r.statusLabel, String(r.evidence.progress), String(r.evidence.gap), String(r.evidence.context)])}
          />
        </section>
      )}
      {matrix && matrix.rows.length > 0 && (
        <section className="bf-part">
          <h2>{BRIEFING_PARTS.matrix}</h2>
          <p className="bf-aside">{MATRIX_NOTE}</p>
          <Table
            head={['Code', ...matrix.columns.map((c) => c.label), 'Total']}
            numeric={(i) => i > 0}
            rows={matrix.rows.map((r) => [r.path, ...r.counts.map(String), String(r.total)])}
          />
        </section>
      )}
    </>
  );
}

export function PreviewBackMatter({ briefing }: { briefing: Briefing }) {
  const { codebook, source } = briefing;
  return (
    <>
      {codebook && codebook.length > 0 && (
        <section className="bf-part">
          <h2>{BRIEFING_PARTS.codebook}</h2>
          <p className="bf-aside">{CODEBOOK_NOTE}</p>
          {codebook.map((entry) => {
            const Heading = `h${Math.min(6, 3 + entry.depth)}` as 'h3';
            return (
              <div key={entry.path} className="bf-code">
                <Heading>{entry.name}</Heading>
                <p className="bf-facts">
                  Path: <code>{entry.path}</code> · Count: {entry.count}
                </p>
                <p className={entry.description.trim() === '' ? 'bf-aside' : 'bf-definition'}>{entry.description.trim() === '' ? NO_DEFINITION : entry.description}</p>
              </div>
            );
          })}
        </section>
      )}
      {briefing.include.sources && (
        <section className="bf-part">
          <h2>{BRIEFING_PARTS.sources}</h2>
          <p>
            {source.publisher}, <cite>{source.work}</cite>. Washington, DC, {source.year}.
          </p>
          <p className="bf-hash">{sha256Line(source.sha256)}</p>
        </section>
      )}
    </>
  );
}
