/**
 * The Briefing view (issue 15): a toolbar button named "Briefing" that opens a
 * sheet, a region of the same name, over the whole window below the toolbar
 * (the print view needs a page's width beside the form). File → Save Briefing
 * as PDF… on the desktop opens it and saves its print view.
 */
import { useCallback, useEffect, useState } from 'react';
import { onMenuEvent } from '../api/menu-events';
import { SideSheet } from '../sheet/SideSheet';
import { BriefingBody } from './BriefingBody';
import './briefing.css';

const NAME = 'Briefing';
const firstFocus = (sheet: HTMLElement) => sheet.querySelector<HTMLElement>('.bf-form input');

/** The toolbar button SideSheet renders for this view (it keeps its open state to itself). */
function openButton(): HTMLButtonElement | null {
  const buttons = document.querySelectorAll<HTMLButtonElement>('.toolbar button[aria-expanded]');
  return [...buttons].find((b) => b.textContent === NAME) ?? null;
}

export function BriefingView() {
  const [saveRequested, setSaveRequested] = useState(false);
  const saved = useCallback(() => setSaveRequested(false), []);

  useEffect(
    () =>
      onMenuEvent((event) => {
        if (event.action !== 'save-briefing-pdf') return;
        setSaveRequested(true);
        const button = openButton();
        if (button?.getAttribute('aria-expanded') === 'false') button.click();
      }) ?? undefined,
    [],
  );

  return (
    <SideSheet name={NAME} closeLabel="Close briefing" width="wide" className="bf-sheet" initialFocus={firstFocus}>
      <BriefingBody saveRequested={saveRequested} saved={saved} />
    </SideSheet>
  );
}
