/**
 * The REFI-QDA exchange model (issue 13): codes, codings and the text they
 * code, as the .qdc and .qdpx writers take them and the readers return them.
 * The store's codebook maps onto these; nothing here knows the store.
 *
 * Positions here are UTF-16 offsets (Fieldmark's coordinate system, see the
 * README's Architecture); only the XML carries code points (refi-positions.ts).
 */
import { z } from 'zod';

/** A Fieldmark id: a lower-case UUID without braces (REFI GUIDs are normalised to this). */
export const RefiId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u);

/** `#RRGGBB`: the six-digit form of the spec's RGBType (three digits are widened on import). */
export const RefiColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/u);

export const RefiCode = z.object({
  id: RefiId,
  name: z.string().min(1),
  parentId: RefiId.nullable(),
  /** The definition: plain text, may span lines. */
  description: z.string(),
  color: RefiColor.nullable(),
  /** False for a grouping code that passages cannot carry. */
  codable: z.boolean(),
});
export type RefiCode = z.infer<typeof RefiCode>;

export const RefiCoding = z
  .object({
    id: RefiId,
    /** UTF-16 offsets into the source text, end exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    codeIds: z.array(RefiId),
    /** The annotation's note ('' for none). */
    note: z.string(),
    /**
     * Issue 16: the note was withheld from a shared file (the annotation is
     * sensitive). Written as the selection's Description NOTE_WITHHELD: ProjectType's
     * XSD has no extension attributes, and a reader of another tool sees why the note is missing.
     */
    noteWithheld: z.boolean().optional(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .refine((c) => c.start <= c.end, { message: 'A coding ends before it starts.' });
export type RefiCoding = z.infer<typeof RefiCoding>;

/** What the writers need to export the report and its codings as a project. */
export const RefiProjectInput = z.object({
  /** The project's name inside the file (the report's title). */
  name: z.string().min(1),
  /** The report's verbatim text: the one TextSource. */
  sourceText: z.string(),
  sourceName: z.string().min(1),
  codes: z.array(RefiCode),
  codings: z.array(RefiCoding),
  /** When the export was made (ISO 8601), written as the project's creationDateTime. */
  exportedAt: z.iso.datetime({ offset: true }),
});
export type RefiProjectInput = z.infer<typeof RefiProjectInput>;

/** A code name that had to change on import, so the preview can say so. */
export interface RenamedCode {
  id: string;
  original: string;
  name: string;
}

/** A codebook as read from a .qdc or from a project's CodeBook. */
export interface ReadCodebook {
  origin: string | null;
  codes: RefiCode[];
  renamed: RenamedCode[];
}

/** One text source of an imported project. */
export interface ReadSource {
  id: string;
  name: string;
  text: string;
  sha256: string;
  /** True when the text is byte for byte this report (same SHA-256). */
  isReport: boolean;
}

/** A PlainTextSelection as read: positions converted to UTF-16 offsets into its source's text. */
export interface ReadCoding extends RefiCoding {
  sourceId: string;
  /** The source's text between start and end, for re-anchoring and the preview. */
  exact: string;
}

export interface ReadProject extends ReadCodebook {
  name: string;
  sources: ReadSource[];
  codings: ReadCoding[];
}
