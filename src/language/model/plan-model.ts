/**
 * Plain queries over a plan's syntax tree: members, stages and their order, projects and stories.
 * Everything here is a pure function of the (linked) AST; the quick-win service memoises the
 * results per document version.
 */
import type { AstNode, Reference } from 'langium';
import type { Member, Plan, Project, Stage, Story, TraitKind, Level } from '../generated/ast.js';

export const MANAGER_ROLES: ReadonlySet<string> = new Set(['middle-manager', 'operational-manager']);
export const TRAIT_KINDS: readonly TraitKind[] = ['asynchrony', 'geography', 'crowdsourcing'];
export const LEVEL_VALUES: Readonly<Record<Level, number>> = { low: 1 / 3, medium: 2 / 3, high: 1 };

export function isManager(member: Member): boolean {
    return MANAGER_ROLES.has(member.role);
}

/** A willing member is any coalition member who is not a naysayer. */
export function isWilling(member: Member): boolean {
    return member.role !== 'naysayer';
}

export function allMembers(plan: Plan): Member[] {
    return plan.coalitions.flatMap(coalition => coalition.members);
}

/**
 * Members that count once per name: the first declaration of each name (later duplicates are
 * reported as `duplicate-name` and otherwise ignored).
 */
export function distinctMembers(plan: Plan): Member[] {
    const seen = new Set<string>();
    const result: Member[] = [];
    for (const member of allMembers(plan)) {
        if (!seen.has(member.name)) {
            seen.add(member.name);
            result.push(member);
        }
    }
    return result;
}

export function allProjects(plan: Plan): Project[] {
    return plan.stages.flatMap(stage => stage.projects);
}

export function allStories(plan: Plan): Story[] {
    return plan.stages.flatMap(stage => stage.stories);
}

/** The resolved targets of a list of references, each target once, in order of first mention. */
export function resolvedTargets<T extends AstNode>(refs: Iterable<Reference<T>>): T[] {
    const seen = new Set<T>();
    for (const ref of refs) {
        const target = ref.ref;
        if (target && !seen.has(target)) {
            seen.add(target);
        }
    }
    return [...seen];
}

export function supportedInitiatives(project: Project) {
    return resolvedTargets(project.supports.flatMap(clause => clause.initiatives));
}

export function involvedMembers(project: Project): Member[] {
    return resolvedTargets(project.involves.flatMap(clause => clause.members));
}

/** The level of each trait the project declares (a bare trait means `high`); absent traits are missing. */
export function traitLevels(project: Project): Map<TraitKind, Level> {
    const levels = new Map<TraitKind, Level>();
    for (const trait of project.traits) {
        const level: Level = trait.level ?? 'high';
        const previous = levels.get(trait.kind);
        // A trait written twice counts at its highest level.
        if (!previous || LEVEL_VALUES[level] > LEVEL_VALUES[previous]) {
            levels.set(trait.kind, level);
        }
    }
    return levels;
}

/**
 * The order of a plan's stages (SPEC section 1): a stage's predecessor is its `after` stage if
 * given, else the stage declared just before it. S comes after T when T is reached by following
 * predecessors from S.
 */
export class StageOrder {
    readonly predecessor = new Map<Stage, Stage | undefined>();
    /** Stages whose `after` chain leads back to themselves. */
    readonly cyclic = new Set<Stage>();
    readonly initial: Stage | undefined;
    private readonly stages: readonly Stage[];

    constructor(plan: Plan) {
        this.stages = plan.stages;
        this.stages.forEach((stage, index) => {
            const after = stage.after?.ref;
            this.predecessor.set(stage, after ?? (index > 0 ? this.stages[index - 1] : undefined));
        });
        for (const stage of this.stages) {
            if (this.reaches(stage, stage)) {
                this.cyclic.add(stage);
            }
        }
        this.initial = this.stages.find(stage => this.predecessor.get(stage) === undefined);
    }

    /** True when `later` comes after `earlier`: `earlier` is reached by following predecessors from `later`. */
    comesAfter(later: Stage, earlier: Stage): boolean {
        return this.reaches(later, earlier);
    }

    /** Stages whose predecessor is `stage`, in declaration order. */
    directSuccessors(stage: Stage): Stage[] {
        return this.stages.filter(candidate => this.predecessor.get(candidate) === stage);
    }

    /**
     * The last stage of the stage order: the stage with the longest chain of predecessors (the
     * latest declared among equals). Undefined for a plan without stages.
     */
    last(): Stage | undefined {
        let best: Stage | undefined;
        let bestDepth = -1;
        for (const stage of this.stages) {
            const depth = this.depth(stage);
            if (depth >= bestDepth) {
                best = stage;
                bestDepth = depth;
            }
        }
        return best;
    }

    private depth(stage: Stage): number {
        let depth = 0;
        const visited = new Set<Stage>([stage]);
        let current = this.predecessor.get(stage);
        while (current && !visited.has(current)) {
            visited.add(current);
            depth++;
            current = this.predecessor.get(current);
        }
        return depth;
    }

    private reaches(from: Stage, target: Stage): boolean {
        const visited = new Set<Stage>();
        let current = this.predecessor.get(from);
        while (current && !visited.has(current)) {
            if (current === target) {
                return true;
            }
            visited.add(current);
            current = this.predecessor.get(current);
        }
        return false;
    }
}
