/**
 * Completion that knows the context. Langium proposes the keywords that fit and, at a reference,
 * the declarations of the right kind (members after `involves`/`audience`, initiatives after
 * `supports`, channels after `uses`/`launch`, stages after `after`, projects after `from`). Here
 * the names already in the list (and a stage itself after `after`) are left out, and each name
 * says what it is: a member's role, a project's score, a title.
 */
import { AstUtils, stream, type AstNode, type AstNodeDescription, type ReferenceInfo, type Stream } from 'langium';
import type { GrammarAST, MaybePromise } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import type { AdoptServices } from '../adopt-module.js';
import { isChannel, isInitiative, isLevel, isMember, isProject, isRole, isStage, isTraitKind, type Member, type Project } from '../generated/ast.js';
import { LEVEL_MEANINGS, ROLE_MEANINGS, TRAINED_MEANING, TRAIT_MEANINGS } from './adopt-glossary.js';
import type { QuickWinService } from '../score/quick-win-service.js';

export class AdoptCompletionProvider extends DefaultCompletionProvider {
    private readonly quickWins: QuickWinService;

    constructor(services: AdoptServices) {
        super(services);
        this.quickWins = services.score.QuickWins;
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const listed = namesAlreadyListed(refInfo, context.tokenOffset);
        const candidates = super.getReferenceCandidates(refInfo, context).filter(candidate => !listed.has(candidate.name)).toArray();
        return stream(candidates.sort((a, b) => this.order(a) - this.order(b)));
    }

    /** Declaration order; projects by rank, so the best candidate comes first. */
    private order(candidate: AstNodeDescription): number {
        const node = candidate.node;
        if (node && isProject(node)) return this.quickWins.analysisOf(node)?.rank ?? Number.MAX_SAFE_INTEGER;
        return node?.$cstNode?.offset ?? Number.MAX_SAFE_INTEGER;
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node;
        const sortText = `0${String(this.order(nodeDescription)).padStart(10, '0')}`;
        return node ? { ...item, sortText, detail: this.describe(node) ?? item.detail } : item;
    }

    /** Traits, levels, roles and `trained` come with what they mean. */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const meaning = keywordMeaning(keyword.value);
        if (!meaning) return super.completionForKeyword(context, keyword, acceptor);
        return super.completionForKeyword(context, keyword, (ctx, item) => acceptor(ctx, { ...item, documentation: { kind: 'markdown', value: meaning } }));
    }

    private describe(node: AstNode): string | undefined {
        if (isMember(node)) return describeMember(node);
        if (isProject(node)) return this.describeProject(node);
        if (isChannel(node)) return `channel on ${node.platform}: ${node.title}`;
        if (isInitiative(node)) return `initiative: ${node.title}`;
        if (isStage(node)) return `stage: ${node.title}`;
        return undefined;
    }

    private describeProject(project: Project): string {
        const entry = this.quickWins.analysisOf(project);
        return entry ? `project, score ${entry.score}${entry.quickWin ? ', quick win' : ''}: ${project.title}` : `project: ${project.title}`;
    }
}

function keywordMeaning(word: string): string | undefined {
    if (isTraitKind(word)) return `**${TRAIT_MEANINGS[word].title}**\n\n${TRAIT_MEANINGS[word].text}`;
    if (isLevel(word)) return LEVEL_MEANINGS[word];
    if (isRole(word)) return ROLE_MEANINGS[word];
    return word === 'trained' ? TRAINED_MEANING : undefined;
}

function describeMember(member: Member): string {
    return [member.role, member.trained ? 'trained' : undefined, member.unit].filter(Boolean).join(' · ');
}

/**
 * Names that make no sense here: those already in the same list (`involves ana, |`), and the
 * stage itself after its `after`.
 */
function namesAlreadyListed(refInfo: ReferenceInfo, cursorToken: number): Set<string> {
    const container = refInfo.container as AstNode & Record<string, unknown>;
    const names = new Set<string>();
    const value = container[refInfo.property];
    if (Array.isArray(value) && refInfo.property !== 'after') {
        for (const ref of value as Array<{ $refText?: string; $refNode?: { offset: number } }>) {
            // The name being typed under the cursor does not count.
            if (ref?.$refText && ref.$refNode?.offset !== cursorToken) names.add(ref.$refText);
        }
    }
    const stage = AstUtils.getContainerOfType(container, isStage);
    if (refInfo.property === 'after' && stage?.name) names.add(stage.name);
    return names;
}
