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

    // A file whose plan header did not parse has nothing to check but its syntax.
    const planCheck = (check: (plan: Plan, accept: ValidationAcceptor) => void) =>
        (plan: Plan, accept: ValidationAcceptor) => { if (plan.name) check(plan, accept); };

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
        Project: [
            metricNamesMustBeUnique,
            metricsShouldNotAllBeVanity,
            withScores(projectShouldInvolveTrainedMembers),
            withScores(projectShouldSupportAnInitiative),
            withScores(projectShouldUseUntappedOpportunities),
            withScores(projectShouldReachTheCoalition)
        ],
        Goal: [goalNeedsAMetric, metricNamesMustBeUnique, metricsShouldNotAllBeVanity],
        Metric: metricNeedsATarget
    };
    registry.register(checks);
}
