/**
 * The codes as the Codebook view lists them: asked for when the view opens and
 * again whenever the codebook changes (an edit here, or an undo or redo from
 * anywhere, which use-code-changes signals through `codesVersion`) or the
 * annotations do (a tag typed on a card makes codes, and counts move).
 */
import { useEffect, useState } from 'react';
import type { CodeView } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import type { AnnotationSnapshot } from '../annotations/annotation-store';
import { useAnnotations, useAnnotationsSelector } from '../annotations/annotations-context';
import { changeFailure } from '../annotations/change-failure';
import { useSelector } from '../annotations/value-store';

const identity = <T,>(value: T): T => value;
const byAnnotations = (snapshot: AnnotationSnapshot) => snapshot.version;

export interface CodeList {
  /** Null until the first answer. */
  codes: CodeView[] | null;
  loadError: string | null;
}

export function useCodeList(): CodeList {
  const { client } = useApp();
  const version = useSelector(useAnnotations().codes.codesVersion, identity);
  const annotations = useAnnotationsSelector(byAnnotations);
  const [codes, setCodes] = useState<CodeView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    client.listCodes().then(
      (list) => {
        if (!current) return;
        setCodes(list);
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(`The codebook could not be loaded. ${changeFailure(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [client, version, annotations]);
  return { codes, loadError };
}
