/**
 * What the service's method groups share: the report, the store, the resolved
 * annotation views and a clock. service.ts builds it once per launch.
 */
import type { AnnotationView } from '../../../preload/contract';
import type { ReportModel } from '../report/report-model';
import type { Store } from '../store/store-schema';
import type { WriteGate } from './write-gate';

export interface ServiceContext {
  readonly report: ReportModel;
  readonly store: Store;
  /** Every stored annotation (tombstones included), resolved against the current text, in document order. */
  views(): AnnotationView[];
  now(): Date;
  /** Orders single-record edits (shared) against imports and restores (exclusive). */
  readonly gate: WriteGate;
}
