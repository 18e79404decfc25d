/**
 * The matrix and the co-occurrence list, asked for while the view is open and
 * again after the annotations or the codebook change: the annotation store's
 * version moves on every acknowledged edit, and `codesVersion` on every code
 * edit, undo or redo. Bursts of changes (typing tags, an import) are debounced,
 * and an answer that arrives after a newer request started is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { CodingMatrix, CoOccurrence } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { useAnnotations, useAnnotationsSelector } from '../annotations/annotations-context';
import { changeFailure } from '../annotations/change-failure';
import { useSelector } from '../annotations/value-store';
import type { ColumnKind } from './matrix-view';

/** Quiet time after a change before asking again. */
const REFRESH_DELAY_MS = 250;

export interface MatrixData {
  matrix: CodingMatrix | null;
  /** What the matrix's columns are (the choice may have moved on while the answer was on its way). */
  kind: ColumnKind;
  pairs: CoOccurrence[] | null;
  loadError: string | null;
}

const identity = <T,>(value: T): T => value;

export function useCodingMatrix(columns: ColumnKind): MatrixData {
  const { client } = useApp();
  const annotationsVersion = useAnnotationsSelector((snapshot) => snapshot.version);
  const codesVersion = useSelector(useAnnotations().codes.codesVersion, identity);
  const [data, setData] = useState<MatrixData>({ matrix: null, kind: columns, pairs: null, loadError: null });
  // The columns last asked for: the same again means a refresh, which waits for quiet.
  const asked = useRef<ColumnKind | null>(null);

  useEffect(() => {
    let current = true;
    // The first answer, and a switch of columns, come at once; changes wait for quiet.
    const delay = asked.current === columns ? REFRESH_DELAY_MS : 0;
    const timer = window.setTimeout(() => {
      asked.current = columns;
      Promise.all([client.codingMatrix({ rows: 'codes', columns }), client.coOccurrence()]).then(
        ([matrix, pairs]) => {
          if (current) setData({ matrix, kind: columns, pairs, loadError: null });
        },
        (error: unknown) => {
          if (current) setData((previous) => ({ ...previous, loadError: `The coding matrix could not be loaded. ${changeFailure(error)}` }));
        },
      );
    }, delay);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [client, columns, annotationsVersion, codesVersion]);

  return data;
}
