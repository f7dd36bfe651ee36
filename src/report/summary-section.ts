/**
 * The summary the overview and the report open with: the plan's status as a badge, the sentence
 * that sums it up, and the decisions needed (docs/command-line.md#adopt-report). As HTML (the
 * report and the editor's overview) and as Markdown.
 */
import type { DecisionAction, PlanOverview, PlanSummary } from '../protocol/overview-protocol.js';
import { escape, plural } from './html-text.js';
import { revealable, spokenDate, type RenderOptions } from './report-blocks.js';

/** A status for people, starting with a capital: `At risk`, `Not started`. */
export function statusLabel(status: string): string {
    const words = status.replace('-', ' ');
    return `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}`;
}

/** A status as a badge; `large` for the plan's. */
export function statusBadge(status: string, large = false): string {
    return `<span class="badge status-badge status-${escape(status)}${large ? ' plan-status' : ''}">${escape(statusLabel(status))}</span>`;
}

/** The groups of decisions, in order: a heading and the entries. */
interface DecisionGroup {
    readonly heading: string;
    readonly entries: ReadonlyArray<{ readonly text: string; readonly line: number; readonly details: string }>;
}

function actionDetails(action: DecisionAction, owner: boolean): string {
    return [
        owner ? (action.owner ? `owner ${action.owner.title || action.owner.name}` : 'no owner') : '',
        action.due ? `due ${spokenDate(action.due)}` : '',
        action.project !== null ? `project ${action.project}` : `stage ${action.stage}`
    ].filter(Boolean).join(' · ');
}

function decisionGroups(summary: PlanSummary): DecisionGroup[] {
    const { blocked, overdue, unowned, unlaunchedChannels } = summary.decisions;
    const actions = (list: readonly DecisionAction[], owner: boolean) =>
        list.map(action => ({ text: action.title || action.name, line: action.line, details: actionDetails(action, owner) }));
    return [
        { heading: 'Blocked actions', entries: actions(blocked, true) },
        { heading: 'Overdue actions', entries: actions(overdue, true) },
        { heading: 'Open actions without an owner', entries: actions(unowned, false) },
        {
            heading: 'Channels a quick win uses that no stage launches',
            entries: unlaunchedChannels.map(channel => ({ text: channel.title || channel.name, line: channel.line, details: `used by ${channel.quickWins.join(', ')}` }))
        }
    ].filter(group => group.entries.length > 0);
}

const NOTHING_TO_DECIDE = 'Nothing to decide: no action is blocked or overdue, every open action has an owner, and every channel a quick win uses is launched.';

/** The summary as HTML: badge, sentence, decisions needed (`limit` entries a group at most). */
export function summaryHtml(overview: PlanOverview, options: RenderOptions & { readonly limit?: number }): string {
    const summary = overview.summary;
    const groups = decisionGroups(summary);
    const parts = [
        `<div class="summary-head">${statusBadge(summary.status, true)}<p class="summary-sentence">${escape(summary.sentence)}</p></div>`,
        '<h3 id="decisions-heading">Decisions needed</h3>'
    ];
    if (groups.length === 0) parts.push(`<p class="muted">${escape(NOTHING_TO_DECIDE)}</p>`);
    else {
        parts.push('<div class="decisions">' + groups.map(group => {
            const shown = options.limit === undefined ? group.entries : group.entries.slice(0, options.limit);
            const hidden = group.entries.length - shown.length;
            return `<div class="decision-group"><h4>${escape(group.heading)} <span class="muted">${group.entries.length.toLocaleString('en')}</span></h4><ul class="plain">` +
                shown.map(entry => `<li>${revealable(entry.text, entry.line, options, `${entry.text}, line ${entry.line}`)} <span class="sub">${escape(entry.details)}</span></li>`).join('') +
                `</ul>${hidden > 0 ? `<p class="more muted">${escape(`and ${plural(hidden, 'more', 'more')} in the report`)}</p>` : ''}</div>`;
        }).join('') + '</div>');
    }
    return parts.join('\n');
}

/** The summary as Markdown (`md` escapes text for it; `limit` entries a group at most). */
export function summaryMarkdown(overview: PlanOverview, md: (text: string) => string, limit?: number): string {
    const summary = overview.summary;
    const mark = { done: '✅', 'on-track': '🟢', 'at-risk': '🟠', late: '🔴' }[summary.status];
    const out = [`**${mark} ${statusLabel(summary.status)}** — ${md(summary.sentence)}`, '', '### Decisions needed', ''];
    const groups = decisionGroups(summary);
    if (groups.length === 0) out.push(md(NOTHING_TO_DECIDE), '');
    for (const group of groups) {
        out.push(`**${md(group.heading)}** (${group.entries.length.toLocaleString('en')})`, '');
        const shown = limit === undefined ? group.entries : group.entries.slice(0, limit);
        for (const entry of shown) out.push(`- ${md(entry.text)} — ${md(entry.details)} *(line ${entry.line})*`);
        if (shown.length < group.entries.length) out.push(`- and ${plural(group.entries.length - shown.length, 'more', 'more')} in the full report`);
        out.push('');
    }
    return out.join('\n');
}
