/** Builds AnnotationView values for the renderer's annotation unit tests. */
import type { AnnotationView } from '../../../../preload/contract';

let counter = 0;

/** An annotation view with sensible defaults; override what the test is about. */
export function view(overrides: Partial<AnnotationView> = {}): AnnotationView {
  counter++;
  const id = overrides.id ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  const start = overrides.start ?? 0;
  const end = overrides.end ?? start + 10;
  const exact = overrides.exact ?? 'x'.repeat(end - start);
  return {
    id,
    color: 'key',
    note: '',
    tags: [],
    codeIds: [],
    sensitivity: 'normal',
    createdAt: `2024-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2024-01-01T00:00:00.000Z',
    deletedAt: null,
    start,
    end,
    exact,
    prefix: '',
    suffix: '',
    section: 'protection',
    sectionTitle: 'Protection',
    paragraph: 1,
    citation: 'Protection ¶1',
    anchor: { status: 'exact', score: 1 },
    links: [],
    target: {
      source: 'urn:sha256:0',
      sha256: '0'.repeat(64),
      selector: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      ],
    },
    ...overrides,
  };
}
