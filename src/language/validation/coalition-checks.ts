/**
 * The first hurdle: human bandwidth before virtual bandwidth. Enough managers in the coalition,
 * no channel launched before then, and every naysayer reached by a success story.
 */
import type { ValidationAcceptor } from 'langium';
import type { Launch, Plan } from '../generated/ast.js';
import { allStories, distinctMembers, isManager, resolvedTargets } from '../model/plan-model.js';
import type { QuickWinService } from '../score/quick-win-service.js';
import { IssueCodes } from './issue-codes.js';
import { quoted, report } from './report.js';

export const MIN_MANAGERS = 2;

export function coalitionNeedsManagers(plan: Plan, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const managers = quickWins.analyze(plan).managerCount;
    if (managers >= MIN_MANAGERS) return;
    const message = `The coalition has ${managers === 0 ? 'no' : 'only ' + managers} manager${managers === 1 ? '' : 's'}. Win over at least ${MIN_MANAGERS} middle or operational managers who understand the need before going further: build the coalition of the willing before the coalition of the online.`;
    const coalition = plan.coalitions[0];
    if (coalition) {
        report(accept, IssueCodes.FewManagers, message, { node: coalition, keyword: 'coalition' });
    } else {
        report(accept, IssueCodes.FewManagers, message, { node: plan, property: 'name' });
    }
}

/**
 * Managers carry the adoption: when the plan launches channels and has the managers it needs,
 * at least half of them should be trained.
 */
export function managersShouldBeTrainedBeforeLaunch(plan: Plan, accept: ValidationAcceptor): void {
    if (!plan.stages.some(stage => stage.launches.length > 0)) return;
    const managers = distinctMembers(plan).filter(isManager);
    const trained = managers.filter(member => member.trained).length;
    if (managers.length < MIN_MANAGERS || trained * 2 >= managers.length) return;
    // On the plan's first coalition keyword, else on its name (its managers may all be in files it uses).
    const coalition = plan.coalitions[0];
    const message = `${trained === 0 ? 'None' : `Only ${trained}`} of the coalition's ${managers.length} managers ${trained === 1 ? 'is' : 'are'} trained, and the plan launches channels. Train at least half of the managers (mark them trained) before the launch: they are the ones who show the others how.`;
    if (coalition) {
        report(accept, IssueCodes.UntrainedManagers, message, { node: coalition, keyword: 'coalition' });
    } else {
        report(accept, IssueCodes.UntrainedManagers, message, { node: plan, property: 'name' });
    }
}

export function launchMustWaitForHumanBandwidth(launch: Launch, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const stage = launch.$container;
    const analysis = quickWins.analyze(stage.$container);
    const reasons: string[] = [];
    const inInitial = analysis.stageOrder.initial === stage;
    if (inInitial) {
        reasons.push(`${quoted(stage.name)} is the initial stage, which is for building human bandwidth`);
    }
    if (analysis.managerCount < MIN_MANAGERS) {
        reasons.push(`the coalition has fewer than ${MIN_MANAGERS} managers`);
    }
    if (reasons.length === 0) return;
    const next = inInitial ? analysis.stageOrder.directSuccessors(stage)[0] : undefined;
    report(accept, IssueCodes.VirtualBeforeHuman,
        `Launching channels now puts virtual bandwidth before human bandwidth: ${reasons.join(', and ')}. ${inInitial ? 'Move the launch to a later stage' : 'Win over more managers first, or launch later'}.`,
        { node: launch },
        next?.name ? { targetStage: next.name } : {});
}

export function naysayersShouldHearAStory(plan: Plan, accept: ValidationAcceptor): void {
    const stories = allStories(plan);
    const reached = new Set(resolvedTargets(stories.flatMap(story => story.audience)));
    for (const member of distinctMembers(plan)) {
        if (member.name && member.role === 'naysayer' && !reached.has(member)) {
            report(accept, IssueCodes.NaysayerUnreached,
                `The naysayer '${member.name}' hears no success story. Add them to a story's audience on the internal road show.`,
                { node: member, property: 'name' },
                stories[0]?.name ? { story: stories[0].name } : {});
        }
    }
}
