/**
 * Derives the W3C TextQuoteSelector for a range of the report text
 * (https://www.w3.org/TR/annotation-model/#text-quote-selector): the exact
 * quote plus up to 32 UTF-16 units of context on either side, the same context
 * length Hypothesis uses, so selectors travel between the two tools.
 * In common/ because the page rebuilds the quotes the lean annotation list
 * leaves out (common/lean-view.ts) with the same rule the host made them by.
 */
import type { TextQuoteSelector } from '../preload/contract';

/** How much context (UTF-16 units) a quote selector carries on each side. */
export const QUOTE_CONTEXT_LENGTH = 32;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Whether `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  );
}

/** The quote selector for `text.slice(start, end)`; context never cuts a character in half. */
export function quoteSelectorFor(text: string, start: number, end: number): TextQuoteSelector {
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_LENGTH);
  // A cut inside a surrogate pair would leave half a character in the selector
  // (invalid UTF-16 once serialised), so the context gives up that unit instead.
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}
