/**
 * The one contract between the view and the service: a zod schema for every
 * method's input and output. Both transports (Electron IPC and the loopback HTTP
 * host) validate against it, and the renderer's client is typed from it.
 *
 * Pure on purpose: this file imports nothing from Node or the DOM.
 */
import { z } from 'zod';

/** Inputs of methods that take nothing: absent, null or an empty object. */
const NoInput = z.union([z.undefined(), z.null(), z.strictObject({})]);

// ---------------------------------------------------------------- report

export const BlockKind = z.enum(['title', 'tier', 'intro', 'heading', 'paragraph', 'recommendation']);
export type BlockKind = z.infer<typeof BlockKind>;

export const SectionId = z.enum([
  'introduction',
  'recommendations',
  'prosecution',
  'protection',
  'prevention',
  'profile',
]);
export type SectionId = z.infer<typeof SectionId>;

export const Block = z.object({
  /** Stable id, e.g. `protection-p2`, `recommendation-3`, `heading-prosecution`. */
  id: z.string(),
  kind: BlockKind,
  section: SectionId.nullable(),
  /** Human section title ("Protection"), null for the title and tier lines. */
  sectionTitle: z.string().nullable(),
  /** 1-based paragraph (or item) number within the section, for citations like "Protection ¶2". */
  paragraph: z.number().int().nullable(),
  /** UTF-16 offsets into the report text: `text.slice(start, end)` is the block. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Block = z.infer<typeof Block>;

export const Report = z.object({
  title: z.string(),
  country: z.string(),
  year: z.number().int(),
  tier: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  text: z.string(),
  blocks: z.array(Block),
});
export type Report = z.infer<typeof Report>;

// ---------------------------------------------------------------- settings

export const ColorId = z.enum(['key', 'gap', 'progress', 'statistic', 'question']);
export type ColorId = z.infer<typeof ColorId>;
export const COLOR_IDS = ColorId.options;

/** User-visible label of a colour: trimmed, 1–40 characters, no control characters. */
export const ColorLabel = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\p{Cc}]*$/u, 'A label cannot contain control characters.');

export const Legend = z.object({
  key: ColorLabel,
  gap: ColorLabel,
  progress: ColorLabel,
  statistic: ColorLabel,
  question: ColorLabel,
});
export type Legend = z.infer<typeof Legend>;

export const DEFAULT_LEGEND: Legend = {
  key: 'Key finding',
  gap: 'Gap or failure',
  progress: 'Progress',
  statistic: 'Statistic',
  question: 'Question',
};

export const Theme = z.enum(['system', 'light', 'dark', 'sepia']);
export type Theme = z.infer<typeof Theme>;

export const FONT_SIZES = [14, 16, 18, 20, 22, 24, 28] as const;
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;

export const ReadingPosition = z.object({
  /** Offset into the report text of the first visible character. */
  offset: z.number().int().nonnegative(),
  /** Fraction of the document scrolled, 0–1, shown as progress. */
  progress: z.number().min(0).max(1),
});
export type ReadingPosition = z.infer<typeof ReadingPosition>;

// ---------------------------------------------------------------- briefing options (issue 15)

export const BriefingGroupBy = z.enum(['section', 'color', 'code', 'recommendation']);
export type BriefingGroupBy = z.infer<typeof BriefingGroupBy>;

/** What a briefing shows besides the quotes and their citations; every field but `toc` absent means true. */
export const BriefingInclude = z.object({
  notes: z.boolean().optional(),
  codes: z.boolean().optional(),
  colors: z.boolean().optional(),
  assessment: z.boolean().optional(),
  matrix: z.boolean().optional(),
  codebook: z.boolean().optional(),
  sources: z.boolean().optional(),
  /** Word only: a table-of-contents field after the title (Word fills it in on opening). Absent means false. */
  toc: z.boolean().optional(),
});
export type BriefingInclude = z.infer<typeof BriefingInclude>;

/** One line of a briefing's front matter: trimmed, at most 300 characters, no control characters. */
const BriefingLine = z
  .string()
  .trim()
  .max(300, 'At most 300 characters.')
  .regex(/^[^\p{Cc}]*$/u, 'This field is one line and cannot contain control characters.');

/**
 * What a briefing is made of. Which annotations: `ids` (explicitly), `filter`
 * (the panel's filter), both (the ids that match the filter), or neither (every
 * live annotation). Orphans are never included; they are counted.
 */
export const BriefingOptions = z.object({
  title: BriefingLine.min(1, 'A briefing needs a title.'),
  subtitle: BriefingLine.optional(),
  /** Author or organisation. */
  author: BriefingLine.optional(),
  /** As the user writes it ("June 2026"); never the clock's. */
  date: BriefingLine.optional(),
  /** The executive summary: the user's own text; paragraphs are separated by a blank line. */
  summary: z.string().max(20_000, 'A summary can be at most 20,000 characters.').optional(),
  /** A getter: AnnotationFilter is declared further down (the settings remember these options, so they come first). */
  get filter() {
    return AnnotationFilter.optional();
  },
  /** Annotation ids (UUIDs, as `Uuid` further down). */
  ids: z.array(z.string().uuid()).max(100_000).optional(),
  groupBy: BriefingGroupBy,
  include: BriefingInclude.optional(),
});
export type BriefingOptions = z.infer<typeof BriefingOptions>;

/**
 * How far an annotation may travel (issue 16): `sensitive` keeps its note out of
 * shared files ("[note withheld]"), `private` keeps the whole annotation out.
 */
export const Sensitivity = z.enum(['normal', 'sensitive', 'private']);
export type Sensitivity = z.infer<typeof Sensitivity>;
export const SENSITIVITY_LABELS: Record<Sensitivity, string> = { normal: 'Normal', sensitive: 'Sensitive', private: 'Private' };

/** Who a file is for (issue 16): `share` leaves private annotations out and withholds sensitive notes; `self` has everything. */
export const Audience = z.enum(['self', 'share']);
export type Audience = z.infer<typeof Audience>;

/** A single-key shortcut: one character that is not a space or a control character. */
export const ColorKey = z.string().regex(/^[^\p{Cc}\p{Z}]$/u, 'A colour key is one character, not a space.');

/**
 * The single-key colour shortcuts (issue 17, WCAG 2.1.4 Character Key Shortcuts):
 * they can be turned off, or each colour put on another character. Two colours
 * never share a key: the service refuses that (common/color-keys.ts).
 */
export const ColorKeys = z.object({
  enabled: z.boolean(),
  keys: z.object({ key: ColorKey, gap: ColorKey, progress: ColorKey, statistic: ColorKey, question: ColorKey }),
});
export type ColorKeys = z.infer<typeof ColorKeys>;
export const DEFAULT_COLOR_KEYS: ColorKeys = { enabled: true, keys: { key: '1', gap: '2', progress: '3', statistic: '4', question: '5' } };

export const Settings = z.object({
  fontSize: z.number().int().min(FONT_SIZES[0]).max(FONT_SIZES[FONT_SIZES.length - 1]!),
  theme: Theme,
  lineWidth: z.enum(LINE_WIDTHS),
  readingPosition: ReadingPosition.nullable(),
  legend: Legend,
  /** Who assesses the recommendations (issue 14): written as `assessedBy`; '' means nobody named. */
  assessor: z.string().max(100),
  /** Issue 17: the colour keys; absent (settings stored before it existed) means the defaults, on with 1–5 (common/color-keys.ts). */
  colorKeys: ColorKeys.optional(),
  /** The briefing's last options (issue 15), remembered per data folder; null (or absent, in a store from before) until one is exported. */
  briefing: BriefingOptions.nullable().optional(),
  /** Issue 15: a printed report carries the notes as numbered endnotes after each section; absent (stored before it existed) means yes. */
  printNotes: z.boolean().optional(),
  /** Issue 16: lock a protected store after this many idle minutes (0 = never); absent (settings stored before it existed) means 15. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60).optional(),
  /** The sensitivity of new annotations (issue 16); a stored settings object without it reads as 'normal'. */
  defaultSensitivity: Sensitivity.default('normal'),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  fontSize: 18,
  theme: 'system',
  lineWidth: 'medium',
  readingPosition: null,
  legend: DEFAULT_LEGEND,
  assessor: '',
  colorKeys: DEFAULT_COLOR_KEYS,
  briefing: null,
  printNotes: true,
  autoLockMinutes: 15,
  defaultSensitivity: 'normal',
};

export const SettingsPatch = z.strictObject({
  fontSize: Settings.shape.fontSize.optional(),
  theme: Theme.optional(),
  lineWidth: Settings.shape.lineWidth.optional(),
  readingPosition: ReadingPosition.nullable().optional(),
  legend: Legend.partial().optional(),
  assessor: Settings.shape.assessor.optional(),
  colorKeys: ColorKeys.optional(),
  briefing: BriefingOptions.nullable().optional(),
  printNotes: z.boolean().optional(),
  autoLockMinutes: z.number().int().min(0).max(24 * 60).optional(),
  defaultSensitivity: Sensitivity.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

// ---------------------------------------------------------------- annotations

export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS = 50;
export const MAX_NOTE_LENGTH = 100_000;

/** The longest tag path accepted (a path's parts each hold at most MAX_TAG_LENGTH characters). */
export const MAX_TAG_PATH_LENGTH = 1000;

/**
 * A tag: a code path such as `Labour/TITP` (issue 13). Trimmed, no control
 * characters and no commas; at most 64 characters in each part between `/`
 * (empty parts are dropped, so `a//b` is `a/b`).
 */
export const Tag = z
  .string()
  .trim()
  .min(1, 'A tag cannot be empty.')
  .max(MAX_TAG_PATH_LENGTH, `A tag path can be at most ${MAX_TAG_PATH_LENGTH} characters.`)
  .regex(/^[^\p{Cc},]*$/u, 'A tag cannot contain commas or control characters.')
  .refine((tag) => tag.includes('/') || tag.replace(/\s+/gu, ' ').length <= MAX_TAG_LENGTH, {
    message: `A tag can be at most ${MAX_TAG_LENGTH} characters.`,
  })
  .refine((tag) => !tag.includes('/') || tag.split('/').every((part) => part.trim().replace(/\s+/gu, ' ').length <= MAX_TAG_LENGTH), {
    message: `Each part of a tag path such as Labour/TITP can be at most ${MAX_TAG_LENGTH} characters.`,
  })
  .refine((tag) => tag.split('/').some((part) => part.trim() !== ''), { message: 'A tag cannot be only slashes.' });

export const Note = z.string().max(MAX_NOTE_LENGTH, `A note can be at most ${MAX_NOTE_LENGTH} characters.`);

export const Tags = z.array(Tag).max(MAX_TAGS, `At most ${MAX_TAGS} tags per annotation.`);

export const Uuid = z.string().uuid();

export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const AnchorStatus = z.enum(['exact', 'moved', 'fuzzy', 'orphan']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

// ---------------------------------------------------------------- recommendations and links (issue 14)

/** How far a recommendation is met, in order; always shown in words (STATUS_LABELS), never by colour alone. */
export const RecommendationStatus = z.enum(['not-assessed', 'no-progress', 'partial', 'substantial', 'implemented']);
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;
export const STATUS_LABELS: Record<RecommendationStatus, string> = {
  'not-assessed': 'Not assessed',
  'no-progress': 'No progress',
  partial: 'Partly addressed',
  substantial: 'Substantially addressed',
  implemented: 'Implemented',
};

/** What an annotation says about a recommendation. */
export const RecommendationRelation = z.enum(['progress', 'gap', 'context']);
export type RecommendationRelation = z.infer<typeof RecommendationRelation>;
/** What an annotation says about another annotation (links are directed). */
export const AnnotationRelation = z.enum(['supports', 'contradicts', 'follows-up', 'same-issue']);
export type AnnotationRelation = z.infer<typeof AnnotationRelation>;
export const LinkRelation = z.union([RecommendationRelation, AnnotationRelation]);
export type LinkRelation = z.infer<typeof LinkRelation>;

/** `rec-1` … `rec-12`: the report's recommendations in document order (block `recommendation-N`). */
export const RecommendationId = z.string().regex(/^rec-(?:[1-9]|1[0-2])$/u, 'A recommendation id is rec-1 to rec-12.');
export type RecommendationId = z.infer<typeof RecommendationId>;

export const LinkTarget = z.union([z.object({ recommendation: RecommendationId }).strict(), z.object({ annotation: Uuid }).strict()]);
export type LinkTarget = z.infer<typeof LinkTarget>;

/** A link as an annotation's view lists it; for direction 'in', `to` is the other annotation (the link's source). */
export const AnnotationLink = z.object({
  to: LinkTarget,
  relation: LinkRelation,
  direction: z.enum(['out', 'in']),
  /** The other end is tombstoned (in Recently deleted). */
  otherDeleted: z.boolean(),
});
export type AnnotationLink = z.infer<typeof AnnotationLink>;

/**
 * An annotation as the view sees it: the stored record plus where it anchors in
 * the current text. `start`/`end`/`exact` are the resolved anchor (for an orphan,
 * the last known position and its original quote).
 */
export const AnnotationView = z.object({
  id: Uuid,
  color: ColorId,
  note: z.string(),
  /** The codes as paths (`Labour/TITP`), in the order they were applied. */
  tags: z.array(z.string()),
  /** The same codes by id (what `AnnotationFilter.codes` and the codebook refer to). */
  codeIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  section: SectionId.nullable(),
  sectionTitle: z.string().nullable(),
  paragraph: z.number().int().nullable(),
  /** "Protection ¶4" */
  citation: z.string(),
  anchor: z.object({ status: AnchorStatus, score: z.number() }),
  target: z.object({
    source: z.string(),
    sha256: z.string(),
    selector: z.tuple([TextPositionSelector, TextQuoteSelector]),
  }),
  /** Its live links, out and in (issue 14). */
  links: z.array(AnnotationLink),
  /** Issue 16: how far it may travel in shared files. */
  sensitivity: Sensitivity,
});
export type AnnotationView = z.infer<typeof AnnotationView>;

/**
 * An annotation view as `listAnnotationsLean` sends it: `target`, the quote
 * (`exact`, `prefix`, `suffix`) and `updatedAt` are null when the report's text
 * and hash and the view's other fields imply them (common/lean-view.ts rebuilds
 * them), which cuts a long list's JSON from 11 MB to 4.9 MB at 10,000.
 */
export const LeanAnnotationView = AnnotationView.extend({
  target: AnnotationView.shape.target.nullable(),
  exact: z.string().nullable(),
  prefix: z.string().nullable(),
  suffix: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type LeanAnnotationView = z.infer<typeof LeanAnnotationView>;

export const Offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const CreateAnnotationInput = z.object({
  start: Offset,
  end: Offset,
  color: ColorId,
  note: Note.optional(),
  tags: Tags.optional(),
  /** Absent: the settings' defaultSensitivity. */
  sensitivity: Sensitivity.optional(),
});
export const UpdateAnnotationInput = z.object({
  id: Uuid,
  color: ColorId.optional(),
  note: Note.optional(),
  tags: Tags.optional(),
  sensitivity: Sensitivity.optional(),
});
export const IdInput = z.object({ id: Uuid });

/** A recommendation with its assessment and evidence (only live links; `links` lists deleted ends too). */
export const RecommendationView = z.object({
  id: RecommendationId,
  index: z.number().int(),
  title: z.string(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  status: RecommendationStatus,
  rationale: z.string(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string().nullable(),
  /** Live links from live annotations, by relation. */
  evidence: z.object({ progress: z.number().int(), gap: z.number().int(), context: z.number().int() }),
  links: z.array(z.object({ annotationId: Uuid, relation: RecommendationRelation, deleted: z.boolean() })),
});
export type RecommendationView = z.infer<typeof RecommendationView>;

export const MAX_RECOMMENDATION_TITLE_LENGTH = 200;
export const UpdateRecommendationInput = z.object({
  id: RecommendationId,
  /** null = back to the default title. */
  title: z.string().max(MAX_RECOMMENDATION_TITLE_LENGTH, `A title can be at most ${MAX_RECOMMENDATION_TITLE_LENGTH} characters.`).nullable().optional(),
  status: RecommendationStatus.optional(),
  rationale: z.string().max(MAX_NOTE_LENGTH, `A rationale can be at most ${MAX_NOTE_LENGTH} characters.`).optional(),
});
export const LinkInput = z.object({ from: Uuid, to: LinkTarget, relation: LinkRelation });
export type LinkInput = z.infer<typeof LinkInput>;
export const ExportTrackerInput = z.object({ format: z.enum(['markdown', 'csv']), audience: Audience.optional() });

export const TagCount = z.object({ tag: z.string(), count: z.number().int() });
export type TagCount = z.infer<typeof TagCount>;

// ---------------------------------------------------------------- codes (issue 13)

export const MAX_CODE_DESCRIPTION_LENGTH = 100_000;

/** A code's name: one path segment, trimmed, 1–64 characters, no `/`, commas or control characters. */
export const CodeName = z
  .string()
  .trim()
  .min(1, 'A code name cannot be empty.')
  .max(MAX_TAG_LENGTH, `A code name can be at most ${MAX_TAG_LENGTH} characters.`)
  .regex(/^[^\p{Cc},/]*$/u, 'A code name cannot contain a slash, a comma or control characters (a slash separates a parent from its child).');
/** A code's definition: plain text, may span lines. */
export const CodeDescription = z.string().max(MAX_CODE_DESCRIPTION_LENGTH, `A definition can be at most ${MAX_CODE_DESCRIPTION_LENGTH} characters.`);
/** `#RRGGBB`, as REFI-QDA exchanges colours. */
export const CodeColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/u, 'A code colour is written #RRGGBB.');

export const CodeView = z.object({
  id: Uuid,
  name: z.string(),
  /** `Labour/TITP`: the names from the top down. */
  path: z.string(),
  parentId: Uuid.nullable(),
  description: z.string(),
  color: z.string().nullable(),
  codable: z.boolean(),
  /** Live annotations coded with this code itself. */
  count: z.number().int(),
  /** Live annotations coded with it or any code under it, each once. */
  totalCount: z.number().int(),
});
export type CodeView = z.infer<typeof CodeView>;

export const CreateCodeInput = z.object({
  name: CodeName,
  parentId: Uuid.nullable().optional(),
  description: CodeDescription.optional(),
  color: CodeColor.nullable().optional(),
  codable: z.boolean().optional(),
});
export const UpdateCodeInput = z.object({
  id: Uuid,
  name: CodeName.optional(),
  parentId: Uuid.nullable().optional(),
  description: CodeDescription.optional(),
  color: CodeColor.nullable().optional(),
  codable: z.boolean().optional(),
});
export const MergeCodesInput = z.object({ from: Uuid, into: Uuid });
export const DeleteCodeInput = z.object({ id: Uuid, withDescendants: z.boolean().optional() });

/** A code record as a merge or delete found it, so that undo can put it back. */
export const CodeRecord = z.object({
  id: Uuid,
  name: CodeName,
  parentId: Uuid.nullable(),
  description: CodeDescription,
  color: CodeColor.nullable(),
  codable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CodeRecord = z.infer<typeof CodeRecord>;

/**
 * What a merge or a delete changed, enough to take it back: every code it
 * touched as it was before, and every annotation's codes before and after.
 * `restoreCodes` with this undoes it (uses the user changed since are kept).
 */
export const CodeChange = z.object({
  codes: z.array(CodeRecord).max(100_000),
  uses: z.array(z.object({ id: Uuid, before: z.array(Uuid).max(MAX_TAGS * 4), after: z.array(Uuid).max(MAX_TAGS * 4) })).max(1_000_000),
});
export type CodeChange = z.infer<typeof CodeChange>;

export const CodingMatrixInput = z.object({ rows: z.literal('codes'), columns: z.enum(['sections', 'colors']) });
export const CodingMatrix = z.object({
  columns: z.array(z.object({ id: z.string(), label: z.string() })),
  rows: z.array(z.object({ codeId: Uuid, path: z.string(), counts: z.array(z.number().int()), total: z.number().int() })),
});
export type CodingMatrix = z.infer<typeof CodingMatrix>;
export const CoOccurrence = z.object({ a: Uuid, b: Uuid, count: z.number().int() });
export type CoOccurrence = z.infer<typeof CoOccurrence>;

// ---------------------------------------------------------------- status

export const StoreStatus = z.object({
  dataDir: z.string(),
  readOnly: z.boolean(),
  /** Plain sentences the view shows once, e.g. "Your annotations file was damaged…". */
  notices: z.array(z.string()),
  /** Issue 16: the store is protected with a passphrase (encrypted at rest). */
  encrypted: z.boolean().optional(),
  /** Issue 16: protected and locked: every method but getStatus and unlock answers LOCKED. */
  locked: z.boolean().optional(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

// ---------------------------------------------------------------- export / import

export const GroupBy = z.enum(['section', 'tag', 'color', 'code']);
export const AnnotationFilter = z.object({
  colors: z.array(ColorId).optional(),
  tags: z.array(z.string()).optional(),
  /** Code ids; each matches its code and every code under it. */
  codes: z.array(z.string()).optional(),
  sections: z.array(SectionId).optional(),
  text: z.string().max(1000).optional(),
  /** Issue 16: only annotations of these sensitivities (the panel's filter). */
  sensitivity: z.array(Sensitivity).optional(),
});
export type AnnotationFilter = z.infer<typeof AnnotationFilter>;

export const MarkdownOptions = z.object({
  groupBy: GroupBy.default('section'),
  includeNotes: z.boolean().default(true),
  includeTags: z.boolean().default(true),
  includeColors: z.boolean().default(true),
  includeDates: z.boolean().default(false),
  /** Export only what matches this filter (the panel's current filter); absent means everything. */
  filter: AnnotationFilter.optional(),
  /**
   * Append the codebook (each code's definition and a table of direct and total
   * counts). Absent means true when grouped by code and false otherwise.
   */
  includeCodebook: z.boolean().optional(),
  /** Append the "Recommendation assessment" section (issue 14): a table, then each recommendation’s status, rationale and evidence. Absent means false. */
  includeAssessment: z.boolean().optional(),
  /** Issue 16: who the file is for; absent means 'share'. */
  audience: Audience.optional(),
});
export type MarkdownOptions = z.infer<typeof MarkdownOptions>;

export const FileOutput = z.object({ filename: z.string(), content: z.string() });
export type FileOutput = z.infer<typeof FileOutput>;

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const ContentInput = z.object({ content: z.string().max(MAX_IMPORT_BYTES, 'The file is larger than 50 MB.') });

/** Base64 of MAX_IMPORT_BYTES (4 characters per 3 bytes); the service checks the decoded size too. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

/** The codebook alone: REFI-QDA .qdc, Markdown, or CSV (RFC 4180, UTF-8 with a BOM). */
export const CodebookFormat = z.enum(['qdc', 'markdown', 'csv']);
export type CodebookFormat = z.infer<typeof CodebookFormat>;
export const ExportCodebookInput = z.object({ format: CodebookFormat, audience: Audience.optional() });
/** The report, its codings, notes and codebook as a REFI-QDA project (.qdpx). */
export const ExportProjectInput = z.object({ format: z.literal('qdpx'), audience: Audience.optional() });
/** The W3C exchange file: nothing (shared), or who it is for (issue 16). */
/** A passphrase an exchange file is sealed or opened with (issue 16); a new one needs at least 10 characters (the service says so). */
const ExchangePassphrase = z.string().min(1, 'Enter the passphrase.').max(1024);
/** `passphrase` (issue 16): write an encrypted exchange file that opens only with it. */
export const ExportAnnotationsInput = z.union([NoInput, z.strictObject({ audience: Audience.optional(), passphrase: ExchangePassphrase.optional() })]);

/** What `reviewShare` looks at: the annotations an export would take (a filter, or ids), or all. */
export const ReviewShareInput = z.object({ filter: AnnotationFilter.optional(), ids: z.array(Uuid).max(100_000).optional() }).optional();
/** Likely personal data found in a note going out under 'share': `note.slice(start, end) === match`. */
export const ShareHit = z.object({
  annotationId: Uuid,
  citation: z.string(),
  note: z.string(),
  kind: z.enum(['email', 'phone', 'url', 'digits']),
  start: z.number().int(),
  end: z.number().int(),
  match: z.string(),
});
export type ShareHit = z.infer<typeof ShareHit>;
export const ShareReview = z.object({
  /** Private annotations a shared file leaves out. */
  privateCount: z.number().int(),
  /** Sensitive annotations with a note, whose note a shared file withholds. */
  sensitiveNoteCount: z.number().int(),
  hits: z.array(ShareHit),
});
export type ShareReview = z.infer<typeof ShareReview>;
/** A binary export (a zip), as base64 so it crosses both transports as JSON. */
export const BinaryFileOutput = z.object({ filename: z.string(), contentBase64: z.string() });
export type BinaryFileOutput = z.infer<typeof BinaryFileOutput>;

/** A file to import: its text (JSON, .qdc) or, for a binary file such as a .qdpx, its bytes as base64. Exactly one. */
export const PreviewImportInput = z.union([
  /** `passphrase` opens an encrypted exchange file (issue 16); without it such a file answers PASSPHRASE_REQUIRED. */
  z.strictObject({ content: z.string().max(MAX_IMPORT_BYTES, 'The file is larger than 50 MB.'), passphrase: ExchangePassphrase.optional() }),
  z.strictObject({
    contentBase64: z
      .string()
      .max(MAX_IMPORT_BASE64_CHARS, 'The file is larger than 50 MB.')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/u, 'The file’s bytes are not base64.'),
  }),
]);
export type PreviewImportInput = z.infer<typeof PreviewImportInput>;

export const ImportKind = z.enum(['new', 'updated', 'unchanged', 'deleted', 'duplicate', 'orphan', 'older']);
export type ImportKind = z.infer<typeof ImportKind>;

/** An incoming annotation in the import preview. */
export const AnnotationImportItem = z.object({
  entity: z.literal('annotation'),
  /** Id of the incoming annotation (a UUID; non-UUID ids from other tools are mapped to one). */
  id: z.string(),
  kind: ImportKind,
  exact: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  color: ColorId,
  citation: z.string(),
  anchor: z.object({ status: AnchorStatus, score: z.number() }),
  /** Why, in a sentence, for duplicates, orphans and conflicts. */
  reason: z.string().nullable(),
  /** Whether committing applies it unless rejected (unchanged and older items change nothing; a private one applies only when accepted). */
  applies: z.boolean(),
  /** The file's sensitivity mark (issue 16); 'normal' when it has none. */
  sensitivity: Sensitivity,
});
export type AnnotationImportItem = z.infer<typeof AnnotationImportItem>;

/** What an incoming code does to the codebook (a code matched by GUID, else by path, or new). */
export const CodeImportKind = z.enum(['new', 'renamed', 'moved', 'updated', 'unchanged']);
export type CodeImportKind = z.infer<typeof CodeImportKind>;

/** An incoming code in the import preview (from a .qdc or a .qdpx). */
export const CodeImportItem = z.object({
  entity: z.literal('code'),
  /** The code's GUID in the file (lower case, no braces). */
  id: z.string(),
  kind: CodeImportKind,
  /** The code's path once imported. */
  path: z.string(),
  /** Its path now, when it is renamed or moved; null otherwise. */
  previousPath: z.string().nullable(),
  /** The definition in the file. */
  description: z.string(),
  definitionChanged: z.boolean(),
  /** The name as the file wrote it, when a `/` or `,` in it became U+2215 or U+201A; null otherwise. */
  originalName: z.string().nullable(),
  /** What changes, in a sentence (or why it cannot apply). */
  reason: z.string().nullable(),
  applies: z.boolean(),
});
export type CodeImportItem = z.infer<typeof CodeImportItem>;

/** An incoming link in the import preview (issue 14): from a Fieldmark export's `linking` bodies. */
export const LinkImportItem = z.object({
  entity: z.literal('link'),
  /** The link's id (a UUID). */
  id: z.string(),
  kind: ImportKind,
  /** The annotation it leaves, and that annotation in words ("Protection ¶4 “quote…”"). */
  from: z.string(),
  fromLabel: z.string(),
  /** Where it points; null when its passage is not one of the recommendations. */
  to: LinkTarget.nullable(),
  /** Where it points, in words ("Recommendation 3: <title>", or the other highlight's citation and quote). */
  toLabel: z.string(),
  relation: LinkRelation,
  /** The file unlinked it (a tombstone). */
  unlinked: z.boolean(),
  reason: z.string().nullable(),
  applies: z.boolean(),
});
export type LinkImportItem = z.infer<typeof LinkImportItem>;

/** An incoming recommendation assessment in the import preview (issue 14). */
export const AssessmentImportItem = z.object({
  entity: z.literal('assessment'),
  id: RecommendationId,
  kind: ImportKind,
  /** "Recommendation 3: <title>" (the file's title when it sets one). */
  label: z.string(),
  status: RecommendationStatus,
  /** Our status now; null when we have no assessment of it. */
  previousStatus: RecommendationStatus.nullable(),
  rationale: z.string(),
  reason: z.string().nullable(),
  applies: z.boolean(),
});
export type AssessmentImportItem = z.infer<typeof AssessmentImportItem>;

/** One item shape for every kind of record an import brings, keyed by `entity`. */
export const ImportItem = z.discriminatedUnion('entity', [AnnotationImportItem, CodeImportItem, LinkImportItem, AssessmentImportItem]);
export type ImportItem = z.infer<typeof ImportItem>;

export const CodeImportCounts = z.object({
  new: z.number().int(),
  renamed: z.number().int(),
  moved: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  total: z.number().int(),
});
export type CodeImportCounts = z.infer<typeof CodeImportCounts>;

/** Annotation items by kind (`total` counts annotations), and code items in `codes`. */
export const ImportCounts = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
  duplicate: z.number().int(),
  orphan: z.number().int(),
  older: z.number().int(),
  total: z.number().int(),
  codes: CodeImportCounts,
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportPreview = z.object({
  id: z.string(),
  format: z.string(),
  counts: ImportCounts,
  items: z.array(ImportItem),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const CommitImportInput = z.object({
  id: z.string().min(1).max(100),
  reject: z.array(z.string().max(200)).max(1_000_000).optional(),
  /** Items that do not apply unless ticked (issue 16: a file's private annotations), by id. */
  accept: z.array(z.string().max(200)).max(1_000_000).optional(),
});
export const ImportResult = z.object({
  id: z.string(),
  /** Annotations written. */
  applied: z.number().int(),
  /** Codes written (from a REFI-QDA file: new or changed codes accepted). */
  codesApplied: z.number().int(),
  /** Links written (issue 14: evidence and links between highlights, made, changed or unlinked). */
  linksApplied: z.number().int(),
  /** Recommendation assessments written. */
  assessmentsApplied: z.number().int(),
  /** Items (annotations, codes, links and assessments) left out by the user. */
  rejected: z.number().int(),
  counts: ImportCounts,
});
export type ImportResult = z.infer<typeof ImportResult>;

export const RestoreResult = z.object({
  annotations: z.number().int(),
  /** File name of the automatic backup taken of the state before the restore. */
  backup: z.string(),
});

// ---------------------------------------------------------------- protection (issue 16)

/** A passphrase as typed; a new one must have at least 10 characters (the service says so in words). */
const Passphrase = z.string().min(1, 'Enter the passphrase.').max(1024);
/** A recovery key as typed (52 Crockford base32 characters, spaces and dashes allowed). */
const RecoveryKeyText = z.string().min(1, 'Enter the recovery key.').max(200);
export const ProtectStoreInput = z.strictObject({ passphrase: Passphrase });
export const ProtectStoreResult = z.object({ recoveryKey: z.string() });
export const ChangePassphraseInput = z.union([
  z.strictObject({ passphrase: Passphrase, newPassphrase: Passphrase }),
  z.strictObject({ recoveryKey: RecoveryKeyText, newPassphrase: Passphrase }),
]);
export const UnprotectStoreInput = z.strictObject({ passphrase: Passphrase });
export const UnlockInput = z.union([z.strictObject({ passphrase: Passphrase }), z.strictObject({ recoveryKey: RecoveryKeyText })]);
/** A backup to restore; an encrypted one needs the passphrase (or recovery key) of the day it was made. */
export const RestoreBackupInput = ContentInput.extend({ passphrase: Passphrase.optional(), recoveryKey: RecoveryKeyText.optional() });

// ---------------------------------------------------------------- briefing (issue 15)

export const BriefingFormat = z.enum(['docx', 'html', 'markdown']);
export type BriefingFormat = z.infer<typeof BriefingFormat>;
/** `audience` (issue 16): who the file is for, absent = 'share'; not part of the remembered options. */
export const ExportBriefingInput = BriefingOptions.extend({ format: BriefingFormat, audience: Audience.optional() });
export type ExportBriefingInput = z.infer<typeof ExportBriefingInput>;

/** One quote in a briefing group. Fields left out by `include` are null (note, colour) or empty (codes). */
export const BriefingItem = z.object({
  annotationId: Uuid,
  quote: z.string(),
  /** Where in the report: "Protection ¶4". */
  place: z.string(),
  /** The full citation: "U.S. Department of State, 2021 Trafficking in Persons Report: Japan, Protection ¶4" (the work's title in italics where the format can). */
  citation: z.string(),
  note: z.string().nullable(),
  /** Code paths (`Labour/TITP`). */
  codes: z.array(z.string()),
  color: ColorId.nullable(),
  colorLabel: z.string().nullable(),
  /** Grouped by recommendation: what the quote says about it (progress, gap or context); null otherwise. */
  relation: RecommendationRelation.nullable(),
});
export type BriefingItem = z.infer<typeof BriefingItem>;

export const BriefingGroup = z.object({
  /** Stable key: `section:protection`, `color:gap`, `code:<uuid>`, `recommendation:rec-3`, or `none`. */
  key: z.string(),
  heading: z.string(),
  /** 2 for a group; deeper for a code under another code (at most 6). Level 1 is a part of the document. */
  level: z.number().int().min(2).max(6),
  items: z.array(BriefingItem),
});
export type BriefingGroup = z.infer<typeof BriefingGroup>;

export const BriefingAssessmentRow = z.object({
  id: RecommendationId,
  index: z.number().int(),
  title: z.string(),
  status: RecommendationStatus,
  /** The status in words (STATUS_LABELS). */
  statusLabel: z.string(),
  rationale: z.string(),
  assessedBy: z.string().nullable(),
  /** Live evidence in the whole store, by relation. */
  evidence: z.object({ progress: z.number().int(), gap: z.number().int(), context: z.number().int() }),
});
export type BriefingAssessmentRow = z.infer<typeof BriefingAssessmentRow>;

/** The coding matrix of the briefing's own quotes: codes × the report's sections. */
export const BriefingMatrix = z.object({
  columns: z.array(z.object({ id: z.string(), label: z.string() })),
  rows: z.array(z.object({ codeId: Uuid, path: z.string(), counts: z.array(z.number().int()), total: z.number().int() })),
});
export type BriefingMatrix = z.infer<typeof BriefingMatrix>;

export const BriefingCodebookEntry = z.object({
  codeId: Uuid,
  name: z.string(),
  path: z.string(),
  /** 0 at the top of the code tree. */
  depth: z.number().int(),
  description: z.string(),
  /** Quotes in this briefing coded with the code itself. */
  count: z.number().int(),
});
export type BriefingCodebookEntry = z.infer<typeof BriefingCodebookEntry>;

/**
 * A briefing as a structured document: what every format (DOCX, HTML,
 * Markdown, and the print view behind the PDF) renders. Sections left out by
 * `include` are null.
 */
export const Briefing = z.object({
  meta: z.object({
    title: z.string(),
    subtitle: z.string().nullable(),
    author: z.string().nullable(),
    date: z.string().nullable(),
    groupBy: BriefingGroupBy,
    /** The filter in words ("tags: TITP; colours: Gap or failure"), or null when there is none. */
    filterDescription: z.string().nullable(),
  }),
  /** The report every citation points to. */
  source: z.object({
    /** "U.S. Department of State" */
    publisher: z.string(),
    /** "2021 Trafficking in Persons Report: Japan" */
    work: z.string(),
    year: z.number().int(),
    /** The full reference for the sources block. */
    reference: z.string(),
    /** SHA-256 of the text the quotes are taken from. */
    sha256: z.string(),
  }),
  /** The include flags with their defaults applied. */
  include: z.object({
    notes: z.boolean(),
    codes: z.boolean(),
    colors: z.boolean(),
    assessment: z.boolean(),
    matrix: z.boolean(),
    codebook: z.boolean(),
    sources: z.boolean(),
  }),
  /** The executive summary's paragraphs (a paragraph may hold line breaks). */
  summary: z.array(z.string()),
  groups: z.array(BriefingGroup),
  assessment: z.array(BriefingAssessmentRow).nullable(),
  matrix: BriefingMatrix.nullable(),
  codebook: z.array(BriefingCodebookEntry).nullable(),
  counts: z.object({
    /** Annotations included (each once, however many groups hold it). */
    annotations: z.number().int(),
    /** Quotes printed: an annotation in two groups counts twice. */
    placements: z.number().int(),
    /** Selected annotations left out because they could not be placed in the text ("need review"). */
    orphansExcluded: z.number().int(),
  }),
});
export type Briefing = z.infer<typeof Briefing>;

// ---------------------------------------------------------------- the contract

export const contract = {
  getReport: { input: NoInput, output: Report },
  getSettings: { input: NoInput, output: Settings },
  updateSettings: { input: SettingsPatch, output: Settings },
  getStatus: { input: NoInput, output: StoreStatus },

  listAnnotations: { input: NoInput, output: z.array(AnnotationView) },
  /** The same list with the targets the views imply left out (the first load of the page; issue 12). */
  listAnnotationsLean: { input: NoInput, output: z.array(LeanAnnotationView) },
  createAnnotation: { input: CreateAnnotationInput, output: AnnotationView },
  updateAnnotation: { input: UpdateAnnotationInput, output: AnnotationView },
  deleteAnnotation: { input: IdInput, output: AnnotationView },
  restoreAnnotation: { input: IdInput, output: AnnotationView },
  listTags: { input: NoInput, output: z.array(TagCount) },

  listCodes: { input: NoInput, output: z.array(CodeView) },
  createCode: { input: CreateCodeInput, output: CodeView },
  updateCode: { input: UpdateCodeInput, output: CodeView },
  mergeCodes: { input: MergeCodesInput, output: CodeChange },
  deleteCode: { input: DeleteCodeInput, output: CodeChange },
  restoreCodes: { input: CodeChange, output: z.object({ codes: z.number().int(), annotations: z.number().int() }) },
  codingMatrix: { input: CodingMatrixInput, output: CodingMatrix },
  coOccurrence: { input: NoInput, output: z.array(CoOccurrence) },

  listRecommendations: { input: NoInput, output: z.array(RecommendationView) },
  updateRecommendation: { input: UpdateRecommendationInput, output: RecommendationView },
  /** Returns the `from` annotation's view. Linking an identical live link again writes nothing. */
  linkAnnotation: { input: LinkInput, output: AnnotationView },
  unlinkAnnotation: { input: LinkInput, output: AnnotationView },
  exportTracker: { input: ExportTrackerInput, output: FileOutput },

  /** Issue 15: the briefing as a structured document (what the print view renders). */
  getBriefing: { input: BriefingOptions, output: Briefing },
  /** Issue 15: the briefing as a file: DOCX as `{ filename, contentBase64 }`, HTML and Markdown as `{ filename, content }`. Remembers the options. */
  exportBriefing: { input: ExportBriefingInput, output: z.union([FileOutput, BinaryFileOutput]) },

  exportMarkdown: { input: MarkdownOptions.optional(), output: FileOutput },
  exportAnnotations: { input: ExportAnnotationsInput, output: FileOutput },
  /** Issue 16: what a shared file would leave out or withhold, and likely personal data in the notes that go. */
  reviewShare: { input: ReviewShareInput, output: ShareReview },
  exportCodebook: { input: ExportCodebookInput, output: FileOutput },
  exportProject: { input: ExportProjectInput, output: BinaryFileOutput },
  previewImport: { input: PreviewImportInput, output: ImportPreview },
  commitImport: { input: CommitImportInput, output: ImportResult },
  undoImport: {
    input: z.object({ id: z.string().min(1).max(100) }),
    /** `reverted` annotations put back; `codes` the codes put back or, when the import made them and nothing uses them now, deleted. */
    output: z.object({ reverted: z.number().int(), codes: z.number().int() }),
  },
  exportBackup: { input: NoInput, output: FileOutput },
  restoreBackup: { input: RestoreBackupInput, output: RestoreResult },

  /** Issue 16: encrypts the store under a passphrase; returns the recovery key (shown once). */
  protectStore: { input: ProtectStoreInput, output: ProtectStoreResult },
  /** Re-wraps the data key under a new passphrase, proven by the current one or by the recovery key. */
  changePassphrase: { input: ChangePassphraseInput, output: StoreStatus },
  /** Decrypts the store back to plain files. */
  unprotectStore: { input: UnprotectStoreInput, output: StoreStatus },
  /** Saves what is pending, then forgets the key and every decrypted annotation. */
  lock: { input: NoInput, output: StoreStatus },
  /** With the passphrase or the recovery key; a wrong one is WRONG_PASSPHRASE and changes nothing. */
  unlock: { input: UnlockInput, output: StoreStatus },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** Error codes that cross the boundary. */
export const ErrorCode = z.enum([
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NOT_FOUND',
  'OUT_OF_RANGE',
  'READ_ONLY',
  'NOT_SAVED',
  'DISK_FULL',
  'INVALID_IMPORT',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
  /** Issue 16: the store is locked; unlock it first. */
  'LOCKED',
  'WRONG_PASSPHRASE',
  /** An encrypted file needs its passphrase or recovery key. */
  'PASSPHRASE_REQUIRED',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorEnvelope = z.object({
  ok: z.literal(false),
  error: z.object({ code: ErrorCode, message: z.string() }),
});
