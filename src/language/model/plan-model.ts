/**
 * Plain queries over a plan's syntax tree: members, stages and their order, projects and stories.
 * Everything here is a pure function of the (linked) AST; the quick-win service memoises the
 * results per document version.
 */
import { AstUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { isAdoptFile, type Action, type AdoptFile, type Channel, type Initiative, type Level, type Member, type Metric, type Plan, type Project, type Shared, type Stage, type Story, type Target, type TraitKind } from '../generated/ast.js';

/** What a file holds after its `use` lines: a plan, or a shared block (docs/language.md#plans-in-many-files). */
export type Block = Plan | Shared;

/** The plan of a file, if the file holds one (its root is the file; the plan is its block). */
export function planOfFile(root: AstNode): Plan | undefined {
    return isAdoptFile(root) ? root.plan : undefined;
}

/** The block a file holds: its plan or its shared block (undefined when neither parsed). */
export function blockOfFile(root: AstNode): Block | undefined {
    return isAdoptFile(root) ? root.plan ?? root.shared : undefined;
}

/** Empty plans standing in files that hold none (`planOfDocument`), by file. */
const emptyPlans = new WeakMap<AstNode, Plan>();

/**
 * The plan of a document: the plan its file holds; for a file without one (a shared file, or a
 * text whose plan did not parse), an empty plan standing in that file (not part of its tree), so
 * that ranking, overview and report read every document the same way: nothing to rank.
 */
export function planOfDocument(document: LangiumDocument): Plan {
    const root = document.parseResult.value;
    const plan = planOfFile(root);
    if (plan) return plan;
    let empty = emptyPlans.get(root);
    if (!empty) {
        // A stand-in for what the parser would build of `plan` with nothing after it.
        empty = { $type: 'Plan', $container: root as AdoptFile, $containerProperty: 'plan', name: '', title: '', coalitions: [], channels: [], initiatives: [], stages: [] };
        emptyPlans.set(root, empty);
    }
    return empty;
}

/** The plan a node belongs to, if its file holds a plan. */
export function planOf(node: AstNode): Plan | undefined {
    return planOfFile(AstUtils.findRootNode(node));
}

/** The file (root) a block stands in. */
export function fileOf(block: Block): AdoptFile {
    return block.$container;
}

/** The stages of a block: a plan's; a shared block has none. */
export function stagesOf(block: Block): Stage[] {
    return block.$type === 'Plan' ? (block as Plan).stages : [];
}

/**
 * The shared blocks of the files that the block's file uses directly, each once, in the order of
 * the `use` lines (`use` is not transitive). A `use` that names no shared file is left out.
 */
export function usedBlocks(block: Block): Shared[] {
    return usedBlocksWithPaths(block).map(used => used.shared);
}

/** A shared file that a file uses directly: the path its `use` writes, and the shared block it holds. */
export interface UsedBlock {
    readonly path: string;
    readonly shared: Shared;
}

/** `usedBlocks` with the path of the `use` that names each (the first, when two name one file). */
export function usedBlocksWithPaths(block: Block): UsedBlock[] {
    const file = block.$container;
    if (!file || file.uses.length === 0) return [];
    const result: UsedBlock[] = [];
    for (const use of file.uses) {
        const shared = use.shared?.ref;
        if (shared && shared !== block && !result.some(used => used.shared === shared)) result.push({ path: use.shared.$refText, shared });
    }
    return result;
}

/** The members a plan sees: its own, then those of the files it uses, in that order. */
export function seenMembers(block: Block): Member[] {
    const own = allMembers(block);
    const used = usedBlocks(block);
    return used.length === 0 ? own : own.concat(...used.map(allMembers));
}

/** The channels a plan sees: its own, then those of the files it uses. */
export function seenChannels(block: Block): Channel[] {
    const used = usedBlocks(block);
    return used.length === 0 ? block.channels : block.channels.concat(...used.map(shared => shared.channels));
}

/** The initiatives a plan sees: its own, then those of the files it uses. */
export function seenInitiatives(block: Block): Initiative[] {
    const used = usedBlocks(block);
    return used.length === 0 ? block.initiatives : block.initiatives.concat(...used.map(shared => shared.initiatives));
}

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

/** The members a block declares itself, in the order written. */
export function allMembers(block: Block): Member[] {
    return block.coalitions.flatMap(coalition => coalition.members);
}

/**
 * Members that count once per name: the first declaration of each name (later duplicates are
 * reported as `duplicate-name` and otherwise ignored), among the plan's own members and then
 * those of the files it uses.
 */
export function distinctMembers(block: Block): Member[] {
    const seen = new Set<string>();
    const result: Member[] = [];
    for (const member of seenMembers(block)) {
        if (!seen.has(member.name)) {
            seen.add(member.name);
            result.push(member);
        }
    }
    return result;
}

export function allProjects(block: Block): Project[] {
    return stagesOf(block).flatMap(stage => stage.projects);
}

export function allStories(block: Block): Story[] {
    return stagesOf(block).flatMap(stage => stage.stories);
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
const LEVELS: readonly Level[] = ['low', 'medium', 'high'];

/**
 * The level of each declared trait of a project (a trait written twice counts at its highest
 * level; a trait without a level is `high`). There are 64 possible answers: each is built once
 * and shared by every project with the same traits, read only, in the order of TRAIT_KINDS.
 */
export function traitLevels(project: Project): ReadonlyMap<TraitKind, Level> {
    // 0 = absent, 1..3 = low..high, two bits per trait kind.
    let asynchrony = 0, geography = 0, crowdsourcing = 0;
    for (const trait of project.traits) {
        const level = trait.level === undefined ? 3 : LEVELS.indexOf(trait.level) + 1;
        if (trait.kind === 'asynchrony') asynchrony = Math.max(asynchrony, level);
        else if (trait.kind === 'geography') geography = Math.max(geography, level);
        else if (trait.kind === 'crowdsourcing') crowdsourcing = Math.max(crowdsourcing, level);
    }
    const key = (asynchrony << 4) | (geography << 2) | crowdsourcing;
    return (sharedTraitLevels[key] ??= levelsMap([asynchrony, geography, crowdsourcing]));
}

const sharedTraitLevels: Array<ReadonlyMap<TraitKind, Level> | undefined> = [];

function levelsMap(levelByKind: readonly number[]): ReadonlyMap<TraitKind, Level> {
    const levels = new Map<TraitKind, Level>();
    TRAIT_KINDS.forEach((kind, i) => {
        if (levelByKind[i] > 0) levels.set(kind, LEVELS[levelByKind[i] - 1]);
    });
    return levels;
}

/** A project's effort (docs/language.md#a-plan-under-way): the highest level it states; undefined when it states none. */
export function effortOf(project: Project): Level | undefined {
    let effort = 0;
    for (const stated of project.efforts) {
        if (stated.level) effort = Math.max(effort, LEVELS.indexOf(stated.level) + 1);
    }
    return effort === 0 ? undefined : LEVELS[effort - 1];
}

/** Every action of a plan, in the order written: each stage's own and its projects', stage by stage. */
export function allActions(block: Block): Action[] {
    const actions: Action[] = [];
    for (const stage of stagesOf(block)) {
        // A stage without actions of its own: its projects' actions are in the order written.
        if (stage.actions.length === 0) {
            for (const project of stage.projects) for (const action of project.actions) actions.push(action);
            continue;
        }
        const projectsAt = stage.projects.map(project => project.$cstNode?.offset ?? 0);
        const own = stage.actions.map(action => ({ action, at: action.$cstNode?.offset ?? 0 }));
        const inProjects = stage.projects.flatMap((project, i) => project.actions.map(action => ({ action, at: action.$cstNode?.offset ?? projectsAt[i] })));
        for (const { action } of [...own, ...inProjects].sort((a, b) => a.at - b.at)) actions.push(action);
    }
    return actions;
}

/** The stage an action belongs to: the stage it is in, or its project's stage. */
export function stageOfAction(action: Action): Stage {
    const container = action.$container;
    return container.$type === 'Stage' ? container as Stage : (container as Project).$container;
}

/** Whether an action is done (an action without a status is still to do). */
export function isDone(action: Action): boolean {
    return action.status === 'done';
}

/** How many of the actions are done. */
export function actionsDone(actions: readonly Action[]): { readonly done: number; readonly total: number } {
    return { done: actions.filter(isDone).length, total: actions.length };
}

/** A metric's target or actual as written: `500`, `60%`, `12.5`. */
export function writtenTarget(target: Target): string {
    return `${target.value}${target.percent ? '%' : ''}`;
}

/** Where a metric stands: its actual against its target (ratio 0.64 for 320 of 500); undefined without both, or with a target of 0. */
export interface Progress {
    readonly actual: Target;
    readonly target: Target;
    readonly ratio: number;
}

export function progressOf(metric: Metric): Progress | undefined {
    const { actual, target } = metric;
    if (!actual || !target || !(target.value > 0)) return undefined;
    return { actual, target, ratio: actual.value / target.value };
}

/** `320 of 500, 64%`: a metric's progress in words. */
export function progressText(progress: Progress): string {
    return `${writtenTarget(progress.actual)} of ${writtenTarget(progress.target)}, ${Math.round(progress.ratio * 100)}%`;
}

/**
 * The order of a plan's stages (docs/language.md): a stage's predecessor is its `after` stage if
 * given, else the stage declared just before it. S comes after T when T is reached by following
 * predecessors from S.
 *
 * Each stage has at most one predecessor, so the stages form a forest whose roots are the stages
 * without a predecessor, plus at most one cycle per tree. Everything is computed once, in linear
 * time, so that queries stay cheap on plans with tens of thousands of stages.
 */
export class StageOrder {
    readonly predecessor = new Map<Stage, Stage | undefined>();
    /** Stages whose predecessor chain leads back to themselves. */
    readonly cyclic = new Set<Stage>();
    readonly initial: Stage | undefined;
    private readonly stages: readonly Stage[];
    private readonly successors = new Map<Stage, Stage[]>();
    /** For a stage in a cycle: an id shared by all stages of that cycle. */
    private readonly cycleId = new Map<Stage, number>();
    /** Number of distinct stages reached by following predecessors, the stage itself excluded. */
    private readonly depths = new Map<Stage, number>();
    /** Entry and exit times of a walk of the forest without cycle edges (ancestor tests in O(1)). */
    private readonly entry = new Map<Stage, number>();
    private readonly exit = new Map<Stage, number>();
    /** The stage where following predecessors ends or enters a cycle (a root of the forest). */
    private readonly root = new Map<Stage, Stage>();

    constructor(plan: Plan) {
        this.stages = plan.stages;
        this.stages.forEach((stage, index) => {
            const after = stage.after?.ref;
            const predecessor = after ?? (index > 0 ? this.stages[index - 1] : undefined);
            this.predecessor.set(stage, predecessor);
            this.successors.set(stage, []);
        });
        for (const stage of this.stages) {
            const predecessor = this.predecessor.get(stage);
            if (predecessor) this.successors.get(predecessor)?.push(stage);
        }
        this.findCycles();
        this.walkForest();
        this.initial = this.stages.find(stage => this.predecessor.get(stage) === undefined);
    }

    /** True when `later` comes after `earlier`: `earlier` is reached by following predecessors from `later`. */
    comesAfter(later: Stage, earlier: Stage): boolean {
        const cycle = this.cycleId.get(earlier);
        if (cycle !== undefined) {
            // Following predecessors from `later` ends up going round this cycle.
            const root = this.root.get(later);
            return root !== undefined && this.cycleId.get(root) === cycle;
        }
        // `earlier` is outside every cycle: it must be a proper ancestor of `later` in the forest.
        const [inEarlier, outEarlier, inLater] = [this.entry.get(earlier), this.exit.get(earlier), this.entry.get(later)];
        if (inEarlier === undefined || outEarlier === undefined || inLater === undefined) return false;
        return later !== earlier && inEarlier < inLater && inLater < outEarlier;
    }

    /** Stages whose predecessor is `stage`, in declaration order. */
    directSuccessors(stage: Stage): Stage[] {
        return [...(this.successors.get(stage) ?? [])];
    }

    /**
     * The last stage of the stage order: the stage with the longest chain of predecessors (the
     * latest declared among equals). Undefined for a plan without stages.
     */
    last(): Stage | undefined {
        let best: Stage | undefined;
        let bestDepth = -1;
        for (const stage of this.stages) {
            const depth = this.depths.get(stage) ?? 0;
            if (depth >= bestDepth) {
                best = stage;
                bestDepth = depth;
            }
        }
        return best;
    }

    /** Marks the stages of every cycle, and the depth of each stage, in one pass over the chains. */
    private findCycles(): void {
        const state = new Map<Stage, 'walking' | 'done'>();
        let nextCycle = 0;
        for (const start of this.stages) {
            if (state.has(start)) continue;
            const path: Stage[] = [];
            let current: Stage | undefined = start;
            while (current && !state.has(current)) {
                state.set(current, 'walking');
                path.push(current);
                current = this.predecessor.get(current);
            }
            // The chain either ended, reached a stage already done, or closed a cycle on this path.
            let known = current ? (this.depths.get(current) ?? 0) + 1 : 0;
            let end = path.length;
            if (current && state.get(current) === 'walking') {
                const cycleStart = path.indexOf(current);
                const cycle = path.slice(cycleStart);
                for (const stage of cycle) {
                    this.cyclic.add(stage);
                    this.cycleId.set(stage, nextCycle);
                    this.depths.set(stage, cycle.length - 1);
                    state.set(stage, 'done');
                }
                nextCycle++;
                known = cycle.length;
                end = cycleStart;
            }
            for (let i = end - 1; i >= 0; i--) {
                this.depths.set(path[i], known);
                state.set(path[i], 'done');
                known++;
            }
        }
    }

    /** Numbers the stages in a depth-first walk from each root, without recursion. */
    private walkForest(): void {
        let clock = 0;
        const roots = this.stages.filter(stage => this.predecessor.get(stage) === undefined || this.cyclic.has(stage));
        for (const root of roots) {
            const stack: Array<{ stage: Stage; next: number }> = [{ stage: root, next: 0 }];
            this.entry.set(root, clock++);
            this.root.set(root, root);
            while (stack.length > 0) {
                const top = stack[stack.length - 1];
                const children = this.successors.get(top.stage) ?? [];
                // Cycle edges are not forest edges: a stage in a cycle is a root of its own.
                while (top.next < children.length && this.cyclic.has(children[top.next])) top.next++;
                if (top.next < children.length) {
                    const child = children[top.next++];
                    this.entry.set(child, clock++);
                    this.root.set(child, root);
                    stack.push({ stage: child, next: 0 });
                } else {
                    this.exit.set(top.stage, clock++);
                    stack.pop();
                }
            }
        }
    }
}
