/**
 * The Codebook view (issue 13): a toolbar button named "Codebook" that opens a
 * side sheet, a region of the same name, beside the report. The sheet is not
 * modal, so "Show in panel" can be seen working in the Annotations panel while
 * it stays open. Focus goes to the tree as it opens (or "New code" when the
 * codebook is empty).
 */
import { SideSheet } from '../sheet/SideSheet';
import { CodebookBody } from './CodebookBody';
import './codebook.css';

const firstFocus = (sheet: HTMLElement) => sheet.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"], [data-codebook-start]');

export function CodebookView() {
  return (
    <SideSheet name="Codebook" closeLabel="Close codebook" width="narrow" initialFocus={firstFocus}>
      <CodebookBody />
    </SideSheet>
  );
}
