/**
 * Printing the report (issue 15): the print stylesheet (report-print.css) keeps
 * only the report on paper, and, while the page prints, each section is
 * followed by the notes of its highlights as numbered endnotes (unless
 * Settings `printNotes` is off). Renders nothing; App mounts it once.
 */
import { useEffect } from 'react';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { planEndnotes } from './endnotes';
import { insertEndnotes } from './print-endnotes';
import { printsNotes } from './print-notes';
import './report-print.css';

export function ReportPrint() {
  const { surface, settings } = useApp();
  const { store } = useAnnotations();
  const withNotes = printsNotes(settings);

  useEffect(() => {
    if (!surface || !withNotes) return;
    let remove: (() => void) | null = null;
    const before = () => {
      remove?.();
      const plan = planEndnotes(surface.blocks, store.getSnapshot().live);
      remove = insertEndnotes(surface.blockElements(), plan);
    };
    const after = () => {
      remove?.();
      remove = null;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      after();
    };
  }, [surface, store, withNotes]);

  return null;
}
