/**
 * One analysis of a plan per document version: the score of every project, the ranking and the
 * facts that checks need (willing members, managers, stage order). Validation, hover, code lens,
 * the rank command and the CLI all read it from here.
 */
import { AstUtils, DocumentCache } from 'langium';
import type { Member, Plan, Project, Stage } from '../generated/ast.js';
import type { AdoptServices } from '../adopt-module.js';
import {
    StageOrder, allProjects, distinctMembers, involvedMembers, isManager, isWilling, supportedInitiatives, traitLevels
} from '../model/plan-model.js';
import type { AdoptSettings } from './adopt-settings.js';
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
    private readonly settings: AdoptSettings;

    constructor(services: AdoptServices) {
        this.cache = new DocumentCache(services.shared);
        this.settings = services.score.Settings;
        this.settings.onDidChange(() => this.cache.clear());
    }

    /** The analysis of the plan a node belongs to, computed once per document version. */
    analyze(plan: Plan): PlanAnalysis {
        const document = AstUtils.getDocument(plan);
        return this.cache.get(document.uri, 'analysis', () => analyzePlan(plan, this.settings.current));
    }

    analysisOf(project: Project): ProjectAnalysis | undefined {
        const plan = AstUtils.getContainerOfType(project, (node): node is Plan => node.$type === 'Plan');
        return plan ? this.analyze(plan).of(project) : undefined;
    }
}

export function analyzePlan(plan: Plan, settings: QuickWinSettings): PlanAnalysis {
    const members = distinctMembers(plan);
    const willing = members.filter(isWilling);
    const willingSet = new Set(willing);
    const projects: ProjectAnalysis[] = [];
    allProjects(plan).forEach((project, declarationIndex) => {
        const involvedWilling = involvedMembers(project).filter(member => willingSet.has(member));
        const facts: ProjectFacts = {
            supportsInitiative: supportedInitiatives(project).length > 0,
            willingCount: willing.length,
            involvedWilling: involvedWilling.length,
            involvedTrainedWilling: involvedWilling.filter(member => member.trained).length,
            traits: traitLevels(project)
        };
        projects.push({
            ...scoreProject(facts, settings),
            project,
            stage: project.$container,
            facts,
            rank: 0,
            involvedWilling,
            declarationIndex
        });
    });
    const ranked = [...projects].sort(
        (a, b) =>
            b.score - a.score ||
            b.facts.involvedTrainedWilling - a.facts.involvedTrainedWilling ||
            a.declarationIndex - b.declarationIndex
    );
    ranked.forEach((entry, index) => (entry.rank = index + 1));
    const byProject = new Map(projects.map(entry => [entry.project, entry]));
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
        of: project => byProject.get(project)
    };
}
