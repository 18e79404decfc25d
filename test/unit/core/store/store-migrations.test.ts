import { describe, expect, it } from 'vitest';
import { checkMigrations, MIGRATIONS, migrateDoc, NewerVersionError, UnknownFormatError, type Migration } from '../../../../main/core/store/store-migrations';
import { STORE_VERSION } from '../../../../main/core/store/store-schema';

const step = (from: number, tag: string): Migration => ({
  from,
  to: from + 1,
  describe: tag,
  up: (doc) => ({ ...doc, trail: [...((doc.trail as string[] | undefined) ?? []), tag] }),
});

describe('migrateDoc', () => {
  it('has a well-formed chain ending at the current version', () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
  });

  it('passes a current document through unchanged', () => {
    const doc = { version: STORE_VERSION, x: 1 };
    expect(migrateDoc(doc)).toEqual({ doc, from: STORE_VERSION, steps: 0 });
  });

  it('applies every step in order, version to version', () => {
    const result = migrateDoc({ version: 1 }, [step(1, 'a'), step(2, 'b'), step(3, 'c')], 4);
    expect(result).toEqual({ doc: { version: 4, trail: ['a', 'b', 'c'] }, from: 1, steps: 3 });
  });

  it('starts from the document’s own version', () => {
    expect(migrateDoc({ version: 3 }, [step(1, 'a'), step(2, 'b'), step(3, 'c')], 4).doc).toEqual({ version: 4, trail: ['c'] });
  });

  it('rejects a chain with a gap, a skip or the wrong end', () => {
    expect(() => checkMigrations([step(1, 'a'), step(3, 'c')], 4)).toThrow(/contiguous/);
    expect(() => checkMigrations([{ ...step(1, 'a'), to: 3 }], 3)).toThrow(/one version to the next/);
    expect(() => checkMigrations([step(1, 'a')], 5)).toThrow(/end at version 5/);
  });

  it('reports a newer document with its version', () => {
    expect(() => migrateDoc({ version: STORE_VERSION + 1 })).toThrow(NewerVersionError);
    try {
      migrateDoc({ version: 7 });
    } catch (error) {
      expect((error as NewerVersionError).version).toBe(7);
    }
  });

  it.each([
    [null, 'it holds null where an annotations document was expected'],
    [[], 'it holds a list where an annotations document was expected'],
    ['x', 'it holds a string where an annotations document was expected'],
    [{}, 'it has no valid format version'],
    [{ version: '1' }, 'it has no valid format version'],
    [{ version: 1.5 }, 'it has no valid format version'],
    [{ version: -1 }, 'it has no valid format version'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(() => migrateDoc(raw)).toThrow(new UnknownFormatError(reason));
  });

  it('refuses a version older than any migration', () => {
    expect(() => migrateDoc({ version: 0 })).toThrow(/format 0 is older than any/);
  });
});
