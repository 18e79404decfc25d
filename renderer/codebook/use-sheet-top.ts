/** Moved to renderer/sheet/use-top-below-toolbar.ts; this re-export goes once every sheet uses SideSheet. */
export { useTopBelowToolbar as useSheetTop } from '../sheet/use-top-below-toolbar';
