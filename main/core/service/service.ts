/**
 * service/ (main/core, above exchange/): the contract's methods — annotations
 * and their resolved views, settings, import, export, backup and restore — over
 * one shared context (service-context.ts) and write gate. This file wires them
 * into the one implementation both hosts dispatch to.
 */
/**
 * The service: the report, the store and the method groups wired into one
 * implementation of the contract. Both hosts (Electron and the loopback browser
 * host), the tests and the benchmarks run exactly this.
 */
import path from 'node:path';
import type { Contract } from '../../../preload/contract';
import { FieldmarkError, type Implementation } from '../../../preload/rpc';
import { createAnnotationMethods } from './annotation-service';
import { createCodeMethods } from './code-service';
import { createLinkMethods } from './link-service';
import { createRecommendationMethods } from './recommendation-service';
import { createTrackerMethods } from './tracker-service';
import { createExchangeMethods } from './exchange-service';
import { createBriefingMethods } from './briefing-service';
import { createShareMethods } from './share-scope';
import { errnoCode, type FsLayer } from '../store/fs-layer';
import { loadReport, REPORT_FILE, toReport, type ReportModel } from '../report/report-model';
import { createServiceContext } from './service-context';
import { unprotectableMethods } from './protection-methods';
import { createProtectedService } from './protection-service';
import { createSettingsMethods } from './settings-service';
import { openStore } from '../store/store';
import type { Store, StoreStatusInfo } from '../store/store-schema';

export interface ServiceOptions {
  /** Folder holding `report/tip-2021-japan.txt` (the packaged or source assets). */
  assetsDir: string;
  /** The data folder (store, journal, backups, lock). */
  dataDir: string;
  fs?: FsLayer;
  now?: () => Date;
}

export interface Service {
  impl: Implementation<Contract>;
  status(): StoreStatusInfo;
  /** Finishes pending writes and releases the data folder. */
  close(): Promise<void>;
}

/** Loads the report and opens the store in `dataDir`, then builds the service over them. */
export async function openService(options: ServiceOptions): Promise<Service> {
  let report: ReportModel;
  try {
    report = await loadReport(options.assetsDir);
  } catch (error) {
    const file = path.join(options.assetsDir, REPORT_FILE);
    throw new FieldmarkError(
      'NOT_FOUND',
      `Fieldmark could not read its report at ${file} (${errnoCode(error) ?? String(error)}). Reinstall Fieldmark, or run it from a complete copy.`,
    );
  }
  const store = await openStore({ dataDir: options.dataDir, fs: options.fs, now: options.now });
  // Protected stores open locked: the methods are built over the store only once it is unlocked.
  return createProtectedService({ report, store, build: (model, opened) => createServiceFromParts(model, opened, options.now) });
}

/**
 * Builds the service over an already loaded report and an open store (tests and
 * benchmarks pass their own). Every annotation is re-anchored here, once, so
 * the first listing is ready and a text that changed is noticed at launch.
 */
export function createServiceFromParts(report: ReportModel, store: Store, now: () => Date = () => new Date()): Service {
  const { cache, ctx } = createServiceContext(report, store, now);
  const plainReport = toReport(report);
  cache.views();

  const recommendations = createRecommendationMethods(ctx, cache);
  const settings = createSettingsMethods(ctx);
  const impl: Implementation<Contract> = {
    getReport: () => plainReport,
    ...settings,
    ...createAnnotationMethods(ctx, cache),
    ...createCodeMethods(ctx),
    ...recommendations,
    ...createLinkMethods(ctx, cache),
    ...createTrackerMethods(ctx),
    ...createExchangeMethods(ctx),
    ...createBriefingMethods(ctx, settings.updateSettings),
    ...unprotectableMethods(),
    ...createShareMethods(ctx),
  };
  return {
    impl,
    status: () => store.status,
    close: () => store.close(),
  };
}
