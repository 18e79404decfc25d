/**
 * The briefing HTML's one inline style sheet: system fonts only, a readable
 * measure that shrinks to a phone's width, and print rules (A4/Letter margins,
 * no heading left alone at a page's foot, no quote split where avoidable,
 * table headers repeated). Colours are a thin left rule plus the label in
 * words, so nothing depends on colour alone and greyscale prints read the same.
 */
export const BRIEFING_CSS = `
:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 44rem; padding: 1.25rem; font: 1rem/1.55 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9rem; margin: 0 0 .4rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.subtitle { font-size: 1.2rem; font-style: italic; margin: 0 0 .4rem; }
.byline, .scope, .aside { color: #444; }
.item { margin: 0 0 1.2rem; break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 0; padding: .2rem 0 .2rem .9rem; border-left: .25rem solid #777; white-space: pre-wrap; }
.c-key blockquote { border-left-color: #b8860b; }
.c-gap blockquote { border-left-color: #b22222; border-left-style: double; border-left-width: .4rem; }
.c-progress blockquote { border-left-color: #2e7d32; border-left-style: dashed; }
.c-statistic blockquote { border-left-color: #1f5fa8; border-left-style: dotted; }
.c-question blockquote { border-left-color: #6a3d9a; }
.citation { margin: .3rem 0 0; font-size: .92rem; }
.note { margin: .4rem 0 0; white-space: pre-wrap; }
.summary p { white-space: pre-wrap; }
.facts { margin: .3rem 0 0; font-size: .9rem; color: #444; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; white-space: pre-wrap; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .6rem 0 1rem; }
th, td { border: 1px solid #999; padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: normal; }
th { background: #eee; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.definition { white-space: pre-wrap; }
@media (max-width: 30rem) { body { padding: .8rem; font-size: 1.05rem; } h1 { font-size: 1.5rem; } table { font-size: .8rem; } th, td { padding: .25rem .3rem; } }
@page { margin: 2cm 1.8cm; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } a { color: inherit; } .table-wrap { overflow: visible; } }
`.trim();
