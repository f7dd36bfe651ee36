/**
 * The overview of a plan (docs/command-line.md#adopt-report): the one builder of the shape of
 * src/protocol/overview-protocol.ts, from a built document. The language server answers it to
 * `adopt/planOverview`, the CLI renders it as `adopt report`, and the extension shows it; all of
 * them render this one shape (src/report/).
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { Action, Member, Metric, Plan, Project, Stage } from '../generated/ast.js';
import type { AdoptServices } from '../adopt-module.js';
import { validDate } from '../model/plan-dates.js';
import {
    allActions, allStories, planOfDocument, distinctMembers, involvedMembers, isDone, isManager, progressOf, resolvedTargets, seenChannels, seenInitiatives,
    stageOfAction, usedBlocksWithPaths, writtenTarget, type StageOrder
} from '../model/plan-model.js';
import { usedFilesOf } from '../score/rank-result.js';
import { isOverdue, planStatus, type PlanStatusReport } from '../model/plan-status.js';
import type { PlanAnalysis } from '../score/quick-win-service.js';
import {
    roleSchema, type OverviewAction, type OverviewMember, type OverviewMetric, type OverviewProject, type OverviewStage, type OverviewStory, type PlanOverview
} from '../../protocol/overview-protocol.js';
import { HURDLE_CODES, judgeHurdles } from './hurdles.js';
import { actionFacts, planSummary, projectOfAction } from './plan-summary.js';

/** The overview of a built (validated) plan document, for the date `today` (default: the services' today). */
export function buildPlanOverview(document: LangiumDocument, services: AdoptServices, today = services.model.Today.current): PlanOverview {
    const plan = planOfDocument(document);
    const analysis = services.score.QuickWins.analyze(plan);
    const rank = services.score.RankResults.of(document);
    const lineOf: LineOf = node => services.syntax.Facts.start(node).line + 1;
    const severity = services.config.InForce.for(document.uri).severity;
    const off = new Set(HURDLE_CODES.filter(code => (severity as Record<string, string | undefined>)[code] === 'off'));

    const stageTitles = new Map(plan.stages.map(stage => [stage.name, stage.title ?? '']));
    const status = planStatus(plan, today);
    // The rank result is of the services' today; the overview may be of another date.
    const projects: OverviewProject[] = rank.projects.map((project, index) => ({
        ...project,
        status: status.projects.get(analysis.ranked[index]?.project) ?? project.status,
        missing: [...(project.missing ?? [])],
        stageTitle: stageTitles.get(project.stage) ?? ''
    }));

    const members = distinctMembers(plan);
    const fileOf = declaringFile(plan);
    const actions = allActions(plan);
    const overdue = (action: Action): boolean => isOverdue(action, today);
    const stories = allStories(plan);
    const initialMantra = analysis.stageOrder.initial?.mantras.find(mantra => mantra.text !== undefined)?.text;
    const launches = plan.stages.reduce((count, stage) => count + stage.launches.length, 0);
    const counts = {
        members: members.length,
        managers: analysis.managerCount,
        trainedManagers: members.filter(member => isManager(member) && member.trained).length,
        trainedMembers: members.filter(member => member.trained).length,
        naysayers: members.filter(member => member.role === 'naysayer').length,
        channels: seenChannels(plan).length,
        initiatives: seenInitiatives(plan).length,
        stages: plan.stages.length,
        projects: analysis.projects.length,
        quickWins: analysis.quickWins.length,
        stories: stories.length,
        actions: actions.length,
        actionsDone: actions.filter(isDone).length,
        overdueActions: actions.filter(overdue).length,
        errors: rank.diagnostics.filter(d => d.severity === 'error').length,
        warnings: rank.diagnostics.filter(d => d.severity === 'warning').length,
        information: rank.diagnostics.filter(d => d.severity === 'information').length,
        hints: rank.diagnostics.filter(d => d.severity === 'hint').length
    };

    const hurdles = judgeHurdles(rank.diagnostics, off, {
        managers: counts.managers,
        trainedManagers: counts.trainedManagers,
        launches,
        mantra: initialMantra,
        projects: counts.projects,
        quickWins: counts.quickWins,
        stories: counts.stories,
        naysayers: counts.naysayers,
        initialStage: analysis.stageOrder.initial !== undefined,
        channelUses: analysis.projects.reduce((count, entry) => count + entry.project.uses.reduce((n, use) => n + use.channels.length, 0), 0),
        metrics: plan.stages.reduce((count, stage) =>
            count + stage.goals.reduce((n, goal) => n + goal.metrics.length, 0) + stage.projects.reduce((n, project) => n + project.metrics.length, 0), 0)
    });

    return {
        plan: { name: plan.name ?? '', title: plan.title ?? '', line: lineOf(plan) },
        date: today,
        settings: { weights: { ...analysis.settings.weights }, threshold: analysis.settings.threshold },
        fullScore: fullScoreOf(analysis.settings.weights),
        counts,
        uses: usedFilesOf(plan),
        summary: planSummary(plan, today, {
            status: status.status, quickWins: analysis.quickWins.map(entry => entry.project), hurdlesCleared: hurdles.map(hurdle => hurdle.cleared)
        }, lineOf),
        hurdles,
        projects,
        stages: overviewStages(plan, analysis, actions, overdue, status, lineOf),
        coalition: overviewCoalition(members, analysis, lineOf, fileOf),
        roadShow: overviewRoadShow(plan, analysis, members, lineOf, fileOf),
        diagnostics: rank.diagnostics
    };
}

/** The full length of a score bar: the sum of the weights (100 with the defaults). */
export function fullScoreOf(weights: Readonly<Record<string, number>>): number {
    const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
    return total > 0 ? total : 100;
}

/** The line (from 1) where a node's text starts. */
type LineOf = (node: AstNode) => number;

/** The file that declares a member the plan sees: null for the plan's own, else the path of the `use` that brings it in. */
type FileOf = (member: Member) => string | null;

function declaringFile(plan: Plan): FileOf {
    const paths = new Map(usedBlocksWithPaths(plan).map(({ path, shared }) => [shared, path]));
    if (paths.size === 0) return () => null;
    return member => {
        const block = member.$container.$container;
        return block.$type === 'Shared' ? paths.get(block) ?? null : null;
    };
}

/** The stages in stage order: from each stage without a predecessor, each stage then the stages after it (declaration order among them); stages in a cycle last. */
export function stagesInOrder(plan: Plan, order: StageOrder): Stage[] {
    const result: Stage[] = [];
    const seen = new Set<Stage>();
    const visit = (root: Stage): void => {
        const stack = [root];
        while (stack.length > 0) {
            const stage = stack.pop()!;
            if (seen.has(stage)) continue;
            seen.add(stage);
            result.push(stage);
            const next = order.directSuccessors(stage).filter(successor => !seen.has(successor));
            for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
        }
    };
    for (const stage of plan.stages) if (order.predecessor.get(stage) === undefined) visit(stage);
    for (const stage of plan.stages) if (!seen.has(stage)) visit(stage);
    return result;
}

function overviewStages(plan: Plan, analysis: PlanAnalysis, actions: readonly Action[], overdue: (action: Action) => boolean, status: PlanStatusReport, lineOf: LineOf): OverviewStage[] {
    const actionsOf = new Map<Stage, Action[]>();
    for (const action of actions) {
        const stage = stageOfAction(action);
        const list = actionsOf.get(stage);
        if (list) list.push(action);
        else actionsOf.set(stage, [action]);
    }
    const order = analysis.stageOrder;
    return stagesInOrder(plan, order).map((stage, index): OverviewStage => ({
        name: stage.name ?? '',
        title: stage.title ?? '',
        line: lineOf(stage),
        position: index + 1,
        after: order.predecessor.get(stage)?.name ?? null,
        initial: order.initial === stage,
        inCycle: order.cyclic.has(stage),
        from: validDate(stage.from) ?? null,
        to: validDate(stage.to) ?? null,
        mantra: stage.mantras.find(mantra => mantra.text !== undefined)?.text ?? null,
        launches: resolvedTargets(stage.launches.flatMap(launch => launch.channels)).map(channel => ({ name: channel.name ?? '', title: channel.title ?? '' })),
        projects: stage.projects.length,
        quickWins: stage.projects.filter(project => analysis.of(project)?.quickWin).length,
        stories: stage.stories.length,
        goals: stage.goals.map(goal => ({
            name: goal.name ?? '', title: goal.title ?? '', line: lineOf(goal), metrics: goal.metrics.map(metric => overviewMetric(metric, lineOf))
        })),
        projectMetrics: stage.projects.filter(project => project.metrics.length > 0).map(project => ({
            name: project.name ?? '', title: project.title ?? '', line: lineOf(project), metrics: project.metrics.map(metric => overviewMetric(metric, lineOf))
        })),
        actions: (actionsOf.get(stage) ?? []).map(action => overviewAction(action, overdue, lineOf)),
        status: status.stages.get(stage) ?? 'on-track'
    }));
}

function overviewMetric(metric: Metric, lineOf: LineOf): OverviewMetric {
    return {
        name: metric.name ?? '',
        title: metric.title ?? '',
        line: lineOf(metric),
        target: metric.target ? writtenTarget(metric.target) : null,
        actual: metric.actual ? writtenTarget(metric.actual) : null,
        progress: progressOf(metric)?.ratio ?? null
    };
}

function overviewAction(action: Action, overdue: (action: Action) => boolean, lineOf: LineOf): OverviewAction {
    const project = projectOfAction(action);
    return {
        ...actionFacts(action, lineOf),
        status: (action.status as OverviewAction['status'] | undefined) ?? 'todo',
        overdue: overdue(action),
        project: project ? project.name ?? '' : null
    };
}

/** A member's role, or null while the plan lacks it (a member written half-way). */
function roleOf(member: Member): OverviewMember['role'] {
    return (ROLES as readonly string[]).includes(member.role) ? member.role as NonNullable<OverviewMember['role']> : null;
}

const ROLES = roleSchema.options;

function overviewCoalition(members: readonly Member[], analysis: PlanAnalysis, lineOf: LineOf, fileOf: FileOf): PlanOverview['coalition'] {
    const projectsOf = new Map<Member, string[]>(members.map(member => [member, []]));
    for (const entry of analysis.ranked) {
        for (const member of involvedMembers(entry.project)) projectsOf.get(member)?.push(entry.project.name ?? '');
    }
    const overviewMembers: OverviewMember[] = members.map(member => ({
        name: member.name ?? '',
        title: member.title ?? '',
        line: lineOf(member),
        file: fileOf(member),
        role: roleOf(member),
        unit: member.unit ?? null,
        trained: member.trained === true,
        manager: isManager(member),
        willing: member.role !== 'naysayer',
        projects: projectsOf.get(member) ?? []
    }));
    const units = new Map<string, { members: number; projects: Set<string> }>();
    for (const member of overviewMembers) {
        if (member.unit === null) continue;
        const unit = units.get(member.unit) ?? { members: 0, projects: new Set<string>() };
        unit.members++;
        for (const project of member.projects) unit.projects.add(project);
        units.set(member.unit, unit);
    }
    const unitList = [...units.entries()]
        .map(([unit, facts]) => ({ unit, members: facts.members, projects: facts.projects.size }))
        .sort((a, b) => a.unit.localeCompare(b.unit));
    return { members: overviewMembers, units: unitList, unitsWithoutProjects: unitList.filter(unit => unit.projects === 0).map(unit => unit.unit) };
}

function overviewRoadShow(plan: Plan, analysis: PlanAnalysis, members: readonly Member[], lineOf: LineOf, fileOf: FileOf): PlanOverview['roadShow'] {
    const storiesOf = new Map<Member, string[]>();
    const told = new Set<Project>();
    const stories: OverviewStory[] = [];
    for (const stage of plan.stages) {
        for (const story of stage.stories) {
            const project = story.project?.ref;
            const entry = project ? analysis.of(project) : undefined;
            if (project) told.add(project);
            const audience = resolvedTargets(story.audience);
            for (const member of audience) {
                const list = storiesOf.get(member);
                if (list) list.push(story.name ?? '');
                else storiesOf.set(member, [story.name ?? '']);
            }
            stories.push({
                name: story.name ?? '',
                title: story.title ?? '',
                line: lineOf(story),
                stage: stage.name ?? '',
                stageTitle: stage.title ?? '',
                project: project && entry
                    ? { name: project.name ?? '', title: project.title ?? '', score: entry.score, quickWin: entry.quickWin, rank: entry.rank }
                    : null,
                audience: audience.map(member => ({ name: member.name ?? '', title: member.title ?? '', role: roleOf(member) }))
            });
        }
    }
    return {
        stories,
        naysayers: members.filter(member => member.role === 'naysayer').map(member => ({
            name: member.name ?? '',
            title: member.title ?? '',
            line: lineOf(member),
            file: fileOf(member),
            unit: member.unit ?? null,
            reached: storiesOf.has(member),
            stories: storiesOf.get(member) ?? []
        })),
        untoldQuickWins: analysis.quickWins.filter(entry => !told.has(entry.project)).map(entry => ({ name: entry.project.name ?? '', title: entry.project.title ?? '' }))
    };
}
