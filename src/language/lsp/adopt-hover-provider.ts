/**
 * Hover: a project's score, rank, parts and what it lacks to be a quick win; a member's role,
 * training, willingness, unit and projects; what a trait, its level and a role mean (from the
 * article); a short summary for the other declarations.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import {
    isChannel, isGoal, isInitiative, isLevel, isMember, isMetric, isPlan, isProject, isRole, isStage, isStory, isTrait, isTraitKind,
    type Channel, type Goal, type Initiative, type Member, type Metric, type Plan, type Project, type Stage, type Story, type Trait
} from '../generated/ast.js';
import { allProjects, allStories, involvedMembers, isManager, isWilling, LEVEL_VALUES, resolvedTargets, supportedInitiatives } from '../model/plan-model.js';
import { partValues } from '../score/quick-win-score.js';
import { SCORE_PARTS } from '../score/quick-win-settings.js';
import type { QuickWinService } from '../score/quick-win-service.js';
import { LEVEL_MEANINGS, ROLE_MEANINGS, TRAINED_MEANING, TRAIT_MEANINGS } from './adopt-glossary.js';
import { scoreLine } from './adopt-score-text.js';

const DECLARATION_KEYWORDS = new Set(['plan', 'member', 'channel', 'initiative', 'stage', 'goal', 'metric', 'project', 'story']);

export class AdoptHoverProvider extends AstNodeHoverProvider {
    private readonly quickWins: QuickWinService;

    constructor(services: AdoptServices) {
        super(services);
        this.quickWins = services.score.QuickWins;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        const special = leaf && !leaf.hidden ? this.keywordHover(leaf.astNode, leaf.text) : undefined;
        if (special) return markdown(special);
        return super.getHoverContent(document, params);
    }

    /** Hover on words that are not names: traits, levels, roles, and a declaration's keyword. */
    private keywordHover(node: AstNode, text: string): string | undefined {
        if (isTrait(node)) return this.traitHover(node, isLevel(text) ? text : undefined);
        if (isMember(node) && isRole(text) && text === node.role) return ROLE_MEANINGS[node.role];
        if (isMember(node) && text === 'trained' && node.trained) return TRAINED_MEANING;
        if (isChannel(node) && text === node.platform && !node.$cstNode?.text.startsWith(text)) return channelHover(node);
        if (DECLARATION_KEYWORDS.has(text) && node.$cstNode?.text.startsWith(text)) {
            return this.getAstNodeHoverContent(node);
        }
        return undefined;
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        if (isProject(node)) return this.projectHover(node);
        if (isMember(node)) return this.memberHover(node);
        if (isStage(node)) return this.stageHover(node);
        if (isInitiative(node)) return initiativeHover(node);
        if (isChannel(node)) return channelHover(node);
        if (isGoal(node)) return goalHover(node);
        if (isMetric(node)) return metricHover(node);
        if (isStory(node)) return storyHover(node);
        if (isPlan(node)) return this.planHover(node);
        return undefined;
    }

    private projectHover(project: Project): string | undefined {
        const analysis = this.quickWins.analysisOf(project);
        const plan = planOf(project);
        if (!analysis || !plan) return undefined;
        const planAnalysis = this.quickWins.analyze(plan);
        const values = partValues(analysis.facts);
        const weights = planAnalysis.settings.weights;
        const rows = SCORE_PARTS.map(part => `| ${part} | ${formatValue(values[part])} | ${weights[part]} | ${analysis.points[part]} |`);
        const lines = [
            scoreLine(analysis, planAnalysis),
            '',
            `**${project.title ?? project.name}** (project \`${project.name}\` in stage '${analysis.stage.name}')`,
            '',
            '| part | value | weight | points |',
            '| --- | ---: | ---: | ---: |',
            ...rows,
            `| **score** | | | **${analysis.score}** |`,
            ''
        ];
        if (analysis.quickWin) {
            lines.push('A quick win: low-hanging fruit. Turn it into a success story for the internal road show.');
        } else {
            lines.push('To become a quick win:', ...analysis.missing.map(item => `- ${item}`));
        }
        return lines.join('\n');
    }

    private memberHover(member: Member): string {
        const plan = planOf(member);
        const projects = plan ? allProjects(plan).filter(project => involvedMembers(project).includes(member)) : [];
        const audiences = plan ? allStories(plan).filter(story => resolvedTargets(story.audience).includes(member)) : [];
        const projectText = projects.length === 0 ? 'none yet' : projects.map(project => {
            const entry = this.quickWins.analysisOf(project);
            return `\`${project.name}\`${entry ? ` (score ${entry.score}${entry.quickWin ? ', quick win' : ''})` : ''}`;
        }).join(', ');
        const lines = [
            `**${member.title ?? member.name}** (member \`${member.name}\`)`,
            '',
            `- role: ${ROLE_MEANINGS[member.role] ?? member.role}`,
            `- ${member.trained ? 'trained' : 'not trained'}`,
            `- ${isWilling(member) ? 'willing: one of the coalition of the willing' : 'naysayer: not (yet) willing'}${isManager(member) ? ', a manager' : ''}`,
            `- unit: ${member.unit ?? 'not given'}`,
            `- projects: ${projectText}`
        ];
        if (!isWilling(member)) {
            lines.push(`- hears the stories: ${audiences.length === 0 ? 'none yet' : audiences.map(story => `\`${story.name}\``).join(', ')}`);
        }
        return lines.join('\n');
    }

    private traitHover(trait: Trait, level: string | undefined): string | undefined {
        if (!isTraitKind(trait.kind)) return undefined;
        const meaning = TRAIT_MEANINGS[trait.kind];
        const shownLevel = trait.level ?? 'high';
        const plan = planOf(trait);
        const weight = plan ? this.quickWins.analyze(plan).settings.weights[trait.kind] : undefined;
        const points = weight === undefined ? '' : ` Here: ${shownLevel}, ${formatValue(LEVEL_VALUES[shownLevel])} x weight ${weight}.`;
        const lines = [`**${meaning.title}**`, '', meaning.text, '', `Level ${LEVEL_MEANINGS[shownLevel]}.${points}`];
        if (level) lines.unshift(`\`${level}\`: ${LEVEL_MEANINGS[shownLevel]}`, '');
        return lines.join('\n');
    }

    private stageHover(stage: Stage): string {
        const plan = stage.$container;
        const order = this.quickWins.analyze(plan).stageOrder;
        const predecessor = order.predecessor.get(stage);
        const lines = [
            `**${stage.title ?? stage.name}** (stage \`${stage.name}\`)`,
            '',
            order.initial === stage ? '- the initial stage: build human bandwidth before virtual bandwidth' : `- comes after: ${predecessor ? `\`${predecessor.name}\`` : 'nothing (cycle)'}`,
            `- ${stage.projects.length} project${stage.projects.length === 1 ? '' : 's'}, ${stage.stories.length} stor${stage.stories.length === 1 ? 'y' : 'ies'}, ${stage.goals.length} goal${stage.goals.length === 1 ? '' : 's'}`
        ];
        return lines.join('\n');
    }

    private planHover(plan: Plan): string {
        const analysis = this.quickWins.analyze(plan);
        return [
            `**${plan.title ?? plan.name}** (plan \`${plan.name}\`)`,
            '',
            `${analysis.projects.length} project${analysis.projects.length === 1 ? '' : 's'}, ${analysis.quickWins.length} quick win${analysis.quickWins.length === 1 ? '' : 's'}; `
            + `${analysis.willing.length} willing member${analysis.willing.length === 1 ? '' : 's'}, ${analysis.managerCount} manager${analysis.managerCount === 1 ? '' : 's'}`
        ].join('\n');
    }
}

function initiativeHover(initiative: Initiative): string {
    const plan = initiative.$container;
    const projects = allProjects(plan).filter(project => supportedInitiatives(project).includes(initiative));
    return [
        `**${initiative.title ?? initiative.name}** (initiative \`${initiative.name}\`)`,
        '',
        `An existing initiative. Supported by: ${projects.length === 0 ? 'no project yet' : projects.map(p => `\`${p.name}\``).join(', ')}`
    ].join('\n');
}

function channelHover(channel: Channel): string {
    const plan = channel.$container;
    const launchedIn = plan.stages.filter(stage => stage.launches.some(launch => resolvedTargets(launch.channels).includes(channel)));
    const usedBy = allProjects(plan).filter(project => resolvedTargets(project.uses.flatMap(uses => uses.channels)).includes(channel));
    return [
        `**${channel.title ?? channel.name}** (channel \`${channel.name}\` on ${channel.platform ?? '?'})`,
        '',
        `- launched in: ${launchedIn.length === 0 ? 'no stage yet' : launchedIn.map(stage => `\`${stage.name}\``).join(', ')}`,
        `- used by: ${usedBy.length === 0 ? 'no project yet' : usedBy.map(project => `\`${project.name}\``).join(', ')}`
    ].join('\n');
}

function goalHover(goal: Goal): string {
    return [
        `**${goal.title ?? goal.name}** (goal \`${goal.name}\`)`,
        '',
        goal.metrics.length === 0 ? 'No metric yet.' : `Measured by: ${goal.metrics.map(metric => `\`${metric.name}\``).join(', ')}`
    ].join('\n');
}

function metricHover(metric: Metric): string {
    const target = metric.target ? `${metric.target.value}${metric.target.percent ? '%' : ''}` : 'none yet';
    return `**${metric.title ?? metric.name}** (metric \`${metric.name}\`)\n\nTarget: ${target}`;
}

function storyHover(story: Story): string {
    const audience = resolvedTargets(story.audience);
    return [
        `**${story.title ?? story.name}** (story \`${story.name}\`)`,
        '',
        `- from project: ${story.project?.ref ? `\`${story.project.ref.name}\`` : story.project?.$refText ?? '?'}`,
        `- audience: ${audience.length === 0 ? 'nobody yet' : audience.map(member => `\`${member.name}\``).join(', ')}`
    ].join('\n');
}

function planOf(node: AstNode): Plan | undefined {
    return AstUtils.getContainerOfType(node, isPlan);
}

/** A part's value for display: at most two decimals. */
function formatValue(value: number): string {
    return String(Math.round(value * 100) / 100);
}

function markdown(value: string): Hover {
    return { contents: { kind: 'markdown', value } };
}
