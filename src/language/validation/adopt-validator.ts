/**
 * All checks of docs/diagnostics.md, registered by AST type in one place. Each check is a small
 * function named for the rule it enforces, in the file of its theme.
 */
import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { mayLeaveOutDeclarations } from '../parser/parse-errors.js';
import { NAMESPACES, type DeclarationKind } from '../model/declaration-kinds.js';
import type { AdoptAstType, Plan } from '../generated/ast.js';
import type { AdoptServices } from '../adopt-module.js';
import { PROJECT_ANALYSIS_READS } from '../score/quick-win-service.js';
import { actionShouldHaveAnOwner, actionShouldNotBeOverdue } from './action-checks.js';
import {
    coalitionNeedsManagers, launchMustWaitForHumanBandwidth, managersShouldBeTrainedBeforeLaunch, naysayersShouldHearAStory
} from './coalition-checks.js';
import {
    actionDueDateMustBeACalendarDate, actionShouldBeDueWithinItsStage, stageDatesMustBeCalendarDates, stageShouldNotStartBeforeItsPredecessor,
    stageWindowMustNotBeReversed
} from './date-checks.js';
import { goalNeedsAMetric, metricNeedsATarget, metricsShouldNotAllBeVanity } from './metric-checks.js';
import { metricNamesMustBeUnique, namesMustBeUniqueInPlan } from './naming-checks.js';
import {
    channelsShouldBeLaunchedBeforeUse, planShouldHaveQuickWins, projectShouldInvolveTrainedMembers, projectShouldReachTheCoalition,
    projectShouldSupportAnInitiative, projectShouldUseUntappedOpportunities, quickWinsShouldEachHaveAStory, quickWinsShouldGoOnTheRoadShow,
    storyShouldComeFromAQuickWin
} from './project-checks.js';
import { useMustNameASharedFile, useMustNotCloseACycle, usedNamesMustNotClash, usesShouldBeNeeded } from './use-checks.js';
import { initialStageShouldRepeatTheMantra, stagesMustNotFormACycle, storyMustComeAfterItsProject } from './stage-checks.js';

export function registerValidationChecks(services: AdoptServices): void {
    const registry = services.validation.ValidationRegistry;
    const quickWins = services.score.QuickWins;
    const withScores = <N>(check: (node: N, accept: ValidationAcceptor, q: typeof quickWins) => void) =>
        (node: N, accept: ValidationAcceptor) => check(node, accept, quickWins);
    const today = services.model.Today;

    // A file whose plan header did not parse (an empty file, a word of garbage) has nothing to
    // check but its syntax: the plan needs its name and the brace that opens its body.
    const facts = services.syntax.Facts;
    const hasPlanBody = (plan: Plan) => Boolean(plan.name) && facts.keywordRange(plan, '{') !== undefined;
    const planCheck = (check: (plan: Plan, accept: ValidationAcceptor) => void) =>
        (plan: Plan, accept: ValidationAcceptor) => { if (hasPlanBody(plan)) check(plan, accept); };
    // A check that reports what the plan lacks says nothing while a syntax error may have left
    // declarations out of the tree: what it misses may be there (parser/syntax-problems.ts).
    const absenceCheck = (check: (plan: Plan, accept: ValidationAcceptor) => void) =>
        planCheck((plan, accept) => { if (!mayLeaveOutDeclarations(AstUtils.getDocument(plan).parseResult)) check(plan, accept); });

    const usedFiles = services.workspace.UsedFiles;
    const documents = services.shared.workspace.LangiumDocuments;

    const checks: ValidationChecks<AdoptAstType> = {
        AdoptFile: inOrder(usedNamesMustNotClash, usesShouldBeNeeded),
        Use: inOrder((use, accept) => useMustNameASharedFile(use, accept, usedFiles, documents), useMustNotCloseACycle),
        Shared: namesMustBeUniqueInPlan,
        Plan: [
            keptUnless(PLAN_RULES_READ.namesMustBeUniqueInPlan, planCheck(namesMustBeUniqueInPlan)),
            planCheck(withScores(stagesMustNotFormACycle)),
            absenceCheck(withScores(initialStageShouldRepeatTheMantra)),
            absenceCheck(withScores(coalitionNeedsManagers)),
            absenceCheck(naysayersShouldHearAStory),
            absenceCheck(withScores(planShouldHaveQuickWins)),
            absenceCheck(withScores(quickWinsShouldGoOnTheRoadShow)),
            absenceCheck(managersShouldBeTrainedBeforeLaunch),
            keptUnless(PLAN_RULES_READ.channelsShouldBeLaunchedBeforeUse, absenceCheck(withScores(channelsShouldBeLaunchedBeforeUse))),
            absenceCheck(withScores(quickWinsShouldEachHaveAStory))
        ],
        Stage: inOrder(stageDatesMustBeCalendarDates, stageWindowMustNotBeReversed, withScores(stageShouldNotStartBeforeItsPredecessor)),
        Action: inOrder(
            actionDueDateMustBeACalendarDate,
            actionShouldBeDueWithinItsStage,
            (action, accept) => actionShouldNotBeOverdue(action, accept, today),
            actionShouldHaveAnOwner
        ),
        Launch: withScores(launchMustWaitForHumanBandwidth),
        Story: inOrder(withScores(storyMustComeAfterItsProject), withScores(storyShouldComeFromAQuickWin)),
        // A plan has thousands of projects: their checks run as one (see inOrder).
        Project: inOrder(
            metricNamesMustBeUnique,
            metricsShouldNotAllBeVanity,
            withScores(projectShouldInvolveTrainedMembers),
            withScores(projectShouldSupportAnInitiative),
            withScores(projectShouldUseUntappedOpportunities),
            withScores(projectShouldReachTheCoalition)
        ),
        Goal: inOrder(goalNeedsAMetric, metricNamesMustBeUnique, metricsShouldNotAllBeVanity),
        Metric: metricNeedsATarget
    };
    registry.register(checks);
}

/**
 * What the checks of a node type read besides the node, what it holds and what holds it (its
 * stage, its plan): the types of declaration an edit of which can change their results. Today's
 * date, the options of the validation and the declarations of the files a plan uses count for
 * every type. The fast build keeps the diagnostics of the nodes of these types from one version of
 * a document to the next, and checks such a node again only when an edit touched it, something it
 * holds or holds it, or a declaration of a type it reads (docs/architecture.md, the fast build;
 * tests/language/fast-build/incremental-validation.test.ts compares it with a full validation on
 * random edits). Every other type is checked again after every edit: the plan-wide rules, and
 * the stages, stories and launches, which read across the plan. A check registered on a type
 * listed here must read no more than its entry says, or its entry must say more.
 */
export const CHECKS_READ: Readonly<Partial<Record<keyof AdoptAstType, ReadonlyArray<keyof AdoptAstType>>>> = {
    // Its reach, trained members and initiative: its quick-win analysis, which reads the coalition
    // (here or in a used file) and the initiatives.
    Project: PROJECT_ANALYSIS_READS,
    Goal: [],
    Metric: [],
    // Its stage's window (a container), today.
    Action: []
};

/** The kinds whose names must differ in the whole plan (the namespaces of duplicate-name that are plan-wide). */
const PLAN_WIDE_KINDS = (Object.keys(NAMESPACES) as DeclarationKind[]).filter(kind => typeof NAMESPACES[kind] === 'function');

/** A property of a node type of the grammar (not one of Langium's `$` fields). */
type NodeProperty<T extends keyof AdoptAstType> = Exclude<keyof AdoptAstType[T] & string, `$${string}`>;

/** What a rule reads: every property of a node type (`Stage`), or one (`Project.name`). */
export type NodeRead = { [T in keyof AdoptAstType]: T | `${T}.${NodeProperty<T>}` }[keyof AdoptAstType];

/**
 * What a plan-wide rule reads, for the rules whose results the fast build may keep from one
 * version of a plan to the next: the rule runs again only after an edit that changed something it
 * reads (a property listed, any property of a type listed, or the shape of what the edit parsed
 * again: fast-build/tree-state.ts, `reachOf`), or overlaps one of its diagnostics; otherwise its
 * diagnostics of the version before stand, moved with the text. As in `CHECKS_READ`, today, the
 * options and the used files count for every rule; a rule not listed here runs after every edit.
 */
export const PLAN_RULES_READ = {
    // The plan (its header), and each plan-wide kind's names.
    namesMustBeUniqueInPlan: ['Plan', ...PLAN_WIDE_KINDS.map(kind => `${kind}.name` as const)],
    // The stages (their order, launches and projects), the channels launched and used, and the projects' and channels' names.
    channelsShouldBeLaunchedBeforeUse: ['Plan', 'Stage', 'Launch', 'Channel.name', 'Project.name', 'Uses']
} satisfies Record<string, readonly NodeRead[]>;

const RULE_READS = new WeakMap<object, readonly string[]>();

/** A check whose results may be kept after an edit that changed nothing it reads. */
function keptUnless<C extends object>(reads: readonly NodeRead[], check: C): C {
    RULE_READS.set(check, reads);
    return check;
}

/**
 * What a check reads, when it said so (`keptUnless`); a registry that wraps the checks it is
 * given passes this on to the wrapper (`carryRuleReads`).
 */
export function ruleReads(check: object): readonly string[] | undefined {
    return RULE_READS.get(check);
}

/** Gives `wrapper` what `check` reads (a registry's wrapper around a registered check). */
export function carryRuleReads(check: object, wrapper: object): void {
    const reads = RULE_READS.get(check);
    if (reads) RULE_READS.set(wrapper, reads);
}

/**
 * Several checks of one node type as one registered check, in order. Langium awaits every
 * registered check of every node; on 10,000 projects one check instead of six saves that many
 * round trips. A check that throws does not stop the others; the first error is rethrown at the
 * end, for Langium to report as it reports any failing check.
 */
function inOrder<N>(...checks: Array<(node: N, accept: ValidationAcceptor) => void>): (node: N, accept: ValidationAcceptor) => void {
    return (node, accept) => {
        let failure: { error: unknown } | undefined;
        for (const check of checks) {
            try {
                check(node, accept);
            } catch (error) {
                failure ??= { error };
            }
        }
        if (failure) throw failure.error;
    };
}

