export { anchorAt, anchorQuote, sentencesTouching, trimSpan, type Anchor, type QuoteSelector } from './anchoring';
export { reanchor, foldTypography, PositionMap, type AnchorStatus, type CurrentAnchor, type Reanchored } from './reanchoring';
