/**
 * The report's sections about the plan's history (docs/command-line.md#adopt-report): "Since …",
 * the changes since a baseline in a few sentences, and "Trend", for each of the last commits that
 * changed the plan its actions done, overdue actions, quick wins and problems: an SVG chart in
 * HTML, a table in Markdown.
 */
import type { PlanDiff } from '../protocol/diff-protocol.js';
import { coordinate, escape } from './html-text.js';
import { sinceHeading, sinceSentences } from './plan-changes.js';
import type { ReportExtra } from './report-html.js';
import { spokenDate } from './report-blocks.js';

/** The "Since …" section: `label` names the baseline (`HEAD~3 (4 January 2027)`, a file). */
export function sinceSection(label: string, diff: PlanDiff, titles: ReadonlyMap<string, string>, md: (text: string) => string): ReportExtra {
    const sentences = sinceSentences(diff, titles);
    return {
        id: 'since',
        heading: sinceHeading(label),
        html: `<ul class="since">${sentences.map(text => `<li>${escape(text)}</li>`).join('')}</ul>`,
        markdown: sentences.map(text => `- ${md(text)}`).join('\n'),
        css: TREND_CSS
    };
}

/** The plan as one commit left it. */
export interface TrendPoint {
    /** The commit's short name. */
    readonly revision: string;
    /** The commit's date, YYYY-MM-DD. */
    readonly date: string;
    readonly actionsDone: number;
    readonly overdueActions: number;
    readonly quickWins: number;
    readonly problems: number;
}

const SERIES = [
    { key: 'actionsDone', name: 'Actions done', className: 'trend-done' },
    { key: 'overdueActions', name: 'Overdue actions', className: 'trend-overdue' },
    { key: 'quickWins', name: 'Quick wins', className: 'trend-wins' },
    { key: 'problems', name: 'Problems', className: 'trend-problems' }
] as const;

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 40;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 34;

/** The chart: a line per series over the commits, oldest on the left, with the commits' dates below. */
function trendSvg(points: readonly TrendPoint[]): string {
    const max = Math.max(1, ...points.flatMap(point => SERIES.map(series => point[series.key])));
    const x = (index: number) => points.length === 1 ? (LEFT + WIDTH - RIGHT) / 2 : LEFT + (index * (WIDTH - LEFT - RIGHT)) / (points.length - 1);
    const y = (value: number) => TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
    const ticks = [0, Math.round(max / 2), max].filter((value, index, all) => all.indexOf(value) === index);
    const grid = ticks.map(value => `<line class="trend-grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${coordinate(y(value))}" y2="${coordinate(y(value))}"/>` +
        `<text class="trend-tick" x="${LEFT - 6}" y="${coordinate(y(value) + 4)}" text-anchor="end">${value}</text>`).join('');
    const every = Math.max(1, Math.ceil(points.length / 8));
    const dates = points.map((point, index) => index % every === 0 || index === points.length - 1
        ? `<text class="trend-tick" x="${coordinate(x(index))}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${escape(point.date.slice(5))}</text>` : '').join('');
    const lines = SERIES.map(series => {
        const coords = points.map((point, index) => `${coordinate(x(index))},${coordinate(y(point[series.key]))}`);
        return `<g class="${series.className}"><polyline points="${coords.join(' ')}"/>${coords.map(c => {
            const [cx, cy] = c.split(',');
            return `<circle cx="${cx}" cy="${cy}" r="3"/>`;
        }).join('')}</g>`;
    }).join('');
    const last = points[points.length - 1];
    const label = `Trend over ${points.length} commits; at the last (${spokenDate(last.date)}): ${SERIES.map(series => `${series.name.toLowerCase()} ${last[series.key]}`).join(', ')}`;
    return `<svg class="trend" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escape(label)}"><title>${escape(label)}</title>${grid}${dates}${lines}</svg>`;
}

export const TREND_CSS = `
.trend { width: 100%; max-width: 640px; height: auto; }
.trend polyline { fill: none; stroke-width: 2; }
.trend-grid { stroke: var(--grid); }
.trend-tick { font-size: 11px; fill: var(--muted); }
.trend-done polyline, .trend-key .trend-done { stroke: var(--good); } .trend-done circle { fill: var(--good); }
.trend-overdue polyline, .trend-key .trend-overdue { stroke: var(--bad); } .trend-overdue circle { fill: var(--bad); }
.trend-wins polyline, .trend-key .trend-wins { stroke: var(--part-reach); } .trend-wins circle { fill: var(--part-reach); }
.trend-problems polyline, .trend-key .trend-problems { stroke: var(--warn); } .trend-problems circle { fill: var(--warn); }
.trend-problems polyline { stroke-dasharray: 5 3; }
.trend-key { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 16px; padding: 0; margin: 4px 0; font-size: 0.88em; color: var(--muted); }
.trend-key svg { vertical-align: -2px; margin-right: 4px; }
.since { margin: 4px 0; padding-left: 1.2em; }
`;

/** The "Trend" section over the commits, the oldest first. */
export function trendSection(points: readonly TrendPoint[], md: (text: string) => string): ReportExtra {
    const heading = `Trend over the last ${points.length === 1 ? 'commit' : `${points.length} commits`}`;
    if (points.length === 0) {
        const none = 'No commit has changed the plan yet.';
        return { id: 'trend', heading: 'Trend', html: `<p class="muted">${escape(none)}</p>`, markdown: md(none), css: TREND_CSS };
    }
    const key = SERIES.map(series => `<li><svg width="22" height="10" aria-hidden="true"><line class="${series.className}" x1="0" y1="5" x2="22" y2="5" stroke-width="2"${series.key === 'problems' ? ' stroke-dasharray="5 3"' : ''}/></svg>${escape(series.name)}</li>`).join('');
    const rows = points.map(point => `| ${spokenDate(point.date)} | \`${point.revision}\` | ${SERIES.map(series => point[series.key]).join(' | ')} |`);
    return {
        id: 'trend',
        heading,
        html: `<figure class="trend-figure">${trendSvg(points)}<figcaption><ul class="trend-key">${key}</ul></figcaption></figure>`,
        css: TREND_CSS,
        markdown: ['| Date | Commit | Actions done | Overdue actions | Quick wins | Problems |', '| --- | --- | ---: | ---: | ---: | ---: |', ...rows].join('\n')
    };
}
