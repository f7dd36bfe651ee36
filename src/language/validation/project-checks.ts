/**
 * The second hurdle: choosing projects that are low-hanging fruit (coalition reach, an existing
 * initiative, the three untapped opportunities) and turning quick wins into stories.
 */
import type { ValidationAcceptor } from 'langium';
import type { Plan, Project } from '../generated/ast.js';
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
