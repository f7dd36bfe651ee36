/**
 * The style of the overview's pages: one stylesheet for the layout (OVERVIEW_CSS), written
 * against a palette of custom properties, and two palettes: print colours for the HTML report
 * (REPORT_PALETTE, with the A4 print rules in REPORT_PRINT_CSS) and the editor's theme colours for
 * the Plan Overview and Quick wins views (VIEW_PALETTE: light, dark and high contrast themes).
 */

/** The shared building blocks (report-blocks.ts): score bars and their key, badges, what a project lacks. The Quick wins view uses them too. */
export const BLOCKS_CSS = `
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8em; font-weight: 600; line-height: 1.5; white-space: nowrap; background: var(--chip-bg); color: var(--chip-fg); border: 1px solid var(--chip-border, transparent); }
.badge.win { background: var(--win-bg); color: var(--win-fg); }
.badge.bad, .badge.overdue { background: var(--bad-bg); color: var(--bad-fg); }
.badge.no { background: transparent; color: var(--muted); font-weight: normal; border-color: transparent; padding-left: 0; }
.badge.small { font-size: 0.72em; }
.status-badge.status-done { background: var(--win-bg); color: var(--win-fg); }
.status-badge.status-on-track { background: transparent; color: var(--fg); border: 2px solid var(--good); }
.status-badge.status-not-started { background: transparent; color: var(--muted); border: 1px dashed var(--border); }
.status-badge.status-at-risk { background: transparent; color: var(--fg); border: 2px solid var(--warn); }
.status-badge.status-late, .status-badge.status-blocked { background: var(--bad-bg); color: var(--bad-fg); }
.score-bar { flex: 1 1 auto; width: 100%; max-width: 160px; height: 12px; min-width: 48px; }
.bar-track { fill: var(--track); }
.part-reach { fill: var(--part-reach); } .part-initiative { fill: var(--part-initiative); } .part-asynchrony { fill: var(--part-asynchrony); }
.part-geography { fill: var(--part-geography); } .part-crowdsourcing { fill: var(--part-crowdsourcing); }
.bar-threshold { stroke: var(--threshold); stroke-width: 2; }
.parts-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 14px; padding: 0; margin: 4px 0; font-size: 0.85em; color: var(--muted); }
.swatch { margin-right: 4px; vertical-align: -1px; }
.missing { margin: 0; padding-left: 1.1em; font-size: 0.88em; }
`;

/**
 * On a narrow screen a table's rows become blocks (nothing scrolls sideways, nothing is cut): the
 * first cell on a line of its own, the others after it, each named by its column where its
 * content does not say what it is. The ranked projects do so below WIDE px (their six columns
 * need the room), the other tables below NARROW px. Print keeps the tables.
 */
const WIDE = 760;
const NARROW = 520;
const STACKED_TABLES: ReadonlyArray<{ readonly table: string; readonly labels: Readonly<Record<number, string>>; readonly full: readonly number[] }> = [
    { table: 'metrics-table', labels: {}, full: [1] },
    { table: 'actions-table', labels: { 2: 'Owner', 3: 'Due' }, full: [1] },
    { table: 'coalition-table', labels: { 4: 'Projects' }, full: [1, 4] },
    { table: 'stories-table', labels: { 2: 'From', 3: 'Score', 4: 'Audience' }, full: [1] },
    { table: 'diagnostics-table', labels: { 1: 'Line' }, full: [3] }
];

function stackedTables(): string {
    const block = (tables: readonly string[]) => {
        const all = (suffix: string) => tables.map(table => `.${table}${suffix}`).join(', ');
        return `${all('')}, ${all(' tbody')} { display: block; }
${all(' colgroup')} { display: none; }
${all(' thead')} { display: block; position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
${all(' tr')} { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 16px; padding: 7px 4px; border-bottom: 1px solid var(--border); }
${all(' td')}, ${all(' th')} { display: block; padding: 0; border: 0; min-width: 0; }
${all(' td:empty')} { display: none; }
${all(' tr.overdue')} { background: var(--bad-row); }
${all(' tr.overdue td')} { background: none; }
${all(' td::before')} { color: var(--muted); font-size: 0.85em; margin-right: 0.4em; }`;
    };
    const others = STACKED_TABLES.map(entry => entry.table);
    const rules = STACKED_TABLES.flatMap(({ table, labels, full }) => [
        ...full.map(n => `.${table} td:nth-child(${n}) { flex-basis: 100%; }`),
        ...Object.entries(labels).map(([n, label]) => `.${table} td:nth-child(${n})::before { content: "${label}"; }`)
    ]);
    return `
@media screen and (max-width: ${WIDE}px) {
${block(['projects-table'])}
.projects-table tr { display: grid; grid-template-columns: 2.4em auto minmax(0, 1fr); column-gap: 10px; row-gap: 4px; }
.projects-table td:nth-child(1) { grid-row: 1 / span 4; }
.projects-table td:nth-child(2), .projects-table td:nth-child(3), .projects-table td:nth-child(6) { grid-column: 2 / 4; }
.projects-table td:nth-child(4) { grid-column: 2; }
.projects-table td:nth-child(5) { grid-column: 3; }
.projects-table tr:not(.win) td:nth-child(4)::before { content: "Quick win"; }
.projects-table td:nth-child(5)::before { content: "Effort"; }
.projects-table td:nth-child(6)::before { content: "What it lacks"; display: block; }
.projects-table .score-line { max-width: 320px; }
}
@media screen and (max-width: ${NARROW}px) {
.page { padding-left: 14px; padding-right: 14px; }
${block(others)}
.coalition-table .unit-row th { flex-basis: 100%; padding: 6px 4px 2px; }
${rules.join('\n')}
}
`;
}

/** The overview's pages: its sections' layout, tables and figures (with BLOCKS_CSS). */
export const OVERVIEW_CSS = BLOCKS_CSS + `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); font-family: var(--font); font-size: var(--font-size, 14px); line-height: 1.45; }
.page { max-width: 1080px; margin: 0 auto; padding: 20px 28px 40px; }
h1 { font-size: 1.75em; line-height: 1.2; margin: 0 0 4px; font-weight: 650; }
h2 { font-size: 1.3em; margin: 34px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); font-weight: 650; }
h3 { font-size: 1.05em; margin: 18px 0 6px; font-weight: 650; }
.small-heading { font-size: 0.95em; margin: 10px 0 4px; }
p { margin: 6px 0; }
code { font-family: var(--mono); font-size: 0.9em; color: inherit; background: none; padding: 0; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78em; color: var(--muted); margin: 0 0 2px; font-weight: 600; }
.muted, .sub { color: var(--muted); }
.sub { display: block; font-size: 0.85em; }
.file-mark { font-family: var(--mono); font-size: 0.85em; color: var(--chip-fg); background: var(--chip-bg); border: 1px solid var(--chip-border, transparent); border-radius: 4px; padding: 0 4px; overflow-wrap: anywhere; }
.used-files { margin: 12px 0; }
.used-files li { margin: 4px 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.plan-meta { color: var(--muted); }
.toc ol { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 0; margin: 10px 0 0; font-size: 0.92em; }
.toc a { color: var(--link); text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr)); gap: 10px; margin: 12px 0; }
.count { margin: 0; padding: 10px 12px; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); }
.count dt { font-size: 0.78em; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; }
.count dd { margin: 2px 0 0; }
.count .value { display: block; font-size: 1.6em; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.count .detail { display: block; font-size: 0.82em; color: var(--muted); }
.count.good { border-color: var(--good); }
.count.bad { border-color: var(--bad); }
.summary-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; margin: 10px 0; }
.plan-status { font-size: 1em; padding: 3px 14px; border-radius: 14px; }
.summary-sentence { margin: 0; font-size: 1.08em; flex: 1 1 320px; }
.decisions { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 10px 18px; }
.decision-group h4 { margin: 6px 0 2px; font-size: 0.95em; }
.decision-group li { padding: 3px 0; border-top: 1px solid var(--border); }
.callout { border-left: 4px solid var(--warn); background: var(--surface); padding: 8px 12px; border-radius: 0 6px 6px 0; }
.callout.bad { border-left-color: var(--bad); }
.card { border: 1px solid var(--border); border-radius: 8px; padding: 10px 16px 12px; background: var(--surface); }
.card.attention { border-color: var(--warn); }
.hurdles, .naysayers { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; margin: 10px 0; }
.hurdle h3 { margin-top: 4px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.checks, .plain, .check-diagnostics { list-style: none; padding: 0; margin: 6px 0 0; }
.check { display: grid; grid-template-columns: 1.4em 1fr; column-gap: 4px; padding: 4px 0; border-top: 1px solid var(--border); }
.check > .check-diagnostics, .check > .more { grid-column: 2; font-size: 0.9em; }
.check-text { grid-column: 2; }
.mark { font-weight: 700; text-align: center; }
.mark.yes, .yes .dot { color: var(--good); }
.mark.no { color: var(--bad); }
.mark.off { color: var(--muted); }
.check .code { grid-column: 2; color: var(--muted); font-size: 0.8em; }
figure { margin: 10px 0; }
figcaption { font-size: 0.88em; }
svg text { font-family: Arial, Helvetica, "Liberation Sans", "DejaVu Sans", sans-serif; }
.matrix, .timeline { display: block; width: 100%; height: auto; max-width: 980px; }
.matrix .quadrant { stroke: none; }
.matrix .q-quick-wins, .swatch-box.q-quick-wins { fill: var(--q-quick-wins); background: var(--q-quick-wins); }
.matrix .q-big-bets, .swatch-box.q-big-bets { fill: var(--q-big-bets); background: var(--q-big-bets); }
.matrix .q-fill-ins, .swatch-box.q-fill-ins { fill: var(--q-fill-ins); background: var(--q-fill-ins); }
.matrix .q-time-sinks, .swatch-box.q-time-sinks { fill: var(--q-time-sinks); background: var(--q-time-sinks); }
.matrix .not-stated { fill: var(--not-stated); stroke: var(--border); stroke-dasharray: 4 3; }
.matrix .grid, .timeline .grid { stroke: var(--grid); stroke-width: 1; }
.matrix .column-line { stroke: var(--grid); }
.matrix .split, .matrix .frame { stroke: var(--axis); stroke-width: 1.2; fill: none; }
.matrix .threshold { stroke: var(--threshold); stroke-width: 2; stroke-dasharray: 7 4; }
.matrix .tick, .timeline .tick { font-size: 11px; fill: var(--muted); }
.matrix .threshold-tick { fill: var(--threshold); font-weight: 700; }
.matrix .column-label { font-size: 12px; fill: var(--fg); font-weight: 600; }
.matrix .axis-title { font-size: 11px; fill: var(--muted); }
.matrix .quadrant-name { font-size: 12px; font-weight: 700; fill: var(--quadrant-name); letter-spacing: 0.02em; }
.matrix .point circle { fill: var(--point-bg); stroke: var(--point-stroke); stroke-width: 1.2; }
.matrix .point.win circle { fill: var(--win-point); stroke: var(--win-point-stroke); stroke-width: 2; }
.matrix .dot { fill: var(--point-stroke); }
.matrix .dot.win { fill: var(--win-point); }
.matrix .point-number { font-size: 8.5px; font-weight: 700; fill: var(--fg); }
.matrix .point.win .point-number { fill: var(--win-point-fg); }
.matrix .label-bg { fill: var(--bg); fill-opacity: 0.85; }
.matrix .label-text { font-size: 11px; fill: var(--fg); font-weight: 600; }
.matrix .leader { stroke: var(--muted); stroke-width: 0.8; }
.interactive .matrix .point { cursor: pointer; }
.interactive .matrix .point:hover circle { stroke: var(--focus); stroke-width: 2.5; }
.quadrant-legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
.swatch-box { display: inline-block; width: 12px; height: 12px; border: 1px solid var(--border); margin-right: 5px; vertical-align: -1px; }
.swatch-line { display: inline-block; width: 18px; border-top: 2px dashed var(--threshold); margin-right: 5px; vertical-align: 3px; }
.key-list { columns: 2 260px; column-gap: 24px; margin: 4px 0; padding-left: 2.6em; font-size: 0.9em; }
.key-list li { break-inside: avoid; }
.table-wrap { width: 100%; }
.matrix-figure:focus-visible, .timeline-figure:focus-visible { outline: 1px solid var(--focus); outline-offset: 2px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 8px 0; font-size: 0.93em; }
/* Words break only where nothing else fits (a long name), never a date or a status mid-word. */
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--border); overflow-wrap: break-word; }
thead th { font-size: 0.78em; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); border-bottom: 2px solid var(--axis); font-weight: 650; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.win td:first-child { box-shadow: inset 3px 0 0 var(--good); }
tr.overdue td { background: var(--bad-row); }
.unit-row th { background: var(--surface); font-size: 0.95em; padding-top: 8px; border-bottom: 1px solid var(--axis); }
.c-rank { width: 4.4em; } .c-project { width: 28%; } .c-score { width: 190px; } .c-win { width: 6.8em; } .c-effort { width: 6.2em; }
.c-goal { width: 34%; } .c-metric { width: 36%; }
.c-action { width: 40%; } .c-owner { width: 20%; } .c-due { width: 19%; }
.c-member { width: 26%; } .c-role { width: 19%; } .c-trained { width: 7.6em; }
.c-story { width: 32%; } .c-from { width: 26%; } .stories-table .c-score { width: 16%; }
.c-line { width: 4.6em; } .c-code { width: 12.5em; }
.title { font-weight: 600; }
.score-line { display: flex; align-items: center; gap: 6px; }
.score-value { font-weight: 700; min-width: 2.6em; text-align: right; font-variant-numeric: tabular-nums; }
.score-cell .sub { font-size: 0.76em; }
.effort-high { font-weight: 600; }
.progress-bar { vertical-align: -1px; }
.progress-fill { fill: var(--part-reach); }
.progress-fill.reached { fill: var(--good); }
.status { font-weight: 600; }
.status .dot { margin-right: 3px; }
.status-done .dot { color: var(--good); } .status-doing .dot { color: var(--part-reach); } .status-blocked .dot { color: var(--bad); } .status-todo .dot { color: var(--muted); }
.stage { margin: 16px 0 24px; }
.stage h3 { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; font-size: 1.12em; }
.stage-number { display: inline-grid; place-items: center; min-width: 1.7em; height: 1.7em; border-radius: 50%; background: var(--accent); color: var(--accent-fg); font-size: 0.85em; }
.stage-meta { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.window { font-weight: 600; }
.mantra { margin: 6px 0; padding: 4px 12px; border-left: 3px solid var(--accent); font-style: italic; }
.timeline .row-label { font-size: 11px; fill: var(--fg); }
.timeline .stage-bar, .timeline-key .stage-bar { fill: var(--accent); fill-opacity: 0.75; }
.timeline .stage-bar.open-end, .timeline .stage-bar.open-start, .timeline-key .stage-bar.open-end { fill-opacity: 0.35; stroke: var(--accent); stroke-dasharray: 4 3; }
.due { stroke-width: 1.2; }
.due.done { fill: var(--good); stroke: var(--bg); } .due.overdue { fill: var(--bad); stroke: var(--bg); } .due.open { fill: var(--bg); stroke: var(--fg); }
.timeline-key { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 16px; padding: 0; margin: 4px 0 0; font-size: 0.88em; color: var(--muted); }
.timeline-key svg { vertical-align: -2px; margin-right: 4px; }
.timeline .today, .timeline-key .today { stroke: var(--threshold); stroke-width: 1.5; stroke-dasharray: 3 3; }
.timeline .today-label { font-size: 10px; fill: var(--threshold); }
.severity-group h3 { border-left: 4px solid var(--muted); padding-left: 8px; }
.severity-error h3 { border-left-color: var(--bad); } .severity-warning h3 { border-left-color: var(--warn); } .severity-information h3 { border-left-color: var(--part-reach); }
.report-foot { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.85em; }
` + stackedTables();

/** A drawing wider than a narrow screen scrolls sideways in its figure (which a keyboard can reach), and says so. */
const NARROW_FIGURES = `
@media screen and (max-width: 600px) {
.report .matrix-figure, .report .timeline-figure { overflow-x: auto; }
.report .matrix, .report .timeline { min-width: 680px; }
.report .matrix-figure::before, .report .timeline-figure::before { content: "Scroll sideways to see the whole drawing →"; display: block; position: sticky; left: 0; font-size: 0.85em; color: var(--muted); margin-bottom: 2px; }
}
`;

/** Print colours for the HTML report (and a screen reading it). */
export const REPORT_PALETTE = `
:root {
  --font: "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  --mono: ui-monospace, "SF Mono", Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  --fg: #1d2329; --muted: #56606b; --bg: #ffffff; --surface: #f6f8fa; --border: #d5dbe1; --axis: #8c96a0; --grid: #e6e9ed;
  --accent: #1f4e5f; --accent-fg: #ffffff; --link: #0b5cad;
  --good: #1a7f37; --bad: #b42318; --warn: #9a6700; --bad-bg: #b42318; --bad-fg: #ffffff; --bad-row: #fdf1f0;
  --chip-bg: #e8ecf0; --chip-fg: #1d2329; --win-bg: #1a7f37; --win-fg: #ffffff;
  --q-quick-wins: #e3f4e8; --q-big-bets: #e8eef9; --q-fill-ins: #f6f4ea; --q-time-sinks: #f9e9e7; --not-stated: #f4f5f6; --quadrant-name: #44505c;
  --threshold: #b42318; --point-bg: #ffffff; --point-stroke: #56606b; --win-point: #1a7f37; --win-point-stroke: #0f5323; --win-point-fg: #ffffff;
  --track: #e8ecf0; --focus: #0b5cad;
  --part-reach: #0072b2; --part-initiative: #00805c; --part-asynchrony: #b86e00; --part-geography: #6a3fb5; --part-crowdsourcing: #b8307a;
  color-scheme: light;
}
`;

/**
 * The report on a screen set to a dark colour scheme (print stays light). Every part of a score
 * bar, every dot and point of the matrix keeps a contrast of at least 3:1 with what it is drawn on,
 * as in the light palette.
 */
export const REPORT_DARK_PALETTE = `
@media screen and (prefers-color-scheme: dark) {
:root {
  --fg: #e3e7eb; --muted: #a3adb8; --bg: #14181d; --surface: #1b2128; --border: #38414b; --axis: #6b7682; --grid: #29313a;
  --accent: #4f9bb5; --accent-fg: #0b1115; --link: #6cb6ff;
  --good: #3fb950; --bad: #f47067; --warn: #d29922; --bad-bg: #b42318; --bad-fg: #ffffff; --bad-row: #2e1b1b;
  --chip-bg: #2d343c; --chip-fg: #e3e7eb; --win-bg: #1a7f37; --win-fg: #ffffff;
  --q-quick-wins: #16301e; --q-big-bets: #19243a; --q-fill-ins: #2a2817; --q-time-sinks: #35201e; --not-stated: #1d2227; --quadrant-name: #c4ccd4;
  --threshold: #f47067; --point-bg: #14181d; --point-stroke: #a3adb8; --win-point: #3fb950; --win-point-stroke: #b4f0c0; --win-point-fg: #0b1115;
  --track: #2d343c; --focus: #6cb6ff;
  --part-reach: #58a6ff; --part-initiative: #3fb950; --part-asynchrony: #e3a23a; --part-geography: #b392f0; --part-crowdsourcing: #f778ba;
  color-scheme: dark;
}
}
`;

/** The report on a screen: the dark palette, and drawings that scroll sideways on a narrow screen. */
export const REPORT_SCREEN_CSS = REPORT_DARK_PALETTE + NARROW_FIGURES;

/** The HTML report on A4: margins, font size, nothing cut at a page's edge, headings kept with what follows. */
export const REPORT_PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm 15mm 12mm; }
@media print {
  html, body { background: #ffffff; }
  body { font-size: 9.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .page { max-width: none; padding: 0; }
  .toc { display: none; }
  h2 { break-after: avoid; margin-top: 20px; }
  h3 { break-after: avoid; }
  /* A check breaks between the places it lists, never inside one; its text stays with the first. */
  .check-text, .check .code { break-after: avoid; }
  .check-diagnostics li { break-inside: avoid; }
  tr, .count, .naysayers .card, figure, .stage > p, .mantra, blockquote, .coalition-table tbody, .summary-head, .decision-group li { break-inside: avoid; }
  .stage > h3, .stage-meta, .unit-row, .parts-legend { break-after: avoid; }
  thead { display: table-header-group; }
  .counts { grid-template-columns: repeat(4, 1fr); }
  .hurdles, .naysayers { grid-template-columns: 1fr 1fr; }
  .matrix, .timeline { max-width: 100%; min-width: 0; }
  /* Room for what a project lacks: narrower rank, score, quick-win and effort columns. */
  th, td { padding: 5px 6px; }
  .c-rank { width: 3.8em; } .c-project { width: 25%; } .c-score { width: 118px; } .c-win { width: 6.6em; } .c-effort { width: 6.2em; }
  .score-bar { max-width: 64px; }
  .table-wrap, .matrix-figure, .timeline-figure { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The editor's theme colours (VS Code sets the variables, and a class for light, dark and high contrast themes). */
export const VIEW_PALETTE = `
:root {
  --font: var(--vscode-font-family); --font-size: var(--vscode-font-size); --mono: var(--vscode-editor-font-family, monospace);
  --fg: var(--vscode-foreground); --muted: var(--vscode-descriptionForeground); --bg: var(--vscode-editor-background);
  --surface: var(--vscode-editorWidget-background, var(--vscode-editor-background));
  --border: var(--vscode-widget-border, var(--vscode-editorGroup-border, rgba(128, 128, 128, 0.35)));
  --axis: var(--vscode-editorRuler-foreground, rgba(128, 128, 128, 0.7)); --grid: var(--vscode-editorIndentGuide-background1, rgba(128, 128, 128, 0.2));
  --accent: var(--vscode-button-background); --accent-fg: var(--vscode-button-foreground); --link: var(--vscode-textLink-foreground);
  --good: var(--vscode-testing-iconPassed, var(--vscode-charts-green, #89d185)); --bad: var(--vscode-errorForeground); --warn: var(--vscode-editorWarning-foreground);
  --bad-bg: var(--vscode-inputValidation-errorBackground, var(--vscode-errorForeground)); --bad-fg: var(--vscode-foreground);
  --bad-row: color-mix(in srgb, var(--vscode-errorForeground) 10%, var(--vscode-editor-background));
  --chip-bg: var(--vscode-badge-background); --chip-fg: var(--vscode-badge-foreground);
  --win-bg: var(--vscode-badge-background); --win-fg: var(--vscode-badge-foreground);
  --q-quick-wins: color-mix(in srgb, var(--vscode-charts-green, #89d185) 16%, var(--vscode-editor-background));
  --q-big-bets: color-mix(in srgb, var(--vscode-charts-blue, #3794ff) 14%, var(--vscode-editor-background));
  --q-fill-ins: color-mix(in srgb, var(--vscode-charts-yellow, #cca700) 10%, var(--vscode-editor-background));
  --q-time-sinks: color-mix(in srgb, var(--vscode-charts-red, #f14c4c) 12%, var(--vscode-editor-background));
  --not-stated: color-mix(in srgb, var(--vscode-foreground) 5%, var(--vscode-editor-background)); --quadrant-name: var(--vscode-foreground);
  --threshold: var(--vscode-editorWarning-foreground); --point-bg: var(--vscode-editor-background); --point-stroke: var(--vscode-foreground);
  --win-point: var(--vscode-charts-green, #89d185); --win-point-stroke: var(--vscode-foreground); --win-point-fg: var(--vscode-editor-background);
  --track: var(--vscode-input-background, rgba(128, 128, 128, 0.2)); --focus: var(--vscode-focusBorder);
  --part-reach: var(--vscode-charts-blue, #3794ff); --part-initiative: var(--vscode-charts-green, #89d185); --part-asynchrony: var(--vscode-charts-orange, #d18616);
  --part-geography: var(--vscode-charts-yellow, #cca700); --part-crowdsourcing: var(--vscode-charts-purple, #b180d7);
}
body.vscode-high-contrast, body.vscode-high-contrast-light { --border: var(--vscode-contrastBorder); --axis: var(--vscode-contrastBorder); }
body.vscode-high-contrast .card, body.vscode-high-contrast .count, body.vscode-high-contrast-light .card, body.vscode-high-contrast-light .count { border-color: var(--vscode-contrastBorder); }
body.vscode-high-contrast .badge, body.vscode-high-contrast-light .badge { border-color: var(--vscode-contrastBorder); }
.page { padding: 0 20px 32px; }
/* A compact header: the plan's title and the export button on one line, the sections' links below. */
.view-top { position: sticky; top: 0; z-index: 1; background: var(--bg); padding: 6px 0 4px; border-bottom: 1px solid var(--border); }
.view-top .eyebrow { display: none; }
.view-title { display: flex; align-items: center; justify-content: space-between; gap: 4px 12px; }
.view-title > div:first-child { min-width: 0; }
.view-title h1 { font-size: 1.15em; margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.view-top .toc ol { margin: 3px 0 0; gap: 0 12px; font-size: 0.88em; }
/* A pane too short for a header that stays: it scrolls away with the page. */
@media (max-height: 480px) { .view-top { position: static; } }
.toolbar { display: flex; gap: 8px; }
button { font: inherit; color: inherit; }
.toolbar button, .pager button, .show-all {
  padding: 3px 12px; border-radius: 2px; border: 1px solid var(--vscode-button-border, transparent); cursor: pointer;
  background: var(--vscode-button-secondaryBackground, var(--vscode-button-background)); color: var(--vscode-button-secondaryForeground, var(--vscode-button-foreground));
}
.toolbar button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.toolbar button:hover, .pager button:hover:not(:disabled), .show-all:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-button-hoverBackground)); }
.toolbar button.primary:hover { background: var(--vscode-button-hoverBackground); }
.toolbar button[aria-pressed="true"] { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.toolbar button[aria-pressed="true"]::before { content: "✓ "; }
.pager button:disabled { opacity: 0.5; cursor: default; }
.pager { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
button.reveal { padding: 0; border: none; background: none; color: var(--link); cursor: pointer; text-align: left; font-weight: inherit; }
button.reveal:hover { text-decoration: underline; }
button:focus-visible, a:focus-visible { outline: 1px solid var(--focus); outline-offset: 2px; }
.status-line { color: var(--muted); font-size: 0.85em; margin: 2px 0 0; }
/* A section's link lands with its heading below the header (media/overview.js sets --header-height). */
h2, .section, .stage { scroll-margin-top: calc(var(--header-height, 110px) + 8px); }
`;
