/**
 * The element tables of REFI-QDA 1.5 that Fieldmark's exports touch, written
 * from the spec's element descriptions and the facts of its schemas
 * (Codebook.xsd: CodeBookType, CodeType; Project.xsd, 18 March 2019:
 * ProjectType, UsersType, CodeBookType, CodeType, SourcesType, TextSourceType,
 * PlainTextSelectionType, CodingType, NotesType, NoteRefType, CodeRefType).
 * Each rule lists the children in their required order with how often each may
 * occur, and the attributes with their type and whether they are required.
 */
import { GUID_PATTERN } from './refi-guid';

export type AttrType = 'string' | 'guid' | 'boolean' | 'rgb' | 'integer' | 'dateTime';

export interface ElementRule {
  /** Children in sequence order: [name, min, max]. */
  sequence: Array<[string, number, number]>;
  attrs: Record<string, { type: AttrType; required: boolean }>;
  /** True when the element holds text and no children. */
  text?: boolean;
}

const MANY = Number.POSITIVE_INFINITY;
const req = (type: AttrType) => ({ type, required: true });
const opt = (type: AttrType) => ({ type, required: false });

export const ATTR_PATTERNS: Record<AttrType, RegExp> = {
  string: /^[\s\S]*$/u,
  guid: GUID_PATTERN,
  // xsd:boolean's lexical space (XML Schema Part 2, §3.2.2).
  boolean: /^(true|false|1|0)$/u,
  // RGBType: #RRGGBB or #RGB.
  rgb: /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/u,
  integer: /^[+-]?\d+$/u,
  // xsd:dateTime (XML Schema Part 2, §3.2.7), zone optional.
  dateTime: /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/u,
};

const TEXT: ElementRule = { sequence: [], attrs: {}, text: true };
const REF: ElementRule = { sequence: [], attrs: { targetGUID: req('guid') } };
const CODE_ATTRS = { guid: req('guid'), name: req('string'), isCodable: req('boolean'), color: opt('rgb') };
const AUDIT = { creatingUser: opt('guid'), creationDateTime: opt('dateTime'), modifyingUser: opt('guid'), modifiedDateTime: opt('dateTime') };

export const CODEBOOK_RULES: Record<string, ElementRule> = {
  CodeBook: { sequence: [['Codes', 1, 1], ['Sets', 0, 1]], attrs: { origin: opt('string') } },
  Codes: { sequence: [['Code', 1, MANY]], attrs: {} },
  Code: { sequence: [['Description', 0, 1], ['Code', 0, MANY]], attrs: CODE_ATTRS },
  Description: TEXT,
};

const TEXT_SOURCE: ElementRule = {
  sequence: [['Description', 0, 1], ['PlainTextContent', 0, 1], ['PlainTextSelection', 0, MANY], ['Coding', 0, MANY], ['NoteRef', 0, MANY], ['VariableValue', 0, MANY]],
  attrs: { guid: req('guid'), name: opt('string'), richTextPath: opt('string'), plainTextPath: opt('string'), ...AUDIT },
};

export const PROJECT_RULES: Record<string, ElementRule> = {
  Project: {
    sequence: ['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description'].map((n): [string, number, number] => [n, 0, 1]).concat([['NoteRef', 0, MANY]]),
    attrs: { name: req('string'), origin: opt('string'), creatingUserGUID: opt('guid'), creationDateTime: opt('dateTime'), modifyingUserGUID: opt('guid'), modifiedDateTime: opt('dateTime'), basePath: opt('string') },
  },
  Users: { sequence: [['User', 1, MANY]], attrs: {} },
  User: { sequence: [], attrs: { guid: req('guid'), name: opt('string'), id: opt('string') } },
  CodeBook: { sequence: [['Codes', 1, 1]], attrs: {} },
  Codes: { sequence: [['Code', 1, MANY]], attrs: {} },
  Code: { sequence: [['Description', 0, 1], ['NoteRef', 0, MANY], ['Code', 0, MANY]], attrs: CODE_ATTRS },
  Sources: { sequence: [['TextSource', 1, MANY]], attrs: {} },
  TextSource: TEXT_SOURCE,
  Note: TEXT_SOURCE,
  Notes: { sequence: [['Note', 1, MANY]], attrs: {} },
  PlainTextSelection: {
    sequence: [['Description', 0, 1], ['Coding', 0, MANY], ['NoteRef', 0, MANY]],
    attrs: { guid: req('guid'), name: opt('string'), startPosition: req('integer'), endPosition: req('integer'), ...AUDIT },
  },
  Coding: { sequence: [['CodeRef', 1, 1], ['NoteRef', 0, MANY]], attrs: { guid: req('guid'), creatingUser: opt('guid'), creationDateTime: opt('dateTime') } },
  CodeRef: REF,
  NoteRef: REF,
  Description: TEXT,
  PlainTextContent: TEXT,
};
