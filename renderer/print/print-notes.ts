import type { Settings } from '../../preload/contract';

/** Whether the report prints its notes as endnotes: yes unless turned off (a store from before the setting has none). */
export const printsNotes = (settings: Pick<Settings, 'printNotes'>): boolean => settings.printNotes ?? true;
