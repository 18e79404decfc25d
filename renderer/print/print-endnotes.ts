/**
 * Puts an endnote plan into the page for the length of a print: a list of notes
 * after each section's last block, and the note numbers on the paragraphs as a
 * data attribute that the print stylesheet shows as generated content (never a
 * text node, so the article's text and its offsets stay exactly the report's).
 * The notes are taken out again after printing; on screen they never exist, so
 * find, selection and the highlights see only the report.
 */
import type { EndnotePlan } from './endnotes';

const MARKER_ATTRIBUTE = 'data-fm-endnotes';

function noteList(section: EndnotePlan['sections'][number]): HTMLElement {
  const aside = document.createElement('aside');
  aside.className = 'fm-endnotes';
  aside.setAttribute('aria-label', `Notes, ${section.sectionTitle}`);
  const heading = document.createElement('p');
  heading.className = 'fm-endnotes-heading';
  heading.textContent = `Notes, ${section.sectionTitle}`;
  const list = document.createElement('ol');
  for (const note of section.notes) {
    const item = document.createElement('li');
    item.value = note.number;
    const cite = document.createElement('span');
    cite.className = 'fm-endnote-cite';
    cite.textContent = `${note.citation}: `;
    const quote = document.createElement('q');
    quote.textContent = note.quote;
    const text = document.createElement('span');
    text.className = 'fm-endnote-text';
    text.textContent = note.note;
    item.append(cite, quote, ' — ', text);
    list.append(item);
  }
  aside.append(heading, list);
  return aside;
}

/** The element the notes go after: the block, or the list a recommendation item sits in. */
function anchorOf(block: HTMLElement): Element {
  return block.closest('.fm-recommendations') ?? block;
}

/** Adds the plan's notes and markers to the block elements; returns a function that removes them. */
export function insertEndnotes(elements: readonly HTMLElement[], plan: EndnotePlan): () => void {
  const added: HTMLElement[] = [];
  const marked: HTMLElement[] = [];
  for (const section of plan.sections) {
    const block = elements[section.afterBlock];
    if (!block) continue;
    const list = noteList(section);
    anchorOf(block).after(list);
    added.push(list);
  }
  for (const [index, numbers] of plan.markers) {
    const block = elements[index];
    if (!block) continue;
    block.setAttribute(MARKER_ATTRIBUTE, numbers.join(', '));
    marked.push(block);
  }
  return () => {
    for (const list of added) list.remove();
    for (const block of marked) block.removeAttribute(MARKER_ATTRIBUTE);
  };
}
