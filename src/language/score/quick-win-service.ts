/**
 * One analysis of a plan per document version: the score of every project, the ranking and the
 * facts that checks need (willing members, managers, stage order). Validation, hover, code lens,
 * the rank command and the CLI all read it from here.
 */
import { AstUtils, DocumentCache, type AstNode } from 'langium';
import type { Level, Member, Plan, Project, Stage } from '../generated/ast.js';
import type { AdoptServices } from '../adopt-module.js';
import { StageOrder, distinctMembers, effortOf, isManager, isWilling, traitLevels } from '../model/plan-model.js';
import type { SettingsInForce } from '../config/settings-in-force.js';
import { scoreProject, type ProjectFacts, type ProjectScore } from './quick-win-score.js';
import type { QuickWinSettings } from './quick-win-settings.js';

export interface ProjectAnalysis extends ProjectScore {
    readonly project: Project;
    readonly stage: Stage;
    readonly facts: ProjectFacts;
    /** 1-based position in the ranking. */
    rank: number;
    /** Involved distinct willing members (resolved, not naysayers). */
    readonly involvedWilling: readonly Member[];
    readonly declarationIndex: number;
    /** How much work the project needs (its highest `effort`); undefined when it states none. Not part of the score. */
    readonly effort: Level | undefined;
}

export interface PlanAnalysis {
    readonly plan: Plan;
    readonly settings: QuickWinSettings;
    /** Distinct coalition members (first declaration of each name). */
    readonly members: readonly Member[];
    readonly willing: readonly Member[];
    readonly managerCount: number;
    readonly stageOrder: StageOrder;
    /** Projects in declaration order. */
    readonly projects: readonly ProjectAnalysis[];
    /** Projects by rank. */
    readonly ranked: readonly ProjectAnalysis[];
    readonly quickWins: readonly ProjectAnalysis[];
    of(project: Project): ProjectAnalysis | undefined;
}

export class QuickWinService {
    private readonly cache: DocumentCache<string, PlanAnalysis>;
    private readonly settings: SettingsInForce;

    constructor(services: AdoptServices) {
        this.cache = new DocumentCache(services.shared);
        this.settings = services.config.InForce;
        this.settings.onDidChange(() => this.cache.clear());
    }

    /**
     * The analysis of the plan a node belongs to, computed once per document version, with the
     * weights and threshold in force for that plan (its config file, else the editor's settings).
     */
    analyze(plan: Plan): PlanAnalysis {
        const document = AstUtils.getDocument(plan);
        return this.cache.get(document.uri, 'analysis', () => this.compute(plan, this.settings.for(document.uri).quickWins));
    }

    /** The analysis of a plan (the fast build's service keeps the unchanged projects' from the version before). */
    protected compute(plan: Plan, settings: QuickWinSettings): PlanAnalysis {
        return analyzePlan(plan, settings);
    }

    analysisOf(project: Project): ProjectAnalysis | undefined {
        // A project sits in a stage, in the plan: no need to search the containers.
        const stage: Stage | undefined = project.$container;
        const plan = stage?.$container ?? AstUtils.getContainerOfType(project, isPlanNode);
        return plan ? this.analyze(plan).of(project) : undefined;
    }
}

const isPlanNode = (node: AstNode): node is Plan => node.$type === 'Plan';

/**
 * What the analysis of a project reads besides the project: the coalition's members (here or in
 * a file the plan uses) and the initiatives. An edit of none of these leaves every other
 * project's analysis as it was.
 */
export const PROJECT_ANALYSIS_READS = ['Use', 'Coalition', 'Member', 'Initiative'] as const;

/**
 * Scores and ranks every project of a plan. Called once per document version on plans of tens of
 * thousands of projects, so it walks the syntax tree directly, without intermediate lists.
 * `kept` gives a project's analysis of the version before when it cannot have changed (the
 * project and all it reads are as they were: PROJECT_ANALYSIS_READS), for the same settings;
 * its place in the plan and its rank are found anew. `rankedBefore`, the ranking of the version
 * `kept` comes from: when every project but those analysed anew was kept at its place in the
 * plan, their order stands and only the new analyses are placed in it, instead of a sort.
 */
export function analyzePlan(plan: Plan, settings: QuickWinSettings, kept?: (project: Project) => ProjectAnalysis | undefined,
    rankedBefore?: readonly ProjectAnalysis[]): PlanAnalysis {
    const members = distinctMembers(plan);
    const willing = members.filter(isWilling);
    const willingSet = new Set(willing);
    const projects: ProjectAnalysis[] = [];
    // Where each stage's projects start in `projects` (a project's entry is found by its index in
    // its stage, without a map entry per project).
    const firstOfStage = new Map<Stage, number>();
    // The places of the projects analysed anew; whether a kept project moved in the plan.
    const analysedAt: number[] = [];
    let moved = false;
    for (const stage of plan.stages) {
        if (!firstOfStage.has(stage)) firstOfStage.set(stage, projects.length);
        for (const project of stage.projects) {
            const before = kept?.(project);
            if (before) {
                if (before.declarationIndex !== projects.length) moved = true;
                projects.push({ ...before, stage, rank: 0, declarationIndex: projects.length });
                continue;
            }
            analysedAt.push(projects.length);
            const involvedWilling = involvedWillingMembers(project, willingSet);
            let involvedTrainedWilling = 0;
            for (const member of involvedWilling) {
                if (member.trained) involvedTrainedWilling++;
            }
            const facts: ProjectFacts = {
                supportsInitiative: supportsAnInitiative(project),
                willingCount: willing.length,
                involvedWilling: involvedWilling.length,
                involvedTrainedWilling,
                traits: traitLevels(project)
            };
            const score = scoreProject(facts, settings);
            // The score's fields, as a spread would copy them, without a second object per project.
            const entry: ProjectAnalysis = {
                points: score.points,
                score: score.score,
                quickWin: score.quickWin,
                missing: score.missing,
                missingTraits: score.missingTraits,
                project,
                stage,
                facts,
                rank: 0,
                involvedWilling,
                declarationIndex: projects.length,
                effort: effortOf(project)
            };
            projects.push(entry);
        }
    }
    const ranked = rankedBefore && !moved && rankedBefore.length === projects.length
        ? rankedAgain(rankedBefore, projects, analysedAt)
        : [...projects].sort(byRank);
    ranked.forEach((entry, index) => (entry.rank = index + 1));
    return {
        plan,
        settings,
        members,
        willing,
        managerCount: members.filter(isManager).length,
        stageOrder: new StageOrder(plan),
        projects,
        ranked,
        quickWins: ranked.filter(entry => entry.quickWin),
        of: entryFinder(projects, firstOfStage)
    };
}

/** The ranking's order: the score, then trained willing members involved, then the order of the plan. */
function byRank(a: ProjectAnalysis, b: ProjectAnalysis): number {
    return b.score - a.score || b.facts.involvedTrainedWilling - a.facts.involvedTrainedWilling || a.declarationIndex - b.declarationIndex;
}

/**
 * The ranking of `projects` from the version before's, when every project kept its place in the
 * plan and all but those at `analysedAt` kept their analysis: the kept ones in the order they
 * had (their score and their place, all the order reads, are as they were), each analysed anew
 * placed where it belongs.
 */
function rankedAgain(before: readonly ProjectAnalysis[], projects: readonly ProjectAnalysis[], analysedAt: readonly number[]): ProjectAnalysis[] {
    const analysed = new Set(analysedAt);
    const ranked: ProjectAnalysis[] = [];
    for (const entry of before) if (!analysed.has(entry.declarationIndex)) ranked.push(projects[entry.declarationIndex]);
    for (const at of analysedAt) {
        const entry = projects[at];
        let low = 0;
        let high = ranked.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (byRank(ranked[middle], entry) < 0) low = middle + 1;
            else high = middle;
        }
        ranked.splice(low, 0, entry);
    }
    return ranked;
}

/**
 * `of(project)`: the entry of a project of the plan, undefined for any other. Looks at the
 * project's place in its stage; a project found elsewhere (never, while the tree is unchanged)
 * is looked up in a map of every entry.
 */
function entryFinder(projects: readonly ProjectAnalysis[], firstOfStage: ReadonlyMap<Stage, number>): (project: Project) => ProjectAnalysis | undefined {
    let byProject: Map<Project, ProjectAnalysis> | undefined;
    return project => {
        const first = firstOfStage.get(project.$container);
        const index = project.$containerIndex;
        if (first !== undefined && index !== undefined) {
            const entry = projects[first + index];
            if (entry?.project === project) return entry;
        }
        byProject ??= new Map(projects.map(entry => [entry.project, entry]));
        return byProject.get(project);
    };
}

const NO_MEMBERS: readonly Member[] = Object.freeze([]);

/**
 * The distinct willing members a project involves (resolved names only), in order of first
 * mention; kept with the analysis, so as a list of its exact length (one grown by `push` keeps
 * room for 16 more).
 */
function involvedWillingMembers(project: Project, willing: ReadonlySet<Member>): readonly Member[] {
    const result: Member[] = [];
    // Involves lists are usually short: search the list, and use a set only for long ones.
    let seen: Set<Member> | undefined;
    for (const clause of project.involves) {
        for (const reference of clause.members) {
            const member = reference.ref;
            if (!member || !willing.has(member)) continue;
            if (seen ? seen.has(member) : result.includes(member)) continue;
            result.push(member);
            if (seen) seen.add(member);
            else if (result.length > 16) seen = new Set(result);
        }
    }
    return result.length === 0 ? NO_MEMBERS : result.slice();
}

/** Whether the project supports at least one initiative that resolves. */
function supportsAnInitiative(project: Project): boolean {
    for (const clause of project.supports) {
        for (const reference of clause.initiatives) {
            if (reference.ref) return true;
        }
    }
    return false;
}
