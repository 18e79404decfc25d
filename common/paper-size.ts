/**
 * Paper for printed briefings (issue 15): A4, except in the regions whose usual
 * paper is Letter (CLDR's paper-size data: the US, Canada, Mexico and a few
 * more). The desktop reads the system locale, the page its language; the user
 * can change it in the Briefing form either way.
 */
export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'CL', 'CO', 'VE', 'PH', 'GT', 'PR', 'PA', 'CR', 'SV', 'NI', 'DO', 'BZ']);

/** The paper of a locale: "en-US" → Letter, "es_MX" → Letter, "en-GB" or "ja" → A4. */
export function paperForLocale(locale: string): PaperSize {
  const region = locale.split(/[-_]/u)[1]?.toUpperCase();
  return region !== undefined && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
}
