/**
 * The status of a plan under way (docs/language.md#status), judged on a date (today): of each
 * action, metric, project and stage, and of the whole plan. Pure functions of the syntax tree and
 * the date; dates that are not calendar dates count as not written.
 *
 * - An action is `done`, `blocked`, `overdue` (not done, due before today) or `open`.
 * - A metric with a target is met when its actual is at least the target. In a stage with both
 *   `from` and `to`, once `from` has come, its expected share is min(1, days(today - from) /
 *   days(to - from)); it is behind when actual / target (0 without an actual) is below 0.75 x the
 *   expected share. A project's metrics use its stage's window.
 * - A project's, and a stage's, status is the first of `done`, `blocked`, `late`, `not-started`,
 *   `at-risk`, `on-track` that holds; the plan's is `done`, `late`, `at-risk` or `on-track`.
 */
import type { Action, Metric, Plan, Project, Stage } from '../generated/ast.js';
import { daysBetween, validDate } from './plan-dates.js';
import { isDone } from './plan-model.js';

export const ACTION_STATUSES = ['done', 'blocked', 'overdue', 'open'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const WORK_STATUSES = ['done', 'blocked', 'late', 'not-started', 'at-risk', 'on-track'] as const;
/** The status of a project or a stage. */
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const PLAN_STATUSES = ['done', 'late', 'at-risk', 'on-track'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A status for people: `at risk`, `not started`. */
export function statusWords(status: ActionStatus | WorkStatus | PlanStatus): string {
    return status.replace('-', ' ');
}

/** Whether an action is overdue on `today`: not done, and due before it. */
export function isOverdue(action: Action, today: string): boolean {
    const due = validDate(action.due);
    return due !== undefined && !isDone(action) && due < today;
}

/**
 * An action's status from what is written: its status word (`todo` when none), its due date (a
 * calendar date or undefined) and today.
 */
export function writtenActionStatus(status: string | undefined, due: string | undefined, today: string): ActionStatus {
    if (status === 'done') return 'done';
    if (status === 'blocked') return 'blocked';
    return due !== undefined && due < today ? 'overdue' : 'open';
}

export function actionStatus(action: Action, today: string): ActionStatus {
    return writtenActionStatus(action.status, validDate(action.due), today);
}

/** Where a metric with a target stands on a date. */
export interface MetricStanding {
    /** Its actual is at least its target. */
    readonly met: boolean;
    /** Its actual / target is below 0.75 x the expected share of its stage's window. */
    readonly behind: boolean;
    /** The share of the stage's window passed (0 to 1); undefined when there is none to expect (no full window, or it has not begun). */
    readonly expectedShare: number | undefined;
}

/** The days of a stage's window passed on `today` and its length; undefined without both dates, before `from`, or for a window that ends before it starts. */
function windowProgress(stage: Stage, today: string): { readonly passed: number; readonly length: number } | undefined {
    const from = validDate(stage.from);
    const to = validDate(stage.to);
    if (from === undefined || to === undefined || from > today) return undefined;
    const length = daysBetween(from, to);
    if (length < 0) return undefined;
    return { passed: Math.min(daysBetween(from, today), length), length };
}

/** min(1, days(today - from) / days(to - from)), for a stage whose window has begun; a window of one day is all passed. */
export function expectedShare(stage: Stage, today: string): number | undefined {
    const window = windowProgress(stage, today);
    if (!window) return undefined;
    return window.length === 0 ? 1 : window.passed / window.length;
}

/** Where a metric stands, in the window of `stage`; undefined for a metric without a target. */
export function metricStanding(metric: Metric, stage: Stage, today: string): MetricStanding | undefined {
    const target = metric.target?.value;
    if (typeof target !== 'number' || !Number.isFinite(target)) return undefined;
    const actual = typeof metric.actual?.value === 'number' && Number.isFinite(metric.actual.value) ? metric.actual.value : undefined;
    const met = actual !== undefined && actual >= target;
    const window = windowProgress(stage, today);
    let behind = false;
    if (!met && window) {
        // actual / target < 3/4 x passed / length, compared exactly: 4 x actual x length < 3 x target x passed.
        const [passed, length] = window.length === 0 ? [1, 1] : [window.passed, window.length];
        behind = target > 0
            ? compareProducts([4, actual ?? 0, length], [3, target, passed]) < 0
            : passed > 0; // a target of 0 not met: nothing reached of it while time passes
    }
    return { met, behind, expectedShare: expectedShare(stage, today) };
}

/** A number as an exact decimal: digits x 10^-scale (the numbers of a plan are written in decimals). */
function exactDecimal(value: number): { digits: bigint; scale: number } | undefined {
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value));
    if (!match) return undefined;
    const digits = BigInt(`${match[1]}${match[2]}${match[3] ?? ''}`);
    return { digits, scale: match[3]?.length ?? 0 };
}

/** The sign of (product of `left`) - (product of `right`), exact for decimals; in floating point for numbers beyond them. */
function compareProducts(left: readonly number[], right: readonly number[]): number {
    const exact = (values: readonly number[]) => {
        let digits = 1n;
        let scale = 0;
        for (const value of values) {
            const decimal = exactDecimal(value);
            if (!decimal) return undefined;
            digits *= decimal.digits;
            scale += decimal.scale;
        }
        return { digits, scale };
    };
    const [a, b] = [exact(left), exact(right)];
    if (!a || !b) return Math.sign(left.reduce((p, v) => p * v, 1) - right.reduce((p, v) => p * v, 1));
    const scale = Math.max(a.scale, b.scale);
    const difference = a.digits * 10n ** BigInt(scale - a.scale) - b.digits * 10n ** BigInt(scale - b.scale);
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** What a project or a stage is judged on. */
interface Work {
    readonly stage: Stage;
    readonly actions: readonly ActionStatus[];
    readonly metrics: readonly MetricStanding[];
    /** The statuses of a stage's projects (none for a project). */
    readonly parts: readonly WorkStatus[];
    /** A stage is also late once its `to` has passed and it is not done. */
    readonly lateAfterWindow: boolean;
}

function judge(work: Work, today: string): WorkStatus {
    const { stage, actions, metrics, parts } = work;
    const somethingToDo = actions.length + metrics.length + parts.length > 0;
    if (somethingToDo && actions.every(status => status === 'done') && metrics.every(metric => metric.met) && parts.every(status => status === 'done')) return 'done';
    if (actions.includes('blocked') || parts.includes('blocked')) return 'blocked';
    const to = validDate(stage.to);
    if (actions.includes('overdue') || parts.includes('late') || (work.lateAfterWindow && to !== undefined && to < today)) return 'late';
    const from = validDate(stage.from);
    if (from !== undefined && from > today) return 'not-started';
    if (metrics.some(metric => metric.behind) || parts.includes('at-risk')) return 'at-risk';
    return 'on-track';
}

function standings(metrics: readonly Metric[], stage: Stage, today: string): MetricStanding[] {
    return metrics.flatMap(metric => metricStanding(metric, stage, today) ?? []);
}

/** A project's status: `done` needs an action or a metric with a target (a project with nothing to do is on track). */
export function projectStatus(project: Project, today: string): WorkStatus {
    const stage = project.$container;
    return judge({ stage, actions: project.actions.map(action => actionStatus(action, today)), metrics: standings(project.metrics, stage, today), parts: [], lateAfterWindow: false }, today);
}

/** A stage's status, over its own actions, its goals' metrics and its projects' statuses. */
export function stageStatus(stage: Stage, today: string, projectStatuses?: ReadonlyMap<Project, WorkStatus>): WorkStatus {
    return judge({
        stage,
        actions: stage.actions.map(action => actionStatus(action, today)),
        metrics: standings(stage.goals.flatMap(goal => goal.metrics), stage, today),
        parts: stage.projects.map(project => projectStatuses?.get(project) ?? projectStatus(project, today)),
        lateAfterWindow: true
    }, today);
}

/** The plan's status from its stages': done when there are stages and all are done. */
export function planStatusOf(stageStatuses: readonly WorkStatus[]): PlanStatus {
    if (stageStatuses.length > 0 && stageStatuses.every(status => status === 'done')) return 'done';
    if (stageStatuses.some(status => status === 'late' || status === 'blocked')) return 'late';
    if (stageStatuses.includes('at-risk')) return 'at-risk';
    return 'on-track';
}

/** The status of a whole plan, with each project's and stage's. */
export interface PlanStatusReport {
    readonly status: PlanStatus;
    readonly stages: ReadonlyMap<Stage, WorkStatus>;
    readonly projects: ReadonlyMap<Project, WorkStatus>;
}

export function planStatus(plan: Plan, today: string): PlanStatusReport {
    const projects = new Map<Project, WorkStatus>();
    const stages = new Map<Stage, WorkStatus>();
    for (const stage of plan.stages) {
        for (const project of stage.projects) projects.set(project, projectStatus(project, today));
        stages.set(stage, stageStatus(stage, today, projects));
    }
    return { status: planStatusOf([...stages.values()]), stages, projects };
}
