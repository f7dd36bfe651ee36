/**
 * The second hurdle: choosing projects that are low-hanging fruit (coalition reach, an existing
 * initiative, the three untapped opportunities) and turning quick wins into stories.
 */
import type { ValidationAcceptor } from 'langium';
import type { Channel, Plan, Project, Stage, Story } from '../generated/ast.js';
import { allStories } from '../model/plan-model.js';
import type { QuickWinService } from '../score/quick-win-service.js';
import { IssueCodes } from './issue-codes.js';
import { quoted, report } from './report.js';

export function projectShouldInvolveTrainedMembers(project: Project, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const analysis = quickWins.analysisOf(project);
    if (!analysis || !project.name || analysis.involvedWilling.length === 0 || analysis.facts.involvedTrainedWilling > 0) return;
    report(accept, IssueCodes.UntrainedProject,
        `Project '${project.name}' involves willing members but none of them is trained. Train one of them (mark them trained), or involve a trained member.`,
        { node: project, property: 'name' });
}

export function projectShouldSupportAnInitiative(project: Project, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const analysis = quickWins.analysisOf(project);
    if (!analysis || !project.name || analysis.facts.supportsInitiative) return;
    report(accept, IssueCodes.FreestandingProject,
        `Project '${project.name}' is a freestanding endeavour. Apply social media to an existing initiative instead: add 'supports' with one of the plan's initiatives.`,
        { node: project, property: 'name' });
}

export function projectShouldUseUntappedOpportunities(project: Project, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const analysis = quickWins.analysisOf(project);
    if (!analysis || !project.name || analysis.missingTraits.length === 0) return;
    const missing = analysis.missingTraits;
    report(accept, IssueCodes.UntappedOpportunity,
        `Project '${project.name}' leaves untapped: ${missing.join(', ')}. Projects that bridge time (asynchrony), space (geography) and build shared artifacts (crowdsourcing) succeed more often: add ${missing.length > 1 ? 'them' : 'it'} if the project can use ${missing.length > 1 ? 'them' : 'it'}.`,
        { node: project, property: 'name' },
        { missingTraits: missing });
}

export function projectShouldReachTheCoalition(project: Project, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const analysis = quickWins.analysisOf(project);
    if (!analysis || !project.name) return;
    const willing = analysis.facts.willingCount;
    const involved = analysis.facts.involvedWilling;
    if (willing === 0 || involved * 2 >= willing) return;
    report(accept, IssueCodes.LowReach,
        `Project '${project.name}' involves ${involved} of the ${willing} willing members of the coalition. Involve at least half of them: the more of the coalition a project has, the likelier it succeeds.`,
        { node: project, property: 'name' });
}

export function planShouldHaveQuickWins(plan: Plan, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const analysis = quickWins.analyze(plan);
    if (analysis.projects.length === 0 || analysis.quickWins.length > 0) return;
    const best = analysis.ranked[0];
    report(accept, IssueCodes.NoQuickWins,
        `None of the plan's ${analysis.projects.length} project${analysis.projects.length > 1 ? 's is a' : ' is a'} quick win. Make the best candidate, ${quoted(best.project.name)} (score ${best.score}), low-hanging fruit: ${best.missing.join('; ')}.`,
        { node: plan, property: 'name' });
}

export function quickWinsShouldGoOnTheRoadShow(plan: Plan, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const analysis = quickWins.analyze(plan);
    if (analysis.quickWins.length === 0 || allStories(plan).length > 0) return;
    const top = analysis.quickWins[0];
    report(accept, IssueCodes.RoadShowMissing,
        `The plan has ${analysis.quickWins.length} quick win${analysis.quickWins.length > 1 ? 's' : ''} but no story. Turn ${quoted(top.project.name)} into a success story for the internal road show, to win over the naysayers.`,
        { node: plan, property: 'name' },
        top.project.name ? { project: top.project.name } : {});
}

/**
 * A project can only use a channel once a `launch` has opened it: in the project's stage, or in a
 * stage that the project's stage comes after.
 */
export function channelsShouldBeLaunchedBeforeUse(plan: Plan, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const order = quickWins.analyze(plan).stageOrder;
    const launchedIn = new Map<Channel, Stage[]>();
    for (const stage of plan.stages) {
        for (const launch of stage.launches) {
            for (const reference of launch.channels) {
                const channel = reference.ref;
                if (channel) launchedIn.set(channel, [...(launchedIn.get(channel) ?? []), stage]);
            }
        }
    }
    for (const stage of plan.stages) {
        for (const project of stage.projects) {
            for (const uses of project.uses) {
                uses.channels.forEach((reference, index) => {
                    const channel = reference.ref;
                    if (!channel?.name) return;
                    const stages = launchedIn.get(channel) ?? [];
                    if (stages.some(launching => launching === stage || order.comesAfter(stage, launching))) return;
                    report(accept, IssueCodes.ChannelNotLaunched,
                        `Project ${quoted(project.name)} uses the channel '${channel.name}', which no launch opens by its stage ${quoted(stage.name)}. Launch it in that stage or in one before it (launch ${channel.name}), or use a channel that is launched.`,
                        { node: uses, property: 'channels', index },
                        stage.name ? { channel: channel.name, stage: stage.name } : { channel: channel.name });
                });
            }
        }
    }
}

/** Every quick win deserves a story on the road show (when the plan tells any: else road-show-missing speaks). */
export function quickWinsShouldEachHaveAStory(plan: Plan, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const stories = allStories(plan);
    if (stories.length === 0) return;
    const told = new Set(stories.map(story => story.project?.ref).filter(project => project !== undefined));
    for (const entry of quickWins.analyze(plan).quickWins) {
        if (told.has(entry.project) || !entry.project.name) continue;
        report(accept, IssueCodes.UntoldQuickWin,
            `Project '${entry.project.name}' is a quick win (score ${entry.score}) that no story is told from. Turn it into a success story for the internal road show.`,
            { node: entry.project, property: 'name' },
            { project: entry.project.name });
    }
}

/** The road show needs success stories: a story should come from a quick win. */
export function storyShouldComeFromAQuickWin(story: Story, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const project = story.project?.ref;
    const entry = project ? quickWins.analysisOf(project) : undefined;
    if (!project || !entry || entry.quickWin) return;
    report(accept, IssueCodes.StoryFromNonQuickWin,
        `Story ${quoted(story.name)} is told from ${quoted(project.name)}, which is not a quick win (score ${entry.score}): ${entry.missing.join('; ')}. A road show needs success stories: tell one from a quick win, or make ${quoted(project.name)} one first.`,
        { node: story, property: 'project' });
}
