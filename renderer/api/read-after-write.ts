/**
 * Read-your-writes for the page's own calls (issue 12). The view shows some
 * changes (a colour, a deletion, a restore) before the service has answered, so
 * a script or test can see one on screen and at once ask the service for the
 * list. The host answers reads from memory while a write is still being made
 * durable, so without this such a read could come back without the change the
 * page already shows. Here a read waits until every write this page sent
 * before it has been answered; writes are sent at once (the service orders
 * the edits of one record itself).
 */
import type { Transport } from '../../preload/rpc';

/**
 * The methods that only read. Any other method counts as a write, so a method
 * added to the contract later is waited for until it is listed here.
 */
const READS: ReadonlySet<string> = new Set([
  'getReport',
  'getSettings',
  'getStatus',
  'listAnnotations',
  'listAnnotationsLean',
  'listTags',
  'listCodes',
  'codingMatrix',
  'coOccurrence',
  'listRecommendations',
  'exportTracker',
  'getBriefing',
  'exportMarkdown',
  'exportAnnotations',
  'exportCodebook',
  'exportProject',
  'exportBackup',
  'previewImport',
]);

/** Wraps `inner` so that a read is sent only after the writes sent before it were answered. */
export function readAfterWrite(inner: Transport): Transport {
  const writes = new Set<Promise<unknown>>();
  return (method, input) => {
    if (!READS.has(method)) {
      const call = inner(method, input);
      writes.add(call);
      const done = () => writes.delete(call);
      call.then(done, done);
      return call;
    }
    if (writes.size === 0) return inner(method, input);
    return Promise.allSettled([...writes]).then(() => inner(method, input));
  };
}
