/**
 * What changed between two versions of a plan (docs/command-line.md#adopt-diff), from their
 * overviews judged on the same day: by names, not lines. Projects (score, quick win, status,
 * effort), actions (status, overdue), the actuals of metrics, members (role, trained), stories,
 * and the diagnostics matched by code and message.
 */
import type { PlanOverview } from '../../protocol/overview-protocol.js';
import type { ActionChange, ChangeKind, DiffDiagnostic, MemberChange, MetricChange, PlanDiff, ProjectChange } from '../../protocol/diff-protocol.js';

/** One version's entries by name, in declaration order (by line), the first of a name only. */
function byName<T extends { readonly name: string; readonly line: number }>(items: readonly T[], key: (item: T) => string = item => item.name): Map<string, T> {
    const map = new Map<string, T>();
    for (const item of [...items].sort((a, b) => a.line - b.line)) {
        const name = key(item);
        if (name !== '' && !map.has(name)) map.set(name, item);
    }
    return map;
}

/**
 * The entries of both versions compared field by field: those of the new version in its order
 * (added or changed), then those removed in the old version's order. `fields` picks the compared
 * fields of an entry.
 */
function compare<T extends { readonly name: string; readonly line: number }, F extends Record<string, unknown>>(
    oldItems: readonly T[], newItems: readonly T[], fields: (item: T) => F, key?: (item: T) => string
): Array<{ name: string; change: ChangeKind; fields: Partial<{ [K in keyof F]: { old: F[K] | null; new: F[K] | null } }>; item: T }> {
    const before = byName(oldItems, key);
    const after = byName(newItems, key);
    const out: Array<{ name: string; change: ChangeKind; fields: Partial<{ [K in keyof F]: { old: F[K] | null; new: F[K] | null } }>; item: T }> = [];
    const all = (values: F, side: 'old' | 'new') =>
        Object.fromEntries(Object.entries(values).map(([field, value]) => [field, side === 'old' ? { old: value, new: null } : { old: null, new: value }])) as Partial<{ [K in keyof F]: { old: F[K] | null; new: F[K] | null } }>;
    for (const [name, item] of after) {
        const previous = before.get(name);
        if (!previous) {
            out.push({ name, change: 'added', fields: all(fields(item), 'new'), item });
            continue;
        }
        const [a, b] = [fields(previous), fields(item)];
        const changed = Object.fromEntries(Object.keys(b).filter(field => a[field] !== b[field]).map(field => [field, { old: a[field], new: b[field] }])) as Partial<{ [K in keyof F]: { old: F[K] | null; new: F[K] | null } }>;
        if (Object.keys(changed).length > 0) out.push({ name, change: 'changed', fields: changed, item });
    }
    for (const [name, item] of before) {
        if (!after.has(name)) out.push({ name, change: 'removed', fields: all(fields(item), 'old'), item });
    }
    return out;
}

function actionsOf(overview: PlanOverview) {
    return overview.stages.flatMap(stage => stage.actions);
}

function metricsOf(overview: PlanOverview) {
    return overview.stages.flatMap(stage => [...stage.goals, ...stage.projectMetrics].flatMap(owner => owner.metrics.map(metric => ({ ...metric, in: owner.name }))));
}

function storiesOf(overview: PlanOverview) {
    return overview.roadShow.stories;
}

/** Diagnostics of `a` that `b` does not have, matched by code and message, each as often as it occurs. */
function missingFrom(a: readonly DiffDiagnostic[], b: readonly DiffDiagnostic[]): DiffDiagnostic[] {
    const left = new Map<string, number>();
    for (const d of b) left.set(`${d.code}\n${d.message}`, (left.get(`${d.code}\n${d.message}`) ?? 0) + 1);
    return a.filter(d => {
        const key = `${d.code}\n${d.message}`;
        const count = left.get(key) ?? 0;
        if (count > 0) {
            left.set(key, count - 1);
            return false;
        }
        return true;
    });
}

export function planDiff(before: PlanOverview, after: PlanOverview): PlanDiff {
    const projects = compare(before.projects, after.projects, project => ({ score: project.score, quickWin: project.quickWin, status: project.status, effort: project.effort }))
        .map(({ name, change, fields }): ProjectChange => ({ name, change, ...fields }));
    const actions = compare(actionsOf(before), actionsOf(after), action => ({ status: action.status, overdue: action.overdue }))
        .map(({ name, change, fields }): ActionChange => ({ name, change, ...fields }));
    const metrics = compare(metricsOf(before), metricsOf(after), metric => ({ actual: metric.actual }), metric => `${metric.in}\n${metric.name}`)
        .filter(entry => entry.fields.actual !== undefined && (entry.fields.actual.old !== null || entry.fields.actual.new !== null))
        .map(({ item, fields }): MetricChange => ({ name: item.name, in: item.in, actual: fields.actual! }));
    const members = compare(before.coalition.members, after.coalition.members, member => ({ role: member.role, trained: member.trained }))
        .map(({ name, change, fields }): MemberChange => ({ name, change, ...fields }));
    const stories = compare(storiesOf(before), storiesOf(after), () => ({}))
        .filter(entry => entry.change !== 'changed')
        .map(({ name, change }) => ({ name, change: change as 'added' | 'removed' }));
    const diagnostics = (overview: PlanOverview) => overview.diagnostics.map(({ code, severity, message }) => ({ code, severity, message }));
    return {
        plan: after.plan.name,
        status: { old: before.summary.status, new: after.summary.status },
        projects,
        actions,
        metrics,
        members,
        stories,
        diagnostics: { new: missingFrom(diagnostics(after), diagnostics(before)), fixed: missingFrom(diagnostics(before), diagnostics(after)) }
    };
}

/** Whether the two versions differ in anything the diff compares (the plan's status included). */
export function hasChanges(diff: PlanDiff): boolean {
    return diff.status.old !== diff.status.new || diff.projects.length + diff.actions.length + diff.metrics.length + diff.members.length + diff.stories.length +
        diff.diagnostics.new.length + diff.diagnostics.fixed.length > 0;
}

/**
 * Whether a text read as a plan is not one at all: it has syntax errors and nothing of a plan
 * (no member, channel, initiative or stage) could be read from it.
 */
export function isNotAPlan(overview: PlanOverview): boolean {
    const c = overview.counts;
    return overview.diagnostics.some(d => d.code === 'syntax-error') && c.members + c.channels + c.initiatives + c.stages === 0;
}

/**
 * The titles of what a diff names, by name: projects, actions, metrics, members and stories of
 * the version (a title in words where the diff has a name).
 */
export function declarationTitles(overview: PlanOverview): Map<string, string> {
    const titles = new Map<string, string>();
    const add = (item: { readonly name: string; readonly title: string }) => {
        if (item.name && item.title) titles.set(item.name, item.title);
    };
    overview.projects.forEach(add);
    overview.coalition.members.forEach(add);
    overview.roadShow.stories.forEach(add);
    for (const stage of overview.stages) {
        stage.actions.forEach(add);
        for (const owner of [...stage.goals, ...stage.projectMetrics]) owner.metrics.forEach(add);
    }
    return titles;
}
