/**
 * All checks of SPEC section 3, registered by AST type in one place. Each check is a small
 * function named for the rule it enforces, in the file of its theme.
 */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { AdoptAstType, Plan } from '../generated/ast.js';
import type { AdoptServices } from '../adopt-module.js';
import { coalitionNeedsManagers, launchMustWaitForHumanBandwidth, naysayersShouldHearAStory } from './coalition-checks.js';
import { goalNeedsAMetric, metricNeedsATarget, metricsShouldNotAllBeVanity } from './metric-checks.js';
import { metricNamesMustBeUnique, namesMustBeUniqueInPlan } from './naming-checks.js';
import {
    planShouldHaveQuickWins, projectShouldInvolveTrainedMembers, projectShouldReachTheCoalition, projectShouldSupportAnInitiative,
    projectShouldUseUntappedOpportunities, quickWinsShouldGoOnTheRoadShow
} from './project-checks.js';
import { initialStageShouldRepeatTheMantra, stagesMustNotFormACycle, storyMustComeAfterItsProject } from './stage-checks.js';

export function registerValidationChecks(services: AdoptServices): void {
    const registry = services.validation.ValidationRegistry;
    const quickWins = services.score.QuickWins;
    const withScores = <N>(check: (node: N, accept: ValidationAcceptor, q: typeof quickWins) => void) =>
        (node: N, accept: ValidationAcceptor) => check(node, accept, quickWins);

    // A file whose plan header did not parse (an empty file, a word of garbage) has nothing to
    // check but its syntax: the plan needs its name and the brace that opens its body.
    const facts = services.syntax.Facts;
    const hasPlanBody = (plan: Plan) => Boolean(plan.name) && facts.keywordRange(plan, '{') !== undefined;
    const planCheck = (check: (plan: Plan, accept: ValidationAcceptor) => void) =>
        (plan: Plan, accept: ValidationAcceptor) => { if (hasPlanBody(plan)) check(plan, accept); };

    const checks: ValidationChecks<AdoptAstType> = {
        Plan: [
            planCheck(namesMustBeUniqueInPlan),
            planCheck(withScores(stagesMustNotFormACycle)),
            planCheck(withScores(initialStageShouldRepeatTheMantra)),
            planCheck(withScores(coalitionNeedsManagers)),
            planCheck(naysayersShouldHearAStory),
            planCheck(withScores(planShouldHaveQuickWins)),
            planCheck(withScores(quickWinsShouldGoOnTheRoadShow))
        ],
        Launch: withScores(launchMustWaitForHumanBandwidth),
        Story: withScores(storyMustComeAfterItsProject),
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

