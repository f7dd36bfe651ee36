/**
 * The HTML report (`adopt report --format html`, and Adopt: Export Plan Report… in the editor):
 * one self-contained file: inline CSS and SVG, no script, nothing fetched from elsewhere (its
 * content security policy forbids it), readable on screen and printed on A4. Two editions: the
 * full report (every section, the summary first) and the board edition (board-edition.ts).
 */
import type { PlanOverview } from '../protocol/overview-protocol.js';
import { escape, formatNumber } from './html-text.js';
import { SECTIONS, overviewSections, type ReportExtra } from './overview-sections.js';

export type { ReportExtra };
import { PART_NAMES, spokenDate } from './report-blocks.js';
import { OVERVIEW_CSS, REPORT_PALETTE, REPORT_PRINT_CSS, REPORT_SCREEN_CSS } from './report-style.js';

/** Nothing may be fetched; only the report's own inline style applies. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The style the extra sections need. */
export function extrasCss(extras: readonly ReportExtra[]): string {
    return [...new Set(extras.map(extra => extra.css ?? ''))].join('');
}

/** What a report page holds besides its frame: the edition's name, its sections' links, its sections and extra style. */
export interface ReportPage {
    readonly edition: string;
    readonly toc: ReadonlyArray<{ readonly id: string; readonly heading: string }>;
    readonly main: string;
    readonly css?: string;
    readonly footer: string;
}

export function planTitle(overview: PlanOverview): string {
    return overview.plan.title || overview.plan.name || 'Plan';
}

/** The page around a report's sections: head, style, header with the title and the sections' links, footer. */
export function reportPage(overview: PlanOverview, page: ReportPage, generator: string): string {
    const title = planTitle(overview);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${escape(generator)}">
<title>${escape(title)} — ${escape(page.edition)}</title>
<style>${REPORT_PALETTE}${OVERVIEW_CSS}${REPORT_SCREEN_CSS}${REPORT_PRINT_CSS}${page.css ?? ''}</style>
</head>
<body>
<div class="page report">
<header class="report-head">
<p class="eyebrow">${escape(`Adoption ${page.edition} · ${spokenDate(overview.date)}`)}</p>
<h1>${escape(title)}</h1>
<nav class="toc" aria-label="Sections"><ol>${page.toc.map(section => `<li><a href="#${section.id}">${escape(section.heading)}</a></li>`).join('')}</ol></nav>
</header>
<main>
${page.main}
</main>
<footer class="report-foot">
<p>${escape(page.footer)}</p>
</footer>
</div>
</body>
</html>
`;
}

/** `Made by … from the plan … as of …. Quick-win score: …`: what the report is made from. */
export function madeByText(overview: PlanOverview, generator: string): string {
    const weights = Object.entries(overview.settings.weights).map(([part, weight]) => `${PART_NAMES[part as keyof typeof PART_NAMES] ?? part} ${formatNumber(weight)}`).join(', ');
    return `Made by ${generator} from the plan ${overview.plan.name} as of ${spokenDate(overview.date)}. Quick-win score: ${weights} (out of ${formatNumber(overview.fullScore)}); a quick win scores at least ${formatNumber(overview.settings.threshold)}, supports an initiative, involves a trained willing member and has all three traits.`;
}

/** The full report: every section, the summary first, then the extra sections (`extras`), then the others. */
export function reportHtml(overview: PlanOverview, generator = 'Adopt', extras: readonly ReportExtra[] = []): string {
    const [summary, ...rest] = SECTIONS;
    return reportPage(overview, {
        edition: 'plan report',
        toc: [summary, ...extras, ...rest],
        main: overviewSections(overview, { interactive: false }, extras),
        css: extrasCss(extras),
        footer: madeByText(overview, generator)
    }, generator);
}
