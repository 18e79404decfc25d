/** The quote selector rule lives in common/ (the page uses it too); anchoring reads it from here. */
export { QUOTE_CONTEXT_LENGTH, quoteSelectorFor, splitsSurrogatePair } from '../../../common/quote-selector';
