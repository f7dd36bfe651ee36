/**
 * The quick fixes of docs/diagnostics.md and docs/configuration.md, keyed by diagnostic code. The code action provider
 * looks a diagnostic's code up here; a code without an entry has no fix of its own. Besides
 * these, every diagnostic that is not an error gets "Ignore CODE on this line" (ignore-fixes.ts).
 */
import { IssueCodes, type IssueCode } from '../../validation/issue-codes.js';
import { markActionDone } from './action-fixes.js';
import { removeUnusedSuppression } from './ignore-fixes.js';
import { addMetricSkeleton } from './metric-fixes.js';
import { addMissingTrait, involveTrainedMembers, supportAnInitiative } from './project-fixes.js';
import type { QuickFix } from './quickfix.js';
import { replaceWithKeyword, fixUnresolvedReference } from './reference-fixes.js';
import { addStatusQuoMantra, launchChannelInStage, moveLaunchToNextStage } from './stage-fixes.js';
import { addNaysayerToAudience, addRoadShowStory, addStoryForQuickWin } from './story-fixes.js';
import { removeUnusedUse, useSharedFileOfSameName } from './use-fixes.js';

export const QuickFixes: Readonly<Partial<Record<IssueCode, QuickFix>>> = {
    [IssueCodes.UnresolvedReference]: fixUnresolvedReference,
    [IssueCodes.SyntaxError]: replaceWithKeyword,
    [IssueCodes.VirtualBeforeHuman]: moveLaunchToNextStage,
    [IssueCodes.GoalWithoutMetric]: addMetricSkeleton,
    [IssueCodes.FreestandingProject]: supportAnInitiative,
    [IssueCodes.UntappedOpportunity]: addMissingTrait,
    [IssueCodes.LowReach]: involveTrainedMembers,
    [IssueCodes.RoadShowMissing]: addRoadShowStory,
    [IssueCodes.NaysayerUnreached]: addNaysayerToAudience,
    [IssueCodes.MantraMissing]: addStatusQuoMantra,
    [IssueCodes.UnusedSuppression]: removeUnusedSuppression,
    [IssueCodes.ChannelNotLaunched]: launchChannelInStage,
    [IssueCodes.OverdueAction]: markActionDone,
    [IssueCodes.UntoldQuickWin]: addStoryForQuickWin,
    [IssueCodes.UnusedUse]: removeUnusedUse,
    [IssueCodes.UseNotFound]: useSharedFileOfSameName
};
