/**
 * The board edition of the report (`adopt report --edition board`, docs/command-line.md#adopt-report):
 * what a board reads in a few minutes, on at most two A4 pages whatever the plan's size. The
 * summary (status, sentence, decisions needed, a few of each), the two hurdles in a line each,
 * the top five quick wins, the overdue and blocked actions grouped by owner, and the changes since
 * a baseline when one is given. As HTML and as Markdown.
 */
import type { OverviewAction, OverviewProject, PlanOverview } from '../protocol/overview-protocol.js';
import { escape, formatNumber, plural } from './html-text.js';
import { hurdleStatus, sectionElement } from './overview-sections.js';
import { effortText, spokenDate } from './report-blocks.js';
import { extrasCss, madeByText, reportPage, type ReportExtra } from './report-html.js';
import { statusBadge, statusLabel, summaryHtml, summaryMarkdown } from './summary-section.js';

/** Entries of each group of decisions the board edition shows; the full report lists them all. */
export const BOARD_DECISIONS = 3;
/** Quick wins the board edition shows. */
export const BOARD_QUICK_WINS = 5;
/** Owners the board edition shows, the most pressed first; and actions named for each. */
export const BOARD_OWNERS = 10;
export const BOARD_ACTIONS_PER_OWNER = 2;

/** The overdue and blocked actions of one owner (or of nobody), the oldest due first. */
export interface OwnerLoad {
    readonly owner: string;
    readonly blocked: number;
    readonly overdue: number;
    readonly actions: readonly OverviewAction[];
}

/** Blocked and overdue actions grouped by owner: owners with the most first, then by name; actions without an owner as "No owner", last. */
export function actionsByOwner(overview: PlanOverview): OwnerLoad[] {
    const groups = new Map<string, OverviewAction[]>();
    for (const stage of overview.stages) {
        for (const action of stage.actions) {
            if (action.status !== 'blocked' && !action.overdue) continue;
            const owner = action.owner ? action.owner.title || action.owner.name : '';
            const list = groups.get(owner);
            if (list) list.push(action);
            else groups.set(owner, [action]);
        }
    }
    const loads = [...groups].map(([owner, actions]): OwnerLoad => ({
        owner,
        blocked: actions.filter(action => action.status === 'blocked').length,
        overdue: actions.filter(action => action.status !== 'blocked').length,
        actions: [...actions].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
    }));
    return loads.sort((a, b) => Number(a.owner === '') - Number(b.owner === '') || b.actions.length - a.actions.length || a.owner.localeCompare(b.owner));
}

function topQuickWins(overview: PlanOverview): OverviewProject[] {
    return overview.projects.filter(project => project.quickWin).slice(0, BOARD_QUICK_WINS);
}

/** The checks of a hurdle that do not hold, as one sentence each. */
function openChecks(checks: PlanOverview['hurdles'][number]['checks']): string {
    return checks.filter(check => !check.holds).map(check => /[.!?]$/.test(check.text) ? check.text : `${check.text}.`).join(' ');
}

function actionWords(action: OverviewAction): string {
    return `${action.title || action.name}${action.status === 'blocked' ? ' (blocked)' : ''}${action.due ? `, due ${spokenDate(action.due)}` : ''}`;
}

const SECTIONS = [
    { id: 'summary', heading: 'Summary' },
    { id: 'hurdles', heading: 'The two hurdles' },
    { id: 'quick-wins', heading: 'Top quick wins' },
    { id: 'owners', heading: 'Overdue and blocked actions by owner' }
] as const;

/** A compact page: the board edition fits two A4 pages. */
const BOARD_CSS = `
.board h2 { margin-top: 14px; }
.board .hurdle-line { margin: 4px 0; }
.board .hurdle-line .muted { display: block; font-size: 0.9em; }
.board table { font-size: 0.92em; }
.board td, .board th { padding: 3px 6px; }
.board .c-rank { width: 4.4em; } .board .c-num { width: 5.6em; } .board .c-stage { width: 22%; } .board .c-effort { width: 6.6em; } .board .c-status { width: 7.4em; }
.board .c-owner { width: 20%; }
@media print {
  .board body, .board { font-size: 9pt; }
  .board h2 { margin-top: 10px; }
  .board .decisions { grid-template-columns: 1fr 1fr; }
}
`;

export function boardHtml(overview: PlanOverview, generator = 'Adopt', extras: readonly ReportExtra[] = []): string {
    const options = { interactive: false, limit: BOARD_DECISIONS } as const;
    const hurdles = overview.hurdles.map(hurdle => {
        const { text, kind } = hurdleStatus(hurdle);
        const open = openChecks(hurdle.checks);
        return `<p class="hurdle-line"><strong>${escape(hurdle.title)}</strong> <span class="badge ${kind === 'none' ? 'small' : kind}">${escape(text)}</span>` +
            (open ? `<span class="muted">${escape(open)}</span>` : '') + '</p>';
    }).join('\n');
    const wins = topQuickWins(overview);
    const winsHtml = wins.length === 0
        ? '<p class="muted">No quick wins yet.</p>'
        : `<div class="table-wrap"><table class="board-wins"><colgroup><col class="c-rank"><col><col class="c-stage"><col class="c-num"><col class="c-effort"><col class="c-status"></colgroup><thead><tr><th class="num">Rank</th><th>Project</th><th>Stage</th><th class="num">Score</th><th>Effort</th><th>Status</th></tr></thead><tbody>` +
            wins.map(project => `<tr><td class="num">${project.rank}</td><td>${escape(project.title || project.name)}</td><td>${escape(project.stageTitle || project.stage)}</td>` +
                `<td class="num">${escape(formatNumber(project.score))}</td><td>${effortText(project.effort)}</td><td>${statusBadge(project.status)}</td></tr>`).join('') +
            `</tbody></table></div>${overview.counts.quickWins > wins.length ? `<p class="more muted">${escape(`and ${plural(overview.counts.quickWins - wins.length, 'more quick win', 'more quick wins')} in the full report`)}</p>` : ''}`;
    const loads = actionsByOwner(overview);
    const shownLoads = loads.slice(0, BOARD_OWNERS);
    const hiddenLoads = loads.slice(BOARD_OWNERS);
    const ownersHtml = loads.length === 0
        ? '<p class="muted">No action is overdue or blocked.</p>'
        : `<div class="table-wrap"><table class="board-owners"><colgroup><col class="c-owner"><col class="c-num"><col class="c-num"><col></colgroup><thead><tr><th>Owner</th><th class="num">Blocked</th><th class="num">Overdue</th><th>Actions, the oldest due first</th></tr></thead><tbody>` +
            shownLoads.map(load => {
                const named = load.actions.slice(0, BOARD_ACTIONS_PER_OWNER).map(actionWords);
                const more = load.actions.length - named.length;
                return `<tr><td>${escape(load.owner || 'No owner')}</td><td class="num">${load.blocked}</td><td class="num">${load.overdue}</td>` +
                    `<td>${escape(named.join('; '))}${more > 0 ? ` <span class="muted">${escape(`and ${more.toLocaleString('en')} more`)}</span>` : ''}</td></tr>`;
            }).join('') + `</tbody></table></div>` +
            (hiddenLoads.length > 0 ? `<p class="more muted">${escape(`and ${plural(hiddenLoads.length, 'more owner', 'more owners')} with ${plural(hiddenLoads.reduce((n, load) => n + load.actions.length, 0), 'action', 'actions')} in the full report`)}</p>` : '');
    const main = [
        sectionElement('summary', 'Summary', summaryHtml(overview, options)),
        ...extras.map(extra => sectionElement(extra.id, extra.heading, extra.html)),
        sectionElement('hurdles', 'The two hurdles', hurdles),
        sectionElement('quick-wins', 'Top quick wins', winsHtml),
        sectionElement('owners', 'Overdue and blocked actions by owner', ownersHtml)
    ].join('\n');
    return reportPage(overview, {
        edition: 'board summary',
        toc: [SECTIONS[0], ...extras, ...SECTIONS.slice(1)],
        main: `<div class="board">${main}</div>`,
        css: BOARD_CSS + extrasCss(extras),
        footer: madeByText(overview, generator)
    }, generator);
}

export function boardMarkdown(overview: PlanOverview, md: (text: string) => string, generator = 'Adopt', extras: readonly ReportExtra[] = []): string {
    const out = [`# ${md(overview.plan.title || overview.plan.name || 'Plan')}`, '', `*Adoption board summary · ${spokenDate(overview.date)}*`, '', '## Summary', '', summaryMarkdown(overview, md, BOARD_DECISIONS)];
    for (const extra of extras) out.push(`## ${extra.heading}`, '', extra.markdown, '');
    out.push('## The two hurdles', '');
    for (const hurdle of overview.hurdles) {
        const open = openChecks(hurdle.checks);
        out.push(`- **${md(hurdle.title)}**: ${hurdleStatus(hurdle).text}${open ? ` — ${md(open)}` : ''}`);
    }
    out.push('', '## Top quick wins', '');
    const wins = topQuickWins(overview);
    if (wins.length === 0) out.push('No quick wins yet.');
    else {
        out.push('| Rank | Project | Stage | Score | Effort | Status |', '| ---: | --- | --- | ---: | --- | --- |');
        for (const project of wins) {
            out.push(`| ${project.rank} | ${md(project.title || project.name)} | ${md(project.stageTitle || project.stage)} | ${formatNumber(project.score)} | ${project.effort ?? 'not stated'} | ${statusLabel(project.status)} |`);
        }
    }
    out.push('', '## Overdue and blocked actions by owner', '');
    const loads = actionsByOwner(overview);
    if (loads.length === 0) out.push('No action is overdue or blocked.');
    else {
        out.push('| Owner | Blocked | Overdue | Actions, the oldest due first |', '| --- | ---: | ---: | --- |');
        for (const load of loads.slice(0, BOARD_OWNERS)) {
            const named = load.actions.slice(0, BOARD_ACTIONS_PER_OWNER).map(actionWords);
            const more = load.actions.length - named.length;
            out.push(`| ${md(load.owner || 'No owner')} | ${load.blocked} | ${load.overdue} | ${md(named.join('; '))}${more > 0 ? ` and ${more.toLocaleString('en')} more` : ''} |`);
        }
        const hidden = loads.slice(BOARD_OWNERS);
        if (hidden.length > 0) out.push('', `and ${plural(hidden.length, 'more owner', 'more owners')} in the full report`);
    }
    out.push('', '---', '', `*${md(madeByText(overview, generator))}*`, '');
    return out.join('\n');
}
