/**
 * The sections of the overview (docs/command-line.md#adopt-report) as HTML, in order, from the one overview
 * shape: the HTML report wraps them in a printable page (report-html.ts), the editor's Plan
 * Overview in its webview (src/extension/overview-panel.ts). Everything from the plan is escaped.
 */
import type { Hurdle, HurdleCheck, OverviewProject, OverviewStage, PlanOverview } from '../protocol/overview-protocol.js';
import type { RankDiagnostic } from '../protocol/rank-protocol.js';
import { escape, formatNumber, plural } from './html-text.js';
import { NUMBERED_POINTS, QUADRANTS, QUICK_WIN_MEANING, layoutMatrix, matrixSvg, quickWinsByEffort } from './quick-win-matrix.js';
import {
    actionStatus, effortText, fileMark, missingList, partsLegend, partsText, progress, quickWinBadge, revealable, scoreBar, spokenDate, usedFileText,
    type RenderOptions, type ScoreScale
} from './report-blocks.js';
import { stageTimelineSvg, timelineKey } from './stage-timeline.js';
import { statusBadge, summaryHtml } from './summary-section.js';

/** The sections, in order: their ids and headings (the Markdown report uses the same headings). */
export const SECTIONS = [
    { id: 'summary', heading: 'Summary' },
    { id: 'plan', heading: 'The plan' },
    { id: 'hurdles', heading: 'The two hurdles' },
    { id: 'matrix', heading: 'Quick-wins matrix' },
    { id: 'projects', heading: 'Ranked projects' },
    { id: 'stages', heading: 'Stages' },
    { id: 'coalition', heading: 'Coalition' },
    { id: 'road-show', heading: 'Road show' },
    { id: 'diagnostics', heading: 'Diagnostics' }
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export interface SectionOptions extends RenderOptions {
    /** At most this many entries of a long list (the rest counted, not shown); every entry when undefined. */
    readonly limit?: number;
    /** The page of ranked projects shown (0-based), `pageSize` projects a page; undefined: the top `limit` only. */
    readonly projectPage?: number;
    /** Projects on a page (default: `limit`). */
    readonly pageSize?: number;
    /** The width of the drawings (the matrix and the timeline), for a page narrower than the report's (their texts keep their size). */
    readonly matrixWidth?: number;
}

export const SEVERITY_HEADINGS: ReadonlyArray<{ readonly severity: RankDiagnostic['severity']; readonly heading: string }> = [
    { severity: 'error', heading: 'Errors' },
    { severity: 'warning', heading: 'Warnings' },
    { severity: 'information', heading: 'Information' },
    { severity: 'hint', heading: 'Hints' }
];

/** Every diagnostic the report lists, counted. */
export function problemCount(counts: PlanOverview['counts']): number {
    return counts.errors + counts.warnings + counts.information + counts.hints;
}

/** The diagnostics by severity, as the Diagnostics section lists them: `1 error, 8 warnings, 5 for information, 1 hint`. */
export function problemsText(counts: PlanOverview['counts']): string {
    return [
        plural(counts.errors, 'error', 'errors'),
        plural(counts.warnings, 'warning', 'warnings'),
        counts.information > 0 ? `${counts.information.toLocaleString('en')} for information` : '',
        counts.hints > 0 ? plural(counts.hints, 'hint', 'hints') : ''
    ].filter(Boolean).join(', ');
}

/** The initiatives a plan names, said of the plan (not of its projects): `the plan names 2 initiatives to support`. */
export function initiativesText(initiatives: number): string {
    return initiatives === 0 ? 'the plan names no initiative to support' : `the plan names ${plural(initiatives, 'initiative', 'initiatives')} to support`;
}

/** The plan's name as a reference, or nothing while the plan has none (an empty file). */
export function hasPlanName(overview: PlanOverview): boolean {
    return overview.plan.name.trim() !== '';
}

/**
 * Whether every unit takes part in a project: the units that do not, or why there is nothing to
 * judge (no member names a unit, the plan has no projects yet).
 */
export function unitsVerdict(overview: PlanOverview): { readonly kind: 'missing' | 'all' | 'na'; readonly text: string } {
    const without = overview.coalition.unitsWithoutProjects;
    if (overview.coalition.units.length === 0) return { kind: 'na', text: 'Not applicable: no member of the coalition names a unit.' };
    if (overview.projects.length === 0) return { kind: 'na', text: 'Not applicable: the plan has no projects yet for the units to take part in.' };
    return without.length > 0
        ? { kind: 'missing', text: `Units that no project involves: ${without.join(', ')}.` }
        : { kind: 'all', text: 'Every unit of the coalition takes part in a project.' };
}

/** The projects involving a member: `2 projects: A, B`, or `none`. */
export function involvementText(titles: readonly string[]): string {
    return titles.length === 0 ? 'none' : `${plural(titles.length, 'project', 'projects')}: ${titles.join(', ')}`;
}

/** How many of a hurdle check's places the hurdles section lists (the Diagnostics section lists every one). */
export const HURDLE_PLACES = 3;

const ROLE_WORDS: Readonly<Record<string, string>> = {
    executive: 'executive', 'middle-manager': 'middle manager', 'operational-manager': 'operational manager',
    'early-adopter': 'early adopter', staff: 'staff', naysayer: 'naysayer'
};

export function roleText(role: string | null): string {
    return role === null ? 'no role' : ROLE_WORDS[role] ?? role;
}

/**
 * A section that the command adds to a report after its summary, and the editor's overview after its own (the changes since a baseline,
 * the trend over the last commits): its id, heading and body in HTML and in Markdown.
 */
export interface ReportExtra {
    readonly id: string;
    readonly heading: string;
    readonly html: string;
    readonly markdown: string;
    /** Style the section needs in HTML. */
    readonly css?: string;
}

/** Every section, in order, the extra sections (`extras`) after the summary. */
export function overviewSections(overview: PlanOverview, options: SectionOptions, extras: readonly ReportExtra[] = []): string {
    const [summary, ...rest] = SECTIONS;
    return [
        sectionHtml(overview, summary.id, options),
        ...extras.map(extra => sectionElement(extra.id, extra.heading, extra.html)),
        ...rest.map(section => sectionHtml(overview, section.id, options))
    ].join('\n');
}

/** One section, with its heading. */
export function sectionHtml(overview: PlanOverview, id: SectionId, options: SectionOptions): string {
    const heading = SECTIONS.find(section => section.id === id)!.heading;
    return sectionElement(id, heading, SECTION_BODIES[id](overview, options));
}

/** A section of a page: its heading and its body (markup). */
export function sectionElement(id: string, heading: string, body: string): string {
    return `<section id="${id}" class="section section-${id}" aria-labelledby="${id}-heading">\n<h2 id="${id}-heading">${escape(heading)}</h2>\n${body}\n</section>`;
}

const SECTION_BODIES: Readonly<Record<SectionId, (overview: PlanOverview, options: SectionOptions) => string>> = {
    summary: summaryHtml,
    plan: planSection,
    hurdles: hurdlesSection,
    matrix: matrixSection,
    projects: projectsSection,
    stages: stagesSection,
    coalition: coalitionSection,
    'road-show': roadShowSection,
    diagnostics: diagnosticsSection
};

const scaleOf = (overview: PlanOverview): ScoreScale => ({ fullScore: overview.fullScore, threshold: overview.settings.threshold });

function limited<T>(items: readonly T[], options: SectionOptions): { shown: readonly T[]; hidden: number } {
    if (options.limit === undefined || items.length <= options.limit) return { shown: items, hidden: 0 };
    return { shown: items.slice(0, options.limit), hidden: items.length - options.limit };
}

/** `and 12 more warnings in the Problems panel`. */
function moreNote(hidden: number, what: string, where: string): string {
    return hidden > 0 ? `<p class="more muted">${escape(`and ${hidden.toLocaleString('en')} more ${hidden === 1 ? what : `${what}s`} ${where}`)}</p>` : '';
}

function planSection(overview: PlanOverview, options: SectionOptions): string {
    const c = overview.counts;
    const card = (value: string, label: string, detail = '', kind = '') =>
        `<div class="count${kind ? ` ${kind}` : ''}"><dt>${escape(label)}</dt><dd><span class="value">${escape(value)}</span>${detail ? `<span class="detail">${escape(detail)}</span>` : ''}</dd></div>`;
    const cards = [
        card(String(c.members), 'Members', `${c.managers} ${c.managers === 1 ? 'manager' : 'managers'}, ${c.trainedManagers} trained; ${c.trainedMembers} trained in all`),
        card(String(c.channels), 'Channels'),
        card(String(c.projects), 'Projects', initiativesText(c.initiatives)),
        card(String(c.quickWins), 'Quick wins', [`threshold ${formatNumber(overview.settings.threshold)}`, quickWinsByEffort(overview.projects)].filter(Boolean).join('; '), c.quickWins > 0 ? 'good' : ''),
        card(String(c.stories), 'Stories', 'for the road show'),
        card(`${c.actionsDone} of ${c.actions}`, 'Actions done', c.overdueActions > 0 ? `${c.overdueActions} overdue` : '', c.overdueActions > 0 ? 'bad' : ''),
        card(problemCount(c).toLocaleString('en'), 'Problems', problemsText(c), c.errors > 0 ? 'bad' : '')
    ];
    const name = revealable(overview.plan.name, overview.plan.line, options, `Plan ${overview.plan.name}, line ${overview.plan.line}`);
    return `<p class="plan-meta">${hasPlanName(overview) ? `Plan <code>${name}</code> · ` : ''}${plural(c.stages, 'stage', 'stages')} · as of <time datetime="${escape(overview.date)}">${escape(spokenDate(overview.date))}</time></p>\n` +
        `<dl class="counts">${cards.join('')}</dl>` + usedFilesList(overview) +
        (c.errors > 0 ? `<p class="callout bad">${escape(`The plan has ${plural(c.errors, 'error', 'errors')}: scores and counts may be incomplete until ${c.errors === 1 ? 'it is' : 'they are'} fixed (see Diagnostics).`)}</p>` : '');
}

/** The shared files the plan uses, each with what it brings in (members, channels and initiatives counted above). */
function usedFilesList(overview: PlanOverview): string {
    if (overview.uses.length === 0) return '';
    return `<div class="used-files"><h3>${escape(overview.uses.length === 1 ? 'Shared file this plan uses' : 'Shared files this plan uses')}</h3><ul class="plain">` +
        overview.uses.map(used => `<li>${fileMark(used.file)} ${escape(used.title || used.name)}<span class="sub">${escape(usedFileText(used))}</span></li>`).join('') +
        '</ul></div>';
}

/** A member's name: in the plan, revealable at its line; from a used file, its text and the file's mark. */
function memberName(member: { name: string; title: string; line: number; file: string | null }, what: string, options: SectionOptions): string {
    const text = member.title || member.name;
    return member.file === null ? revealable(text, member.line, options, `${what} ${text}, line ${member.line}`) : escape(text);
}

/** How a hurdle check reads: its mark, its state in words (for screen readers and the Markdown), and its kind. */
export function checkState(check: HurdleCheck): { readonly kind: 'off' | 'na' | 'yes' | 'no'; readonly state: string } {
    if (check.off) return { kind: 'off', state: 'Not checked' };
    if (!check.applicable) return { kind: 'na', state: 'Not applicable' };
    return check.holds ? { kind: 'yes', state: 'Holds' } : { kind: 'no', state: 'Does not hold' };
}

/** A hurdle's status: cleared, its open issues, or nothing to judge yet. */
export function hurdleStatus(hurdle: Hurdle): { readonly text: string; readonly kind: 'win' | 'bad' | 'none' } {
    const open = hurdle.checks.filter(check => !check.holds).length;
    if (open > 0) return { text: plural(open, 'issue', 'issues'), kind: 'bad' };
    return hurdle.cleared ? { text: 'cleared', kind: 'win' } : { text: 'nothing to judge yet', kind: 'none' };
}

/**
 * The titles of the plan's declarations by name, for messages read by leadership: a name that
 * stands for one title only (names of different kinds may meet).
 */
export function titlesByName(overview: PlanOverview): ReadonlyMap<string, string> {
    const found = new Map<string, string | null>();
    const add = (name: string, title: string) => {
        if (!name || !title) return;
        const known = found.get(name);
        found.set(name, known === undefined || known === title ? title : null);
    };
    for (const project of overview.projects) add(project.name, project.title);
    for (const member of overview.coalition.members) add(member.name, member.title);
    for (const stage of overview.stages) {
        add(stage.name, stage.title);
        for (const channel of stage.launches) add(channel.name, channel.title);
        for (const goal of stage.goals) add(goal.name, goal.title);
    }
    for (const story of overview.roadShow.stories) add(story.name, story.title);
    return new Map([...found].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** A diagnostic's message with each quoted name ('openDayLive') given as its title (“Open day live”). */
export function readableMessage(message: string, titles: ReadonlyMap<string, string>): string {
    return message.replace(/'([A-Za-z_][\w-]*)'/g, (quoted, name: string) => {
        const title = titles.get(name);
        return title === undefined ? quoted : `“${title}”`;
    });
}

function hurdlesSection(overview: PlanOverview, options: SectionOptions): string {
    const titles = titlesByName(overview);
    return `<div class="hurdles">${overview.hurdles.map(hurdle => {
        const { text: statusText, kind } = hurdleStatus(hurdle);
        const status = `<span class="badge ${kind === 'none' ? 'small' : kind}">${escape(statusText)}</span>`;
        const checks = hurdle.checks.map(check => {
            const { kind, state } = checkState(check);
            const mark = `<span class="mark ${kind === 'na' ? 'off na' : kind}" aria-hidden="true">${{ off: '–', na: '○', yes: '✓', no: '✗' }[kind]}</span>`;
            // A few places each, the message first and its line as a reference; the Diagnostics section lists them all.
            const { shown, hidden } = limited(check.diagnostics, { ...options, limit: HURDLE_PLACES });
            const diagnostics = shown.length > 0
                ? `<ul class="check-diagnostics">${shown.map(d => `<li>${escape(readableMessage(d.message, titles))} <span class="muted">(${revealable(`line ${d.line}`, d.line, options, `Line ${d.line}: ${d.message}`)})</span></li>`).join('')}</ul>${moreNote(hidden, 'place', 'in Diagnostics')}`
                : '';
            // Not applicable is said in words on screen; the other states by their mark, and in words to a screen reader.
            const said = kind === 'na' ? '' : `<span class="visually-hidden">${state}: </span>`;
            const prefix = kind === 'na' ? `<span class="muted">${state}: </span>` : '';
            return `<li class="check ${check.holds ? 'holds' : 'fails'}${kind === 'na' ? ' not-applicable' : ''}">${mark}${said}<span class="check-text">${prefix}${escape(check.text)}</span> <code class="code">${escape(check.code)}</code>${diagnostics}</li>`;
        }).join('');
        return `<article class="card hurdle hurdle-${hurdle.id}" aria-labelledby="hurdle-${hurdle.id}"><h3 id="hurdle-${hurdle.id}">${escape(hurdle.title)} ${status}</h3>` +
            `<p class="muted">${escape(hurdle.summary)}</p><ul class="checks">${checks}</ul></article>`;
    }).join('')}</div>`;
}

function matrixSection(overview: PlanOverview, options: SectionOptions): string {
    if (overview.projects.length === 0) return '<p class="muted">The plan has no projects yet.</p>';
    const input = { projects: overview.projects, threshold: overview.settings.threshold, fullScore: overview.fullScore };
    const layout = layoutMatrix(input, options.matrixWidth);
    const legend = QUADRANTS.map(quadrant => `<li><span class="swatch-box q-${quadrant.id}" aria-hidden="true"></span><strong>${escape(quadrant.name)}</strong>: ${escape(quadrant.meaning)}</li>`).join('');
    const labelled = new Set(layout.labels.map(label => label.project));
    let key: string;
    if (overview.projects.length <= NUMBERED_POINTS) {
        const rest = overview.projects.filter(project => !labelled.has(project));
        key = rest.length === 0 ? '' : `<div class="matrix-key"><h3 class="small-heading">Numbered points</h3><ol class="key-list">${rest.map(project =>
            `<li value="${project.rank}">${revealable(project.title || project.name, project.line, options, `${project.title || project.name}, rank ${project.rank}, line ${project.line}`)} <span class="muted">· score ${escape(formatNumber(project.score))}</span>${project.quickWin ? ' <span class="badge win small">quick win</span>' : ''}</li>`).join('')}</ol></div>`;
    } else {
        const unlabelled = layout.unlabelledQuickWins.length;
        key = `<p class="muted">${escape(`Each dot is a project; ${plural(layout.labels.length, 'quick win is', 'quick wins are')} labelled` +
            (unlabelled > 0 ? `, ${plural(unlabelled, 'other', 'others')} are listed with every project under Ranked projects.` : '.'))}</p>`;
    }
    // Focusable: on a narrow screen the figure scrolls sideways, and a keyboard must reach it.
    return `<figure class="matrix-figure" tabindex="0" aria-label="Quick-wins matrix">${matrixSvg(input, { id: 'quick-win-matrix', interactive: options.interactive }, layout)}` +
        `<figcaption><ul class="quadrant-legend">${legend}<li><span class="swatch-line" aria-hidden="true"></span>${escape(`the dashed line: the quick-win threshold (${formatNumber(overview.settings.threshold)}); filled points are quick wins: ${QUICK_WIN_MEANING}`)}</li></ul></figcaption></figure>${key}`;
}

/** The rows of the ranked projects' table. */
export function projectRows(projects: readonly OverviewProject[], scale: ScoreScale, options: RenderOptions): string {
    return projects.map(project => {
        const name = project.title || project.name;
        const title = revealable(name, project.line, options, `${name}, rank ${project.rank}, score ${formatNumber(project.score)}${project.quickWin ? ', quick win' : ''}, line ${project.line}`);
        return `<tr class="${project.quickWin ? 'project win' : 'project'}"><td class="num">${project.rank}</td>` +
            `<td><span class="title">${title}</span><span class="sub">${escape(project.name)} · ${escape(project.stageTitle || project.stage)}</span></td>` +
            `<td class="score-cell"><span class="score-line"><span class="score-value">${escape(formatNumber(project.score))}</span>${scoreBar(project.parts, project.score, scale)}</span><span class="sub">${escape(partsText(project.parts))}</span></td>` +
            `<td>${quickWinBadge(project.quickWin)}</td><td>${effortText(project.effort)}</td><td>${missingList(project.missing)}</td></tr>`;
    }).join('\n');
}

function projectsSection(overview: PlanOverview, options: SectionOptions): string {
    if (overview.projects.length === 0) return '<p class="muted">The plan has no projects yet.</p>';
    const total = overview.projects.length;
    let shown: readonly OverviewProject[] = overview.projects;
    let pager = '';
    if (options.limit !== undefined && total > options.limit) {
        if (options.projectPage === undefined) {
            const size = options.limit;
            shown = overview.projects.slice(0, size);
            pager = options.interactive
                ? `<p class="pager"><span class="muted">${escape(`The top ${size} of ${plural(total, 'project', 'projects')}.`)}</span> <button type="button" class="show-all" data-page="0">${escape(`Show all ${total.toLocaleString('en')} projects`)}</button></p>`
                : '';
        } else {
            const size = options.pageSize ?? options.limit;
            const pages = Math.ceil(total / size);
            const page = Math.max(0, Math.min(pages - 1, options.projectPage));
            shown = overview.projects.slice(page * size, (page + 1) * size);
            const from = page * size + 1;
            const to = page * size + shown.length;
            pager = `<nav class="pager" aria-label="Pages of projects"><span>${escape(`Projects ${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${total.toLocaleString('en')}`)}</span> ` +
                `<button type="button" class="page" data-page="${page - 1}"${page === 0 ? ' disabled' : ''}>Previous page</button> ` +
                `<button type="button" class="page" data-page="${page + 1}"${page >= pages - 1 ? ' disabled' : ''}>Next page</button> ` +
                '<button type="button" class="page" data-page="top">Top projects only</button></nav>';
        }
    }
    return `${partsLegend()}<div class="table-wrap"><table class="projects-table">` +
        '<colgroup><col class="c-rank"><col class="c-project"><col class="c-score"><col class="c-win"><col class="c-effort"><col class="c-missing"></colgroup>' +
        '<thead><tr><th scope="col" class="num">Rank</th><th scope="col">Project</th><th scope="col">Score and parts</th><th scope="col">Quick win</th><th scope="col">Effort</th><th scope="col">What it lacks</th></tr></thead>' +
        `<tbody id="project-rows">${projectRows(shown, scaleOf(overview), options)}</tbody></table></div>${pager}`;
}

function windowText(stage: OverviewStage): string {
    if (stage.from !== null && stage.to !== null) return `${spokenDate(stage.from)} – ${spokenDate(stage.to)}`;
    if (stage.from !== null) return `from ${spokenDate(stage.from)}`;
    if (stage.to !== null) return `until ${spokenDate(stage.to)}`;
    return 'no dates';
}

function stagesSection(overview: PlanOverview, options: SectionOptions): string {
    if (overview.stages.length === 0) return '<p class="muted">The plan has no stages yet.</p>';
    const timeline = stageTimelineSvg(overview.stages, overview.date, 'stage-timeline', options.matrixWidth);
    const stages = overview.stages.map(stage => {
        const tags = [
            statusBadge(stage.status),
            stage.initial ? '<span class="badge">initial stage</span>' : '',
            stage.inCycle ? '<span class="badge bad">in an after cycle</span>' : '',
            stage.after ? `<span class="muted">after ${escape(overview.stages.find(other => other.name === stage.after)?.title || stage.after)}</span>` : ''
        ].filter(Boolean).join(' ');
        const title = revealable(stage.title || stage.name, stage.line, options, `Stage ${stage.title || stage.name}, line ${stage.line}`);
        const facts = [
            `${plural(stage.projects, 'project', 'projects')} (${plural(stage.quickWins, 'quick win', 'quick wins')})`,
            plural(stage.stories, 'story', 'stories'),
            stage.launches.length > 0 ? `launches ${stage.launches.map(channel => channel.title || channel.name).join(', ')}` : ''
        ].filter(Boolean).join(' · ');
        const parts: string[] = [
            `<h3 id="stage-${escape(stage.name)}"><span class="stage-number">${stage.position}</span> ${title} <code class="muted">${escape(stage.name)}</code></h3>`,
            `<p class="stage-meta"><span class="window">${escape(windowText(stage))}</span> ${tags}</p>`,
            `<p class="muted">${escape(facts)}</p>`
        ];
        if (stage.mantra !== null) parts.push(`<blockquote class="mantra">${escape(stage.mantra)}</blockquote>`);
        const metricRows = [
            ...stage.goals.flatMap(goal => goal.metrics.length === 0
                ? [`<tr><td>${revealable(goal.title || goal.name, goal.line, options, `Goal ${goal.title || goal.name}, line ${goal.line}`)}</td><td class="muted">no metric</td><td></td></tr>`]
                : goal.metrics.map((metric, index) => `<tr><td>${index === 0 ? revealable(goal.title || goal.name, goal.line, options, `Goal ${goal.title || goal.name}, line ${goal.line}`) : ''}</td>` +
                    `<td>${escape(metric.title || metric.name)}</td><td>${progress(metric.actual, metric.target, metric.progress)}</td></tr>`)),
            ...stage.projectMetrics.flatMap(project => project.metrics.map((metric, index) =>
                `<tr><td>${index === 0 ? `<span class="muted">project</span> ${revealable(project.title || project.name, project.line, options, `Project ${project.title || project.name}, line ${project.line}`)}` : ''}</td>` +
                `<td>${escape(metric.title || metric.name)}</td><td>${progress(metric.actual, metric.target, metric.progress)}</td></tr>`))
        ];
        if (metricRows.length > 0) {
            const { shown, hidden } = limited(metricRows, options);
            parts.push('<div class="table-wrap"><table class="metrics-table"><colgroup><col class="c-goal"><col class="c-metric"><col class="c-progress"></colgroup>' +
                `<thead><tr><th scope="col">Goal or project</th><th scope="col">Metric</th><th scope="col">Progress</th></tr></thead><tbody>${shown.join('')}</tbody></table></div>${moreNote(hidden, 'metric', 'in the report')}`);
        }
        if (stage.actions.length > 0) {
            const { shown, hidden } = limited(stage.actions, options);
            parts.push('<div class="table-wrap"><table class="actions-table"><colgroup><col class="c-action"><col class="c-owner"><col class="c-due"><col class="c-status"></colgroup>' +
                '<thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead><tbody>' +
                shown.map(action => `<tr class="${action.overdue ? 'overdue' : ''}"><td>${revealable(action.title || action.name, action.line, options, `Action ${action.title || action.name}, line ${action.line}`)}` +
                    `${action.project ? `<span class="sub">in project ${escape(action.project)}</span>` : ''}</td>` +
                    `<td>${action.owner ? escape(action.owner.title || action.owner.name) : '<span class="muted">no owner</span>'}</td>` +
                    `<td>${action.due ? `<time datetime="${escape(action.due)}">${escape(spokenDate(action.due))}</time>` : '<span class="muted">no date</span>'}</td>` +
                    `<td>${actionStatus(action.status, action.overdue)}</td></tr>`).join('') +
                `</tbody></table></div>${moreNote(hidden, 'action', 'in the report')}`);
        }
        return `<article class="stage" aria-labelledby="stage-${escape(stage.name)}">${parts.join('\n')}</article>`;
    });
    return (timeline ? `<figure class="timeline-figure" tabindex="0" aria-label="Timeline of the stages">${timeline}<figcaption class="muted">Stages with dates; diamonds are actions' due dates.${timelineKey(overview.stages)}</figcaption></figure>` : '') + stages.join('\n');
}

function coalitionSection(overview: PlanOverview, options: SectionOptions): string {
    const members = overview.coalition.members;
    if (members.length === 0) return '<p class="callout bad">The plan has no coalition yet: build the coalition of the willing first.</p>';
    const projectTitle = new Map(overview.projects.map(project => [project.name, project.title || project.name]));
    const byUnit = new Map<string, typeof members[number][]>();
    for (const member of members) {
        const unit = member.unit ?? '';
        byUnit.set(unit, [...(byUnit.get(unit) ?? []), member]);
    }
    const units = [...byUnit.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
    const { shown: shownUnits, hidden } = limited(units, options);
    const projectsCell = (names: readonly string[]) => {
        if (names.length === 0) return '<span class="muted">none</span>';
        const few = options.limit !== undefined ? names.slice(0, 5) : names;
        const rest = names.length - few.length;
        return `<span class="count-value">${escape(plural(names.length, 'project', 'projects'))}:</span> ` +
            escape(few.map(name => projectTitle.get(name) ?? name).join(', ')) + (rest > 0 ? ` <span class="muted">${escape(`+${rest.toLocaleString('en')} more`)}</span>` : '');
    };
    const bodies = shownUnits.map(unit => {
        const list = byUnit.get(unit)!;
        const involved = list.some(member => member.projects.length > 0);
        return `<tbody><tr class="unit-row"><th scope="rowgroup" colspan="4">${escape(unit || 'No unit')}${!involved && unit ? ' <span class="badge bad">no project</span>' : ''}</th></tr>` +
            list.map(member => `<tr><td>${memberName(member, 'Member', options)}<span class="sub">${escape(member.name)}${member.file === null ? '' : ` ${fileMark(member.file)}`}</span></td>` +
                `<td>${escape(roleText(member.role))}</td><td>${member.trained ? '<span class="yes"><span class="dot" aria-hidden="true">●</span> trained</span>' : '<span class="muted">not trained</span>'}</td>` +
                `<td>${projectsCell(member.projects)}</td></tr>`).join('') + '</tbody>';
    });
    const verdict = unitsVerdict(overview);
    return '<div class="table-wrap"><table class="coalition-table"><colgroup><col class="c-member"><col class="c-role"><col class="c-trained"><col class="c-projects"></colgroup>' +
        '<thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col">Trained</th><th scope="col">Projects involving them</th></tr></thead>' +
        `${bodies.join('')}</table></div>${moreNote(hidden, 'unit', 'in the report')}` +
        `<p class="${verdict.kind === 'missing' ? 'callout' : 'muted'}">${escape(verdict.text)}</p>`;
}

function roadShowSection(overview: PlanOverview, options: SectionOptions): string {
    const { stories, naysayers, untoldQuickWins } = overview.roadShow;
    const parts: string[] = [];
    if (stories.length === 0) {
        parts.push('<p class="muted">No stories yet: turn the quick wins into success stories for the internal road show.</p>');
    } else {
        const { shown, hidden } = limited(stories, options);
        parts.push('<div class="table-wrap"><table class="stories-table"><colgroup><col class="c-story"><col class="c-from"><col class="c-score"><col class="c-audience"></colgroup>' +
            '<thead><tr><th scope="col">Story</th><th scope="col">From the project</th><th scope="col">Score</th><th scope="col">Audience</th></tr></thead><tbody>' +
            shown.map(story => `<tr><td>${revealable(story.title || story.name, story.line, options, `Story ${story.title || story.name}, line ${story.line}`)}<span class="sub">${escape(story.stageTitle || story.stage)}</span></td>` +
                `<td>${story.project ? escape(story.project.title || story.project.name) : '<span class="muted">not found</span>'}</td>` +
                `<td>${story.project ? `${escape(formatNumber(story.project.score))} ${quickWinBadge(story.project.quickWin)}` : ''}</td>` +
                `<td>${story.audience.length > 0 ? escape(story.audience.map(member => `${member.title || member.name}${member.role === 'naysayer' ? ' (naysayer)' : ''}`).join(', ')) : '<span class="muted">no audience</span>'}</td></tr>`).join('') +
            `</tbody></table></div>${moreNote(hidden, 'story', 'in the report')}`);
    }
    if (naysayers.length === 0) {
        parts.push('<p class="muted">The coalition names no naysayers.</p>');
    } else {
        const reached = naysayers.filter(n => n.reached);
        const unreached = naysayers.filter(n => !n.reached);
        const storyTitle = new Map(stories.map(story => [story.name, story.title || story.name]));
        const list = (items: typeof naysayers) => items.map(n => `<li>${memberName(n, 'Naysayer', options)}${n.unit ? ` <span class="muted">(${escape(n.unit)})</span>` : ''}${n.file === null ? '' : ` ${fileMark(n.file)}`}` +
            (n.stories.length > 0 ? `<span class="sub">${escape(`hears ${n.stories.map(name => `“${storyTitle.get(name) ?? name}”`).join(', ')}`)}</span>` : '') + '</li>').join('');
        parts.push('<div class="naysayers">' +
            `<div class="card"><h3>${escape(`Naysayers reached (${reached.length})`)}</h3>${reached.length > 0 ? `<ul class="plain">${list(reached)}</ul>` : '<p class="muted">none yet</p>'}</div>` +
            `<div class="card${unreached.length > 0 ? ' attention' : ''}"><h3>${escape(`Naysayers not reached (${unreached.length})`)}</h3>${unreached.length > 0 ? `<ul class="plain">${list(unreached)}</ul>` : '<p class="muted">none</p>'}</div></div>`);
    }
    if (untoldQuickWins.length > 0) {
        const { shown, hidden } = limited(untoldQuickWins, options);
        parts.push(`<p class="callout">${escape(`Quick wins without a story: ${shown.map(p => p.title || p.name).join(', ')}${hidden > 0 ? ` and ${hidden.toLocaleString('en')} more` : ''}.`)}</p>`);
    }
    return parts.join('\n');
}

function diagnosticsSection(overview: PlanOverview, options: SectionOptions): string {
    if (overview.diagnostics.length === 0) return '<p class="muted">No diagnostics: the plan walks into none of the hurdles Adopt knows.</p>';
    return SEVERITY_HEADINGS.map(({ severity, heading }) => {
        const list = overview.diagnostics.filter(d => d.severity === severity);
        if (list.length === 0) return '';
        const { shown, hidden } = limited(list, options);
        return `<div class="severity-group severity-${severity}"><h3>${escape(`${heading} (${list.length.toLocaleString('en')})`)}</h3>` +
            '<div class="table-wrap"><table class="diagnostics-table"><colgroup><col class="c-line"><col class="c-code"><col class="c-message"></colgroup>' +
            '<thead><tr><th scope="col" class="num">Line</th><th scope="col">Code</th><th scope="col">Message</th></tr></thead><tbody>' +
            shown.map(d => `<tr><td class="num">${revealable(String(d.line), d.line, options, `Line ${d.line}, ${d.code}`)}</td><td><code>${escape(d.code)}</code></td><td>${escape(d.message)}</td></tr>`).join('') +
            `</tbody></table></div>${moreNote(hidden, severity === 'information' ? 'diagnostic' : severity, 'in the Problems panel')}</div>`;
    }).join('\n');
}
