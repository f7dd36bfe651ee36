/**
 * The HTML report (`adopt report --format html`, and Adopt: Export Plan Report… in the editor):
 * one self-contained file: inline CSS and SVG, no script, nothing fetched from elsewhere (its
 * content security policy forbids it), readable on screen and printed on A4.
 */
import type { PlanOverview } from '../protocol/overview-protocol.js';
import { escape, formatNumber } from './html-text.js';
import { SECTIONS, overviewSections } from './overview-sections.js';
import { PART_NAMES, spokenDate } from './report-blocks.js';
import { OVERVIEW_CSS, REPORT_PALETTE, REPORT_PRINT_CSS, REPORT_SCREEN_CSS } from './report-style.js';

/** Nothing may be fetched; only the report's own inline style applies. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function reportHtml(overview: PlanOverview, generator = 'Adopt'): string {
    const title = overview.plan.title || overview.plan.name || 'Plan';
    const weights = Object.entries(overview.settings.weights).map(([part, weight]) => `${PART_NAMES[part as keyof typeof PART_NAMES] ?? part} ${formatNumber(weight)}`).join(', ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${escape(generator)}">
<title>${escape(title)} — plan report</title>
<style>${REPORT_PALETTE}${OVERVIEW_CSS}${REPORT_SCREEN_CSS}${REPORT_PRINT_CSS}</style>
</head>
<body>
<div class="page report">
<header class="report-head">
<p class="eyebrow">Adoption plan report · ${escape(spokenDate(overview.date))}</p>
<h1>${escape(title)}</h1>
<nav class="toc" aria-label="Sections"><ol>${SECTIONS.map(section => `<li><a href="#${section.id}">${escape(section.heading)}</a></li>`).join('')}</ol></nav>
</header>
<main>
${overviewSections(overview, { interactive: false })}
</main>
<footer class="report-foot">
<p>${escape(`Made by ${generator} from the plan ${overview.plan.name} as of ${spokenDate(overview.date)}. Quick-win score: ${weights} (out of ${formatNumber(overview.fullScore)}); a quick win scores at least ${formatNumber(overview.settings.threshold)}, supports an initiative, involves a trained willing member and has all three traits.`)}</p>
</footer>
</div>
</body>
</html>
`;
}
