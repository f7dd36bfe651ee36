/**
 * What the overview and the report open with (docs/command-line.md#adopt-report): the plan's
 * status on a date, one generated sentence ("At risk: 4 of 13 actions done, 3 overdue, 1 blocked;
 * 2 quick wins; the first hurdle is cleared, the second is not.") and the decisions needed:
 * blocked actions, overdue actions, open actions without an owner, and channels that a quick win
 * uses but no stage launches.
 */
import type { AstNode } from 'langium';
import type { Action, Channel, Plan, Project } from '../generated/ast.js';
import { validDate } from '../model/plan-dates.js';
import { allActions, resolvedTargets, stageOfAction } from '../model/plan-model.js';
import { actionStatus, statusWords, type ActionStatus, type PlanStatus } from '../model/plan-status.js';
import type { DecisionAction, PlanSummary } from '../../protocol/overview-protocol.js';

/** What the summary is made of, besides the plan: its status, its quick wins (by rank) and whether each hurdle is cleared (in order). */
export interface SummaryFacts {
    readonly status: PlanStatus;
    readonly quickWins: readonly Project[];
    readonly hurdlesCleared: readonly boolean[];
}

/** How many actions there are, and how many are done, overdue and blocked (each action counted once, by its status). */
export interface ActionCounts {
    readonly total: number;
    readonly done: number;
    readonly overdue: number;
    readonly blocked: number;
}

export function planSummary(plan: Plan, today: string, facts: SummaryFacts, lineOf: (node: AstNode) => number): PlanSummary {
    const actions = allActions(plan).map(action => ({ action, status: actionStatus(action, today) }));
    const having = (status: ActionStatus) => actions.filter(entry => entry.status === status);
    const decision = ({ action }: { action: Action }): DecisionAction => {
        const project = projectOfAction(action);
        return { ...actionFacts(action, lineOf), stage: stageOfAction(action).title ?? '', project: project ? project.title ?? '' : null };
    };
    const counts: ActionCounts = { total: actions.length, done: having('done').length, overdue: having('overdue').length, blocked: having('blocked').length };
    return {
        status: facts.status,
        sentence: summarySentence(facts.status, counts, facts.quickWins.length, facts.hurdlesCleared),
        decisions: {
            blocked: having('blocked').map(decision),
            overdue: having('overdue').map(decision),
            unowned: having('open').filter(({ action }) => action.owner === undefined).map(decision),
            unlaunchedChannels: unlaunchedChannels(plan, facts.quickWins).map(({ channel, quickWins }) => ({
                name: channel.name ?? '', title: channel.title ?? '', line: lineOf(channel), quickWins: quickWins.map(project => project.title ?? project.name ?? '')
            }))
        }
    };
}

/** What the overview says of every action: its name, title, line, owner and due date (a calendar date, else null). */
export function actionFacts(action: Action, lineOf: (node: AstNode) => number): Pick<DecisionAction, 'name' | 'title' | 'line' | 'owner' | 'due'> {
    const owner = action.owner?.ref;
    return {
        name: action.name ?? '',
        title: action.title ?? '',
        line: lineOf(action),
        owner: owner ? { name: owner.name ?? '', title: owner.title ?? '' } : null,
        due: validDate(action.due) ?? null
    };
}

/** The project an action belongs to; undefined for an action of a stage. */
export function projectOfAction(action: Action): Project | undefined {
    const container = action.$container;
    return container.$type === 'Project' ? container as Project : undefined;
}

/** Channels that a quick win uses and no stage launches, in the order the quick wins (by rank) name them, each with those quick wins. */
export function unlaunchedChannels(plan: Plan, quickWins: readonly Project[]): Array<{ channel: Channel; quickWins: Project[] }> {
    const launched = new Set(resolvedTargets(plan.stages.flatMap(stage => stage.launches.flatMap(launch => launch.channels))));
    const found = new Map<Channel, Project[]>();
    for (const project of quickWins) {
        for (const channel of resolvedTargets(project.uses.flatMap(uses => uses.channels))) {
            if (launched.has(channel)) continue;
            const users = found.get(channel);
            if (users) users.push(project);
            else found.set(channel, [project]);
        }
    }
    return [...found].map(([channel, users]) => ({ channel, quickWins: users }));
}

const count = (value: number, one: string, many: string) => `${value.toLocaleString('en')} ${value === 1 ? one : many}`;

/** The sentence that sums a plan up: its status, its actions, its quick wins and its two hurdles. */
export function summarySentence(status: PlanStatus, actions: ActionCounts, quickWins: number, hurdlesCleared: readonly boolean[]): string {
    const words = statusWords(status);
    const actionPart = actions.total === 0
        ? 'no actions yet'
        : [`${actions.done.toLocaleString('en')} of ${count(actions.total, 'action', 'actions')} done`,
            actions.overdue > 0 ? `${actions.overdue.toLocaleString('en')} overdue` : '',
            actions.blocked > 0 ? `${actions.blocked.toLocaleString('en')} blocked` : ''].filter(Boolean).join(', ');
    const quickWinPart = quickWins === 0 ? 'no quick wins' : count(quickWins, 'quick win', 'quick wins');
    return `${words[0].toUpperCase()}${words.slice(1)}: ${actionPart}; ${quickWinPart}; ${hurdlesText(hurdlesCleared)}.`;
}

function hurdlesText(cleared: readonly boolean[]): string {
    const [first, second] = cleared;
    if (first && second) return 'both hurdles are cleared';
    if (first) return 'the first hurdle is cleared, the second is not';
    if (second) return 'the second hurdle is cleared, the first is not';
    return 'neither hurdle is cleared';
}
