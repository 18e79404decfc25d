/**
 * Printing the report (issue 15): the print stylesheet (report-print.css) keeps
 * only the report on paper, and, while the page prints, each section is
 * followed by the notes of its highlights as numbered endnotes. Renders
 * nothing; App mounts it once.
 */
import { useEffect } from 'react';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import { planEndnotes } from './endnotes';
import { insertEndnotes } from './print-endnotes';
import './report-print.css';

export function ReportPrint() {
  const { surface } = useApp();
  const { store } = useAnnotations();

  useEffect(() => {
    if (!surface) return;
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
  }, [surface, store]);

  return null;
}
