/**
 * Encrypted exchange files through the contract methods (issue 16): one store
 * exports sealed W3C annotations, a second store previews and commits them
 * with the passphrase, after being asked for it and refusing a wrong one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FieldmarkError } from '../../../../preload/rpc';
import { createExchangeMethods } from '../../../../main/core/service/exchange-service';
import { withEncryptedExchange } from '../../../../main/core/service/encrypted-exchange-methods';
import { exchangeContext, storeWith } from '../../../support/exchange-store';
import { isoAt, report, storedAt } from '../../../support/exchange-fixtures';

const PASSPHRASE = 'copper lantern in the rain';

function on(n: number, note: string) {
  const p = report().blocks.filter((b) => b.kind === 'paragraph')[n]!;
  return storedAt({ start: p.start + 3, end: p.start + 70, note }, n);
}

function methodsOver(annotations: ReturnType<typeof on>[]) {
  const store = storeWith(annotations);
  return { store, methods: withEncryptedExchange(createExchangeMethods(exchangeContext(store, { now: new Date(isoAt(1000)) }))) };
}

async function codeOf(call: () => unknown): Promise<string> {
  try {
    await call();
  } catch (error) {
    if (error instanceof FieldmarkError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('encrypted exchange files through the service', () => {
  let sealed: { filename: string; content: string };
  beforeAll(async () => {
    const { methods } = methodsOver([on(1, 'Met the shelter director at 10:00'), on(2, 'Case number 2020-TK-4471')]);
    sealed = await methods.exportAnnotations({ passphrase: PASSPHRASE });
  }, 60_000);

  it('writes a sealed file under its own name, with no note, quote or id in the clear', () => {
    expect(sealed.filename).toMatch(/^fieldmark-annotations-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
    expect(sealed.content).not.toMatch(/shelter director|2020-TK-4471|AnnotationCollection|TextQuoteSelector/);
  });

  it('is previewed only with its passphrase, and then imports like the plain file', async () => {
    const { store, methods } = methodsOver([]);
    expect(await codeOf(() => methods.previewImport({ content: sealed.content }))).toBe('PASSPHRASE_REQUIRED');
    expect(await codeOf(() => methods.previewImport({ content: sealed.content, passphrase: 'copper lantern in the snow' }))).toBe('WRONG_PASSPHRASE');
    const preview = await methods.previewImport({ content: sealed.content, passphrase: PASSPHRASE });
    expect(preview.items.filter((i) => i.entity === 'annotation' && i.kind === 'new')).toHaveLength(2);
    await methods.commitImport({ id: preview.id });
    expect(store.doc.annotations.map((a) => a.note).sort()).toEqual(['Case number 2020-TK-4471', 'Met the shelter director at 10:00']);
  });

  it('leaves a plain export and a plain import as they were', async () => {
    const { methods } = methodsOver([on(1, 'plain note')]);
    const plain = await methods.exportAnnotations(undefined);
    expect(plain.filename).toMatch(/\.jsonld$/);
    expect(plain.content).toContain('plain note');
    const { methods: other } = methodsOver([]);
    expect((await other.previewImport({ content: plain.content })).items).toHaveLength(1);
  });

  it('refuses a passphrase under 10 characters before writing anything', async () => {
    const { methods } = methodsOver([on(1, 'x')]);
    expect(await codeOf(() => methods.exportAnnotations({ passphrase: 'short' }))).toBe('INVALID_INPUT');
  });
});
