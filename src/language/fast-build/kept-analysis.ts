/**
 * The quick-win analysis of a plan, kept from one version of a document to the next project by
 * project. After an incremental update (incremental-parse.ts) every declaration but the one
 * parsed again is the old tree's node; a project's analysis (its facts and score) reads only the
 * project, the coalition and the initiatives (PROJECT_ANALYSIS_READS), so when the edit touched
 * none of those, every other project keeps its analysis of the version before and only the
 * ranking is made again. A file that uses others is analysed in full (their edits are no edit of
 * this tree), as is a plan analysed with other settings.
 */
import { AstUtils } from 'langium';
import { isAdoptFile, type Plan, type Project } from '../generated/ast.js';
import type { AdoptServices } from '../adopt-module.js';
import { PROJECT_ANALYSIS_READS, QuickWinService, analyzePlan, type PlanAnalysis, type ProjectAnalysis } from '../score/quick-win-service.js';
import type { QuickWinSettings } from '../score/quick-win-settings.js';
import type { FastBuildServices } from './fast-build-module.js';
import type { SyntaxTrees } from './syntax-trees.js';
import { reachOf, type TreeEdit } from './tree-state.js';

export class FastQuickWinService extends QuickWinService {
    private readonly trees: SyntaxTrees;
    /** The analysis of each analysed tree, by its identity (tree-state.ts), for the next version's. */
    private readonly byTree = new WeakMap<object, PlanAnalysis>();
    /** Projects analysed, and projects whose analysis was kept from the version before, by the last analysis (tests read them). */
    readonly counts = { analysed: 0, kept: 0 };

    constructor(services: AdoptServices) {
        super(services);
        this.trees = (services as FastBuildServices).fastBuild.SyntaxTrees;
    }

    protected override compute(plan: Plan, settings: QuickWinSettings): PlanAnalysis {
        const root = AstUtils.findRootNode(plan);
        const state = this.trees.stateOf(root);
        const edit = state?.edit;
        const before = edit && this.byTree.get(edit.from);
        const kept = before && before.settings === settings && !(isAdoptFile(root) && root.uses.length > 0)
            ? keptAnalyses(before, edit) : undefined;
        let keptCount = 0;
        const analysis = analyzePlan(plan, settings, kept && (project => {
            const entry = kept(project);
            if (entry) keptCount++;
            return entry;
        }), kept ? before?.ranked : undefined);
        this.counts.kept = keptCount;
        this.counts.analysed = analysis.projects.length - keptCount;
        if (state) this.byTree.set(state.identity, analysis);
        return analysis;
    }
}

/** The analyses of the version before that an edit left as they were; undefined when it touched what every project reads. */
function keptAnalyses(before: PlanAnalysis, edit: TreeEdit): ((project: Project) => ProjectAnalysis | undefined) | undefined {
    const { changed, touchedTypes } = reachOf(edit);
    if (PROJECT_ANALYSIS_READS.some(type => touchedTypes.has(type))) return undefined;
    // The declaration parsed again may be a clause of a project: what holds it changed too.
    return project => (changed.has(project) ? undefined : before.of(project));
}
