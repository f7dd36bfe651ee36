/**
 * Hover: a project's score, rank, parts, effort, actions and what it lacks to be a quick win; a
 * member's role, training, willingness, unit, projects and actions; what a trait, its level and a
 * role mean (from the article); a stage's window and its actions done; a metric's progress
 * (`320 of 500, 64%`); an action's owner, due date (in words, overdue or not) and status; a
 * date in words; a short summary for the other declarations. A name declared in a shared file
 * that this file uses is described as this plan sees it, and the hover ends with that file's
 * path from this one; in its shared file, as every plan of the workspace that uses the file sees
 * it, each item with the plan's path.
 */
import { AstUtils, CstUtils, UriUtils, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams, Position } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import {
    isAction, isChannel, isEffort, isInitiative, isLevel, isMember, isMetric, isProject, isRole, isStage, isStatus, isTrait, isTraitKind,
    type Action, type Channel, type Effort, type Goal, type Initiative, type Member, type Metric, type Plan, type Project, type Shared, type Stage,
    type Story, type Trait
} from '../generated/ast.js';
import { applyFor, DECLARATION_KEYWORDS, type DeclarationKind, type PerKind } from '../model/declaration-kinds.js';
import { dateProblem, spokenDate } from '../model/plan-dates.js';
import {
    actionsDone, allActions, allMembers, allProjects, allStories, effortOf, involvedMembers, isManager, isWilling, LEVEL_VALUES, progressOf, progressText,
    blockOfFile, planOf, resolvedTargets, stageOfAction, stagesOf, supportedInitiatives, usedBlocks, writtenTarget, type Block
} from '../model/plan-model.js';
import { usePathBetween } from '../workspace/used-files.js';
import { projectStatus, stageStatus, statusWords } from '../model/plan-status.js';
import type { Today } from '../model/today.js';
import type { SyntaxFacts } from '../parser/syntax-facts.js';
import { partValues } from '../score/quick-win-score.js';
import { SCORE_PARTS } from '../score/quick-win-settings.js';
import type { QuickWinService } from '../score/quick-win-service.js';
import { actionLine, dateInWords, isOverdue, relativeToToday, statusOf, windowText } from './adopt-action-text.js';
import { LEVEL_MEANINGS, LIVING_PLAN_MEANINGS, ROLE_MEANINGS, STATUS_MEANINGS, TRAINED_MEANING, TRAIT_MEANINGS } from './adopt-glossary.js';
import { scoreLine } from './adopt-score-text.js';

const DECLARATION_WORDS: ReadonlySet<string> = new Set(Object.values(DECLARATION_KEYWORDS));

/** A Markdown line break: the next line stays in the same paragraph. */
const LINE_BREAK = '  ';
/** Space before a right-aligned column's heading: editors draw Markdown tables in hovers without cell padding. */
const HEADER_GAP = '&nbsp;&nbsp;&nbsp;';

/** A date as the lexer reads it (YYYY-MM-DD). */
const DATE_TEXT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export class AdoptHoverProvider extends AstNodeHoverProvider {
    private readonly quickWins: QuickWinService;
    private readonly today: Today;
    private readonly facts: SyntaxFacts;
    private readonly documents: LangiumDocuments;

    constructor(services: AdoptServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.quickWins = services.score.QuickWins;
        this.today = services.model.Today;
        this.facts = services.syntax.Facts;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        const special = leaf && !leaf.hidden ? this.keywordHover(leaf.astNode, leaf.text, leaf.range.start) : undefined;
        if (special) return markdown(special);
        const used = this.usedDeclarationHover(document, root, document.textDocument.offsetAt(params.position));
        if (used) return markdown(used);
        return super.getHoverContent(document, params);
    }

    /**
     * A name that refers to a declaration of another file (a shared file this one uses, or the
     * path of a `use`): its hover as seen from this file's plan (a shared member's projects are
     * this plan's), then the file that declares it, by its path from this file.
     */
    private usedDeclarationHover(document: LangiumDocument, root: CstNode, offset: number): string | undefined {
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf || leaf.end <= offset) return undefined;
        const target = this.references.findDeclarations(leaf)[0];
        if (!target) return undefined;
        const declaredIn = AstUtils.getDocument(target);
        if (UriUtils.equals(declaredIn.uri, document.uri)) return undefined;
        const plan = planOf(leaf.astNode);
        const seen = plan ? [{ block: plan }] : [];
        const content = isMember(target) ? this.memberHover(target, seen)
            : isChannel(target) ? channelHover(target, seen)
                : isInitiative(target) ? initiativeHover(target, seen)
                    : this.getAstNodeHoverContent(target);
        return content && `${content}\n\nDeclared in \`${usePathBetween(document.uri, declaredIn.uri)}\`.`;
    }

    /** Hover on words that are not names: traits, levels, roles, statuses, effort, dates, and a declaration's keyword. */
    private keywordHover(node: AstNode, text: string, at: Position): string | undefined {
        // Which property a word is written for: a status word may also be a member's name (`owner doing`).
        const isProperty = (property: string) => this.facts.propertyRanges(node, property)
            .some(range => range.start.line === at.line && range.start.character === at.character);
        // A name, or a reference to one, is no keyword even when it is written like one (`member staff`, `owner doing`).
        if (['name', ...AstUtils.streamReferences(node).map(reference => reference.property)].some(isProperty)) return undefined;
        if (isTrait(node)) return this.traitHover(node, isLevel(text) ? text : undefined);
        if (isEffort(node)) return effortHover(node);
        if (isAction(node) && isStatus(text) && text === node.status && isProperty('status')) return `${STATUS_MEANINGS[node.status]}\n\n${this.actionHover(node)}`;
        if ((isAction(node) || isStage(node)) && DATE_TEXT.test(text)) return this.dateHover(node, text, isProperty('to') ? 'ends' : 'starts');
        if (isMetric(node) && (text === 'actual' || text === 'target')) return metricHover(node);
        if (isMember(node) && isRole(text) && text === node.role) return ROLE_MEANINGS[node.role];
        if (isMember(node) && text === 'trained' && node.trained) return TRAINED_MEANING;
        if (isChannel(node) && text === node.platform && !node.$cstNode?.text.startsWith(text)) return channelHover(node, this.seenFrom(node));
        if (DECLARATION_WORDS.has(text) && node.$cstNode?.text.startsWith(text)) {
            return this.getAstNodeHoverContent(node);
        }
        return undefined;
    }

    /** The hover of each kind of declaration. */
    private readonly declarationHovers: PerKind<DeclarationKind, string | undefined> = {
        Plan: node => this.planHover(node),
        Shared: sharedHover,
        Member: node => this.memberHover(node),
        Channel: node => channelHover(node, this.seenFrom(node)),
        Initiative: node => initiativeHover(node, this.seenFrom(node)),
        Stage: node => this.stageHover(node),
        Project: node => this.projectHover(node),
        Goal: goalHover,
        Metric: metricHover,
        Story: storyHover,
        Action: node => this.actionHover(node)
    };

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        return applyFor(this.declarationHovers, node);
    }

    private projectHover(project: Project): string | undefined {
        const analysis = this.quickWins.analysisOf(project);
        const plan = planOf(project);
        if (!analysis || !plan) return undefined;
        const planAnalysis = this.quickWins.analyze(plan);
        const values = partValues(analysis.facts);
        const weights = planAnalysis.settings.weights;
        const rows = SCORE_PARTS.map(part => `| ${part} | ${formatValue(values[part])} | ${weights[part]} | ${analysis.points[part]} |`);
        // Short enough for the editor's hover box (250 px in VS Code) without scrolling: the score
        // (its first line) is not repeated in the table, and lines that belong together share a
        // paragraph (a Markdown line break: two spaces at the end of the line).
        // Effort (how much work a project needs) is not part of the score: beside the stage.
        const effort = analysis.effort ? `effort ${analysis.effort}` : 'effort not stated';
        const verdict = analysis.quickWin
            ? 'A quick win: low-hanging fruit. Turn it into a success story for the internal road show.'
            : `To become a quick win: ${analysis.missing.join('; ')}.`;
        // The status (on today's date) ends the score's line: a line of its own would make the box scroll.
        const lines = [
            `${scoreLine(analysis, planAnalysis)} · **${statusWords(projectStatus(project, this.today.current))}**${LINE_BREAK}`,
            `**${project.title ?? project.name}** (project \`${project.name}\` in stage '${analysis.stage.name}', ${effort})`,
            '',
            `| part | ${HEADER_GAP}value | ${HEADER_GAP}weight | ${HEADER_GAP}points |`,
            '| --- | ---: | ---: | ---: |',
            ...rows,
            ''
        ];
        if (project.actions.length > 0) {
            const { done, total } = actionsDone(project.actions);
            lines.push(`Actions, ${done} of ${total} done:`, ...project.actions.map(action => `- ${actionLine(action, this.today.current)}`), '');
        }
        lines.push(verdict);
        return lines.join('\n');
    }

    /** A member, with the projects, actions and stories of the plans it is seen from. */
    private memberHover(member: Member, seen: readonly SeenFrom[] = this.seenFrom(member)): string {
        const projects = seen.flatMap(({ block, file }) => allProjects(block).filter(project => involvedMembers(project).includes(member)).map(project => {
            const entry = this.quickWins.analysisOf(project);
            return inFile(`\`${project.name}\`${entry ? ` (score ${entry.score}${entry.quickWin ? ', quick win' : ''})` : ''}`, file);
        }));
        const audiences = seen.flatMap(({ block, file }) => allStories(block).filter(story => resolvedTargets(story.audience).includes(member)).map(story => inFile(`\`${story.name}\``, file)));
        const lines = [
            `**${member.title ?? member.name}** (member \`${member.name}\`)`,
            '',
            `- role: ${ROLE_MEANINGS[member.role] ?? member.role}`,
            `- ${member.trained ? 'trained' : 'not trained'}`,
            `- ${isWilling(member) ? 'willing: one of the coalition of the willing' : 'naysayer: not (yet) willing'}${isManager(member) ? ', a manager' : ''}`,
            `- unit: ${member.unit ?? 'not given'}`,
            `- projects: ${projects.length === 0 ? 'none yet' : projects.join(', ')}`
        ];
        const owned = seen.flatMap(({ block, file }) => allActions(block).filter(action => action.owner?.ref === member)
            .map(action => inFile(`\`${action.name}\` (${statusOf(action)}${isOverdue(action, this.today.current) ? ', overdue' : ''})`, file)));
        if (owned.length > 0) {
            lines.push(`- actions: ${owned.join(', ')}`);
        }
        if (!isWilling(member)) {
            lines.push(`- hears the stories: ${audiences.length === 0 ? 'none yet' : audiences.join(', ')}`);
        }
        return lines.join('\n');
    }

    /**
     * The plans a member, channel or initiative is seen from: the plan that declares it; for one
     * of a shared file, every plan of the workspace that uses that file, each with its path from
     * the shared file.
     */
    private seenFrom(node: Member | Channel | Initiative): SeenFrom[] {
        const plan = planOf(node);
        if (plan) return [{ block: plan }];
        const shared = blockOfFile(AstUtils.findRootNode(node));
        if (!shared) return [];
        const sharedUri = AstUtils.getDocument(shared).uri;
        return this.documents.all.toArray().flatMap(document => {
            const user = planOf(document.parseResult.value);
            return user && usedBlocks(user).includes(shared as Shared) ? [{ block: user, file: usePathBetween(sharedUri, document.uri) }] : [];
        }).sort((a, b) => a.file.localeCompare(b.file));
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
        const window = windowText(stage);
        if (window) lines.push(`- window: ${window}`);
        lines.push(`- status: **${statusWords(stageStatus(stage, this.today.current))}** (today is ${spokenDate(this.today.current)})`);
        const actions = [...stage.actions, ...stage.projects.flatMap(project => project.actions)];
        if (actions.length > 0) {
            const { done, total } = actionsDone(actions);
            const overdue = actions.filter(action => isOverdue(action, this.today.current)).length;
            lines.push(`- actions: ${done} of ${total} done${overdue > 0 ? `, ${overdue} overdue` : ''}`);
        }
        return lines.join('\n');
    }

    /** An action: where it is, its status, owner and due date (in words, overdue or not). */
    private actionHover(action: Action): string {
        const container = action.$container;
        const stage = stageOfAction(action);
        const where = isProject(container) ? `in project \`${container.name}\`, stage \`${stage.name}\`` : `in stage \`${stage.name}\``;
        const owner = action.owner?.ref;
        const ownerText = owner ? `${owner.title ?? owner.name} (\`${owner.name}\`)` : action.owner ? `${action.owner.$refText} (not a member of the coalition)` : 'nobody yet';
        const today = this.today.current;
        const lines = [
            `**${action.title ?? action.name}** (action \`${action.name}\` ${where})`,
            '',
            `- status: ${STATUS_MEANINGS[statusOf(action) as keyof typeof STATUS_MEANINGS] ?? statusOf(action)}`,
            `- owner: ${ownerText}`
        ];
        if (action.due === undefined) {
            lines.push('- due: no date (`due YYYY-MM-DD` after the owner)');
        } else {
            const when = action.status === 'done' ? undefined : relativeToToday(action.due, today);
            lines.push(`- due: ${dateInWords(action.due)}${when ? ` (${when})` : ''}`);
            if (action.status !== 'done' && dateProblem(action.due) === undefined) {
                lines.push(isOverdue(action, today) ? `- **overdue**: not done, and today is ${spokenDate(today)}` : `- not overdue (today is ${spokenDate(today)})`);
            }
        }
        return lines.join('\n');
    }

    /** A date in words, and what it is: a stage's start or end, an action's due date. */
    private dateHover(node: Action | Stage, date: string, stageEnd: 'starts' | 'ends'): string {
        const today = this.today.current;
        const when = relativeToToday(date, today);
        const heading = `**${dateInWords(date)}**${when ? ` (${when}; today is ${spokenDate(today)})` : ''}`;
        if (isAction(node)) return `${heading}\n\nThe due date of action \`${node.name}\`${isOverdue(node, today) ? ': it is overdue' : ''}.`;
        return `${heading}\n\nThe day stage \`${node.name}\` ${stageEnd}.`;
    }

    private planHover(plan: Plan): string {
        const analysis = this.quickWins.analyze(plan);
        const lines = [
            `**${plan.title ?? plan.name}** (plan \`${plan.name}\`)`,
            '',
            `${analysis.projects.length} project${analysis.projects.length === 1 ? '' : 's'}, ${analysis.quickWins.length} quick win${analysis.quickWins.length === 1 ? '' : 's'}; `
            + `${analysis.willing.length} willing member${analysis.willing.length === 1 ? '' : 's'}, ${analysis.managerCount} manager${analysis.managerCount === 1 ? '' : 's'}`
        ];
        const actions = allActions(plan);
        if (actions.length > 0) {
            const { done, total } = actionsDone(actions);
            const overdue = actions.filter(action => isOverdue(action, this.today.current)).length;
            lines.push('', `Actions: ${done} of ${total} done${overdue > 0 ? `, ${overdue} overdue` : ''} (today is ${spokenDate(this.today.current)})`);
        }
        return lines.join('\n');
    }
}

function sharedHover(shared: Shared): string {
    const counts = [`${allMembers(shared).length} members`, `${shared.channels.length} channels`, `${shared.initiatives.length} initiatives`];
    return [
        `**${shared.title ?? shared.name}** (shared \`${shared.name}\`)`,
        '',
        `Shared with the plans that use this file: ${counts.join(', ')}.`
    ].join('\n');
}

/** An initiative, with the projects of the plans it is seen from that support it. */
function initiativeHover(initiative: Initiative, seen: readonly SeenFrom[]): string {
    const projects = seen.flatMap(({ block, file }) => allProjects(block).filter(project => supportedInitiatives(project).includes(initiative)).map(p => inFile(`\`${p.name}\``, file)));
    return [
        `**${initiative.title ?? initiative.name}** (initiative \`${initiative.name}\`)`,
        '',
        `An existing initiative. Supported by: ${projects.length === 0 ? 'no project yet' : projects.join(', ')}`
    ].join('\n');
}

/** A channel, with the stages and projects of the plans it is seen from that launch and use it. */
function channelHover(channel: Channel, seen: readonly SeenFrom[]): string {
    const launchedIn = seen.flatMap(({ block, file }) => stagesOf(block).filter(stage => stage.launches.some(launch => resolvedTargets(launch.channels).includes(channel))).map(stage => inFile(`\`${stage.name}\``, file)));
    const usedBy = seen.flatMap(({ block, file }) => allProjects(block).filter(project => resolvedTargets(project.uses.flatMap(uses => uses.channels)).includes(channel)).map(project => inFile(`\`${project.name}\``, file)));
    return [
        `**${channel.title ?? channel.name}** (channel \`${channel.name}\` on ${channel.platform ?? '?'})`,
        '',
        `- launched in: ${launchedIn.length === 0 ? 'no stage yet' : launchedIn.join(', ')}`,
        `- used by: ${usedBy.length === 0 ? 'no project yet' : usedBy.join(', ')}`
    ].join('\n');
}

/** A plan a declaration is seen from, with the path of its file when that is not the declaration's. */
interface SeenFrom {
    readonly block: Block;
    readonly file?: string;
}

/** An item of a plan a declaration is seen from: followed by the plan's file when that is another. */
function inFile(item: string, file: string | undefined): string {
    return file === undefined ? item : `${item} in \`${file}\``;
}

function goalHover(goal: Goal): string {
    return [
        `**${goal.title ?? goal.name}** (goal \`${goal.name}\`)`,
        '',
        goal.metrics.length === 0 ? 'No metric yet.' : `Measured by: ${goal.metrics.map(metric => `\`${metric.name}\``).join(', ')}`
    ].join('\n');
}

/** A metric: its target and, once measured, its actual and progress (`320 of 500, 64%`). */
function metricHover(metric: Metric): string {
    const lines = [`**${metric.title ?? metric.name}** (metric \`${metric.name}\`)`, '', `- target: ${metric.target ? writtenTarget(metric.target) : 'none yet'}`];
    if (metric.actual) {
        lines.push(`- actual: ${writtenTarget(metric.actual)}`);
        const progress = progressOf(metric);
        lines.push(progress ? `- progress: ${progressText(progress)}`
            : metric.target ? '- progress: none can be measured against a target of 0' : '- progress: give the metric a target to measure the actual against');
    } else {
        lines.push('- actual: not measured yet (`actual N` after the target)');
    }
    return lines.join('\n');
}

/** What effort means, and the project's effort (the highest it states). */
function effortHover(effort: Effort): string {
    const project = effort.$container;
    const stated = effortOf(project);
    return `${LIVING_PLAN_MEANINGS.effort}.\n\nProject \`${project.name}\`: effort ${stated ?? effort.level ?? 'not stated'}${project.efforts.length > 1 ? ' (the highest it states)' : ''}.`;
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


/** A part's value for display: at most two decimals. */
function formatValue(value: number): string {
    return String(Math.round(value * 100) / 100);
}

function markdown(value: string): Hover {
    return { contents: { kind: 'markdown', value } };
}
