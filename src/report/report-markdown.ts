/**
 * The Markdown report (`adopt report --format md`): GitHub-flavoured Markdown with the same
 * sections as the HTML report, in tables, and Mermaid diagrams GitHub draws (a quadrantChart for
 * the matrix, a gantt for the dated stages).
 */
import type { OverviewStage, PlanOverview } from '../protocol/overview-protocol.js';
import { SCORE_PARTS } from '../language/score/quick-win-settings.js';
import { formatNumber, htmlSafe, plural } from './html-text.js';
import { MERMAID_POINTS, ganttChart, quadrantChart } from './mermaid-charts.js';
import { QUICK_WIN_MEANING, quadrantGroups, quickWinsByEffort } from './quick-win-matrix.js';
import {
    HURDLE_PLACES, SECTIONS, SEVERITY_HEADINGS, checkState, hasPlanName, hurdleStatus, initiativesText, involvementText, problemCount, problemsText, readableMessage, roleText, titlesByName, unitsVerdict, type SectionId
} from './overview-sections.js';
import { PART_NAMES, partsText, spokenDate, usedFileText } from './report-blocks.js';
import { statusLabel, summaryMarkdown } from './summary-section.js';
import type { ReportExtra } from './report-html.js';

/**
 * Text for Markdown, in a paragraph, a heading or a table cell: one line, with the characters
 * that would make inline markup, an entity or a cell boundary escaped, and a start that would
 * make a block (a list, a quote, a heading) escaped too.
 */
export function md(text: string): string {
    return htmlSafe(text).replace(/\r?\n|\r/g, ' ').replace(/([\\`*_[\]<>|~&])/g, '\\$1').replace(/^(\s*)([#+\-=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A path as inline code (a backtick or a line break in it left out, a '|' escaped for a table cell). */
function code(text: string): string {
    return `\`${text.replace(/[`\r\n]/g, '').replace(/\|/g, '\\|')}\``;
}

/** The mark of a declaration written in a used file: ` (from `shared/people.adopt`)`; nothing for the plan's own. */
function fromFile(file: string | null): string {
    return file === null ? '' : ` (from ${code(file)})`;
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(align.map(a => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** A score as a bar of ten blocks on the full scale. */
export function textBar(score: number, full: number): string {
    const filled = Math.max(0, Math.min(10, Math.round((score / (full > 0 ? full : 100)) * 10)));
    return '█'.repeat(filled) + '░'.repeat(10 - filled);
}

const heading = (id: SectionId) => `## ${SECTIONS.find(section => section.id === id)!.heading}`;

export function reportMarkdown(overview: PlanOverview, generator = 'Adopt', extras: readonly ReportExtra[] = []): string {
    const title = overview.plan.title || overview.plan.name || 'Plan';
    const reference = hasPlanName(overview) ? ` · plan \`${overview.plan.name.replace(/`/g, '')}\`` : '';
    const out: string[] = [`# ${md(title)}`, '', `*Adoption plan report · ${spokenDate(overview.date)}*${reference}`, ''];
    out.push([heading('summary'), '', summaryMarkdown(overview, md)].join('\n'), ...extras.map(extra => `## ${md(extra.heading)}\n\n${extra.markdown}\n`), planSection(overview), hurdlesSection(overview), matrixSection(overview), projectsSection(overview), stagesSection(overview),
        coalitionSection(overview), roadShowSection(overview), diagnosticsSection(overview));
    const weights = SCORE_PARTS.map(part => `${PART_NAMES[part]} ${formatNumber(overview.settings.weights[part])}`).join(', ');
    out.push('---', '', `*Made by ${md(generator)} from the plan${hasPlanName(overview) ? ` ${md(overview.plan.name)}` : ''} as of ${spokenDate(overview.date)}. Quick-win score: ${weights} (out of ${formatNumber(overview.fullScore)}); threshold ${formatNumber(overview.settings.threshold)}.*`, '');
    return out.join('\n');
}

function planSection(overview: PlanOverview): string {
    const c = overview.counts;
    const rows = [
        ['Members', `${c.members} (${plural(c.managers, 'manager', 'managers')}, ${c.trainedManagers} trained; ${c.trainedMembers} trained in all)`],
        ['Channels', String(c.channels)],
        ['Projects', `${c.projects} (${initiativesText(c.initiatives)})`],
        ['Quick wins', `${c.quickWins} (${[`threshold ${formatNumber(overview.settings.threshold)}`, quickWinsByEffort(overview.projects)].filter(Boolean).join('; ')})`],
        ['Stories', String(c.stories)],
        ['Actions done', `${c.actionsDone} of ${c.actions}${c.overdueActions > 0 ? ` (${c.overdueActions} overdue)` : ''}`],
        ['Stages', String(c.stages)],
        ['Problems', `${problemCount(c).toLocaleString('en')} (${problemsText(c)})`]
    ];
    const parts = [heading('plan'), '', table(['What', 'Count'], ['l', 'l'], rows), ''];
    if (overview.uses.length > 0) {
        parts.push(`**${overview.uses.length === 1 ? 'Shared file this plan uses' : 'Shared files this plan uses'}:**`, '',
            ...overview.uses.map(used => `- ${code(used.file)} ${md(used.title || used.name)}: ${md(usedFileText(used))}`), '');
    }
    if (c.errors > 0) parts.push(`> **The plan has ${plural(c.errors, 'error', 'errors')}:** scores and counts may be incomplete until fixed (see Diagnostics).`, '');
    return parts.join('\n');
}

function hurdlesSection(overview: PlanOverview): string {
    const out = [heading('hurdles'), ''];
    const titles = titlesByName(overview);
    for (const hurdle of overview.hurdles) {
        out.push(`### ${md(hurdle.title)}: ${hurdleStatus(hurdle).text}`, '', `*${md(hurdle.summary)}*`, '');
        for (const check of hurdle.checks) {
            const { kind, state } = checkState(check);
            const mark = { off: '➖', na: '⚪', yes: '✅', no: '❌' }[kind];
            out.push(`- ${mark} ${kind === 'na' ? `*${state}:* ` : ''}${md(check.text)} \`${check.code}\``);
            for (const d of check.diagnostics.slice(0, HURDLE_PLACES)) out.push(`  - ${md(readableMessage(d.message, titles))} *(line ${d.line})*`);
            if (check.diagnostics.length > HURDLE_PLACES) out.push(`  - and ${plural(check.diagnostics.length - HURDLE_PLACES, 'place', 'places')} more (see Diagnostics)`);
        }
        out.push('');
    }
    return out.join('\n');
}

/** Up to this many projects of a quadrant are named in the matrix's table; the rest are counted. */
const NAMED_PER_QUADRANT = 5;

function matrixSection(overview: PlanOverview): string {
    const out = [heading('matrix'), ''];
    if (overview.projects.length === 0) return [...out, 'The plan has no projects yet.', ''].join('\n');
    const threshold = overview.settings.threshold;
    const chart = quadrantChart(overview.projects, threshold, overview.fullScore);
    if (chart) {
        out.push('```mermaid', chart, '```', '');
        out.push(`Each point is a project, numbered by its rank (see Ranked projects); large green points are quick wins. The threshold (${formatNumber(threshold)}) runs across the middle.`, '');
    } else {
        const withEffort = overview.projects.filter(project => project.effort !== null).length;
        out.push(withEffort === 0
            ? '*No project states an effort (`effort low`, `medium` or `high`), so there is no chart: the table places each project by its score.*'
            : `*${withEffort.toLocaleString('en')} projects state an effort: more than a chart can show legibly (${MERMAID_POINTS}), so the table counts them.*`, '');
    }
    const rows = quadrantGroups(overview.projects, threshold).map(group => {
        const wins = group.projects.filter(project => project.quickWin).length;
        const named = group.projects.slice(0, NAMED_PER_QUADRANT).map(project => `#${project.rank} ${md(project.title || project.name)}${project.quickWin ? ' (quick win)' : ''}`);
        const rest = group.projects.length - named.length;
        return [
            `**${group.name}**`,
            md(group.meaning),
            group.projects.length.toLocaleString('en'),
            wins.toLocaleString('en'),
            named.length === 0 ? '' : named.join(', ') + (rest > 0 ? `, and ${rest.toLocaleString('en')} more` : '')
        ];
    });
    out.push(table(['Quadrant', 'Where', 'Projects', 'Quick wins', 'Best ranked'], ['l', 'l', 'r', 'r', 'l'], rows), '');
    out.push(`*A quick win is one thing throughout this report: ${md(QUICK_WIN_MEANING)}.*`, '');
    return out.join('\n');
}

function projectsSection(overview: PlanOverview): string {
    const out = [heading('projects'), ''];
    if (overview.projects.length === 0) return [...out, 'The plan has no projects yet.', ''].join('\n');
    out.push(`Score bars: ten blocks make ${formatNumber(overview.fullScore)}; the parts are ${SCORE_PARTS.map(part => PART_NAMES[part]).join(', ')}.`, '');
    out.push(table(['Rank', 'Project', 'Stage', 'Score', 'Parts', 'Quick win', 'Effort', 'What it lacks'], ['r', 'l', 'l', 'l', 'l', 'l', 'l', 'l'],
        overview.projects.map(project => [
            String(project.rank),
            `**${md(project.title || project.name)}** \`${project.name.replace(/`/g, '')}\``,
            md(project.stageTitle || project.stage),
            `${textBar(project.score, overview.fullScore)} ${formatNumber(project.score)}`,
            md(partsText(project.parts)),
            project.quickWin ? '**yes**' : 'no',
            project.effort ?? 'not stated',
            project.missing.length === 0 ? '' : md(project.missing.join('; '))
        ])), '');
    return out.join('\n');
}

function windowText(stage: OverviewStage): string {
    if (stage.from !== null && stage.to !== null) return `${spokenDate(stage.from)} – ${spokenDate(stage.to)}`;
    if (stage.from !== null) return `from ${spokenDate(stage.from)}`;
    if (stage.to !== null) return `until ${spokenDate(stage.to)}`;
    return 'no dates';
}

function stagesSection(overview: PlanOverview): string {
    const out = [heading('stages'), ''];
    if (overview.stages.length === 0) return [...out, 'The plan has no stages yet.', ''].join('\n');
    const gantt = ganttChart(overview.stages, overview.date);
    if (gantt) out.push('```mermaid', gantt, '```', '');
    for (const stage of overview.stages) {
        out.push(`### ${stage.position}. ${md(stage.title || stage.name)} \`${stage.name.replace(/`/g, '')}\``, '');
        const facts = [
            `**${statusLabel(stage.status)}**`,
            `**Window:** ${windowText(stage)}`,
            stage.initial ? 'initial stage' : '',
            stage.inCycle ? '**in an after cycle**' : '',
            stage.after ? `after ${md(overview.stages.find(other => other.name === stage.after)?.title || stage.after)}` : '',
            `${plural(stage.projects, 'project', 'projects')} (${plural(stage.quickWins, 'quick win', 'quick wins')})`,
            plural(stage.stories, 'story', 'stories'),
            stage.launches.length > 0 ? `launches ${md(stage.launches.map(channel => channel.title || channel.name).join(', '))}` : ''
        ].filter(Boolean);
        out.push(facts.join(' · '), '');
        if (stage.mantra !== null) out.push(`> ${md(stage.mantra)}`, '');
        const metricRows = [
            ...stage.goals.flatMap(goal => goal.metrics.length === 0
                ? [[md(goal.title || goal.name), 'no metric', '']]
                : goal.metrics.map((metric, index) => [index === 0 ? md(goal.title || goal.name) : '', md(metric.title || metric.name), progressText(metric)])),
            ...stage.projectMetrics.flatMap(project => project.metrics.map((metric, index) =>
                [index === 0 ? `project ${md(project.title || project.name)}` : '', md(metric.title || metric.name), progressText(metric)]))
        ];
        if (metricRows.length > 0) out.push(table(['Goal or project', 'Metric', 'Progress'], ['l', 'l', 'l'], metricRows), '');
        if (stage.actions.length > 0) {
            out.push(table(['Action', 'Owner', 'Due', 'Status'], ['l', 'l', 'l', 'l'], stage.actions.map(action => [
                `${md(action.title || action.name)}${action.project ? ` (project ${md(action.project)})` : ''}`,
                action.owner ? md(action.owner.title || action.owner.name) : '*no owner*',
                action.due ? spokenDate(action.due) : '*no date*',
                `${action.status === 'todo' ? 'to do' : action.status}${action.overdue ? ' **overdue**' : ''}`
            ])), '');
        }
    }
    return out.join('\n');
}

function progressText(metric: { target: string | null; actual: string | null; progress: number | null }): string {
    if (metric.progress !== null) return `${md(`${metric.actual} of ${metric.target}`)}, ${Math.round(metric.progress * 100)}% ${textBar(Math.min(1, metric.progress), 1)}`;
    if (metric.target === null) return metric.actual === null ? 'no target' : `${md(metric.actual)}, no target`;
    return metric.actual === null ? `target ${md(metric.target)}, not measured yet` : `${md(metric.actual)} of ${md(metric.target)}`;
}

function coalitionSection(overview: PlanOverview): string {
    const out = [heading('coalition'), ''];
    const members = overview.coalition.members;
    if (members.length === 0) return [...out, 'The plan has no coalition yet: build the coalition of the willing first.', ''].join('\n');
    const titles = new Map(overview.projects.map(project => [project.name, project.title || project.name]));
    const sorted = [...members].sort((a, b) => (a.unit ?? '\uffff').localeCompare(b.unit ?? '\uffff'));
    out.push(table(['Unit', 'Member', 'Role', 'Trained', 'Projects involving them'], ['l', 'l', 'l', 'l', 'l'], sorted.map(member => [
        member.unit === null ? '*no unit*' : md(member.unit),
        md(member.title || member.name) + fromFile(member.file),
        roleText(member.role),
        member.trained ? 'trained' : 'not trained',
        md(involvementText(member.projects.map(name => titles.get(name) ?? name)))
    ])), '');
    const units = unitsVerdict(overview);
    out.push(units.kind === 'missing' ? `**${md(units.text)}**` : units.kind === 'na' ? `*${md(units.text)}*` : md(units.text), '');
    return out.join('\n');
}

function roadShowSection(overview: PlanOverview): string {
    const out = [heading('road-show'), ''];
    const { stories, naysayers, untoldQuickWins } = overview.roadShow;
    if (stories.length === 0) {
        out.push('No stories yet: turn the quick wins into success stories for the internal road show.', '');
    } else {
        out.push(table(['Story', 'Stage', 'From the project', 'Score', 'Quick win', 'Audience'], ['l', 'l', 'l', 'r', 'l', 'l'], stories.map(story => [
            md(story.title || story.name),
            md(story.stageTitle || story.stage),
            story.project ? md(story.project.title || story.project.name) : '*not found*',
            story.project ? formatNumber(story.project.score) : '',
            story.project?.quickWin ? '**yes**' : 'no',
            story.audience.length > 0 ? md(story.audience.map(member => `${member.title || member.name}${member.role === 'naysayer' ? ' (naysayer)' : ''}`).join(', ')) : '*no audience*'
        ])), '');
    }
    if (naysayers.length === 0) {
        out.push('The coalition names no naysayers.', '');
    } else {
        const reached = naysayers.filter(n => n.reached).map(n => `${md(n.title || n.name)}${fromFile(n.file)} (by ${md(n.stories.join(', '))})`);
        const unreached = naysayers.filter(n => !n.reached).map(n => md(n.title || n.name) + fromFile(n.file));
        out.push(`- **Naysayers reached (${reached.length}):** ${reached.join(', ') || 'none yet'}`, `- **Naysayers not reached (${unreached.length}):** ${unreached.join(', ') || 'none'}`, '');
    }
    if (untoldQuickWins.length > 0) out.push(`**Quick wins without a story:** ${md(untoldQuickWins.map(p => p.title || p.name).join(', '))}.`, '');
    return out.join('\n');
}

function diagnosticsSection(overview: PlanOverview): string {
    const out = [heading('diagnostics'), ''];
    if (overview.diagnostics.length === 0) return [...out, 'No diagnostics: the plan walks into none of the hurdles Adopt knows.', ''].join('\n');
    for (const { severity, heading: title } of SEVERITY_HEADINGS) {
        const list = overview.diagnostics.filter(d => d.severity === severity);
        if (list.length === 0) continue;
        out.push(`### ${title} (${list.length.toLocaleString('en')})`, '', table(['Line', 'Code', 'Message'], ['r', 'l', 'l'], list.map(d => [String(d.line), `\`${d.code}\``, md(d.message)])), '');
    }
    return out.join('\n');
}
