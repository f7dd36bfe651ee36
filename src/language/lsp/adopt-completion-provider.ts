/**
 * Completion that knows the context: only what may stand at the cursor. Langium proposes the
 * keywords that fit and, at a reference, the declarations of the right kind (members after
 * `involves`/`audience`, initiatives after `supports`, channels after `uses`/`launch`, stages
 * after `after`, projects after `from`). Here the names already in the list (and a stage itself
 * after `after`) are left out, and each name says what it is: a member's role, a project's
 * score, a title; a name declared in a shared file this one uses comes after the file's own
 * names, with that file's path. Where a keyword that starts a construct may stand, its snippet is offered too
 * (adopt-snippets.ts). After `on`, platforms are proposed (those of the plan's channels, then
 * well-known ones) instead of the language's words; where a date stands (after `due`, `from`,
 * `to`), today's date (services.model.Today); inside a comment, nothing. In the path of a `use`
 * (between the quotes, or right after `use`), the shared files of the workspace by their paths
 * from this file, leaving out those the file already uses.
 */
import { AstUtils, GrammarAST, GrammarUtils, UriUtils, stream, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type ReferenceInfo, type Stream } from 'langium';
import type { MaybePromise } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import {
    CompletionItemKind, InsertTextFormat, InsertTextMode, type CancellationToken, type CompletionItem, type CompletionList, type CompletionParams
} from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import {
    isAdoptFile, isEffort, isLevel, isProject, isRole, isStage, isStatus, isTraitKind, type Member, type Project
} from '../generated/ast.js';
import { blockOfFile, seenChannels } from '../model/plan-model.js';
import { applyFor, type PerKind, type ReferencedKind } from '../model/declaration-kinds.js';
import { spokenDate } from '../model/plan-dates.js';
import { exceedsPlanSize } from '../parser/plan-limits.js';
import type { Today } from '../model/today.js';
import { EFFORT_LEVEL_MEANINGS, LEVEL_MEANINGS, LIVING_PLAN_MEANINGS, ROLE_MEANINGS, STATUS_MEANINGS, TRAINED_MEANING, TRAIT_MEANINGS } from './adopt-glossary.js';
import { snippetsStartedBy, snippetText } from './adopt-snippets.js';
import { lineStart as lineStartOf } from './quickfixes/text-edits.js';
import { usePathBetween, usedFileUri } from '../workspace/used-files.js';
import type { QuickWinService } from '../score/quick-win-service.js';

/** Platforms people put their channels on, proposed after `on` (any identifier is allowed). */
export const WELL_KNOWN_PLATFORMS = [
    'youtube', 'facebook', 'instagram', 'linkedin', 'x', 'twitter', 'tiktok', 'mastodon', 'bluesky', 'threads', 'medium',
    'wordpress', 'blog', 'podcast', 'wiki', 'yammer', 'teams', 'slack', 'sharepoint', 'flickr', 'pinterest', 'reddit', 'whatsapp'
] as const;

/** Where the names of used files come in the order: after every name of the file itself (a plan is at most 8 MiB). */
const USED_FILE_ORDER = 1_000_000_000;

export class AdoptCompletionProvider extends DefaultCompletionProvider {
    private readonly quickWins: QuickWinService;
    private readonly today: Today;

    private readonly lexerService: AdoptServices['parser']['Lexer'];
    private readonly documents: LangiumDocuments;

    constructor(services: AdoptServices) {
        super(services);
        this.quickWins = services.score.QuickWins;
        this.today = services.model.Today;
        this.lexerService = services.parser.Lexer;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /**
     * Nothing inside a comment: the words there are not code. Nothing in a document too large to
     * check: it is not parsed, and reading it for completion would hold the server for seconds.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        if (exceedsPlanSize(text)) return { items: [], isIncomplete: false };
        const offset = document.textDocument.offsetAt(params.position);
        if (this.insideComment(text, offset)) return { items: [], isIncomplete: false };
        const usePath = this.completeUsePath(document, offset);
        if (usePath) return { items: usePath, isIncomplete: false };
        return super.getCompletion(document, params, cancelToken);
    }

    /**
     * In the path of a `use`: the workspace's shared files (never this file, nor one it already
     * uses), nearest folders first, then by path. Undefined when the cursor is elsewhere.
     */
    private completeUsePath(document: LangiumDocument, offset: number): CompletionItem[] | undefined {
        const text = document.textDocument.getText();
        const start = lineStartOf(text, offset);
        const before = text.slice(start, offset);
        const quoted = /^\s*use\s+"([^"\r\n]*)$/.exec(before);
        if (!quoted && !/^\s*use\s+$/.test(before)) return undefined;
        let end = offset;
        if (quoted) {
            // Replace the path up to its closing quote, when that is on the line.
            const rest = /^[^"\r\n]*"/.exec(text.slice(offset));
            if (rest) end = offset + rest[0].length - 1;
        }
        const range = { start: document.textDocument.positionAt(offset - (quoted?.[1].length ?? 0)), end: document.textDocument.positionAt(end) };
        const root = document.parseResult.value;
        const used = new Set((isAdoptFile(root) ? root.uses : []).flatMap(use => {
            const path = use.shared?.$refText;
            const target = path === undefined ? undefined : usedFileUri(document.uri, path);
            return target && 'uri' in target ? [target.uri.toString()] : [];
        }));
        const candidates = this.documents.all.toArray().flatMap(other => {
            const shared = isAdoptFile(other.parseResult.value) ? other.parseResult.value.shared : undefined;
            if (!shared || UriUtils.equals(other.uri, document.uri) || used.has(other.uri.toString())) return [];
            return [{ path: usePathBetween(document.uri, other.uri), shared }];
        });
        const upwards = (path: string) => path.split('/').filter(step => step === '..').length;
        candidates.sort((a, b) => upwards(a.path) - upwards(b.path) || a.path.localeCompare(b.path));
        return candidates.map(({ path, shared }, index) => {
            const newText = quoted ? path : JSON.stringify(path);
            return {
                label: path,
                kind: CompletionItemKind.File,
                detail: `shared ${shared.name}: ${shared.title ?? ''}`,
                filterText: newText,
                sortText: String(index).padStart(6, '0'),
                textEdit: { range, newText }
            };
        });
    }

    private insideComment(text: string, offset: number): boolean {
        const hidden = this.lexerService.tokenize(text).hidden ?? [];
        return hidden.some(token => {
            const end = token.startOffset + token.image.length;
            return token.startOffset < offset && (offset < end || (offset === end && token.image.startsWith('//')));
        });
    }

    /**
     * After `on`: platforms instead of the language's words (which are allowed there, but are no
     * platforms). Where a date stands: today's date.
     */
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (next.property === 'platform') {
            if (next.feature.$type === 'RuleCall') this.completePlatforms(context, acceptor);
            return;
        }
        if (next.property === 'level' && context.node && isEffort(context.node) && GrammarAST.isKeyword(next.feature) && isLevel(next.feature.value)) {
            // An effort's level says how much work, not how much of an opportunity.
            const meaning = EFFORT_LEVEL_MEANINGS[next.feature.value];
            return super.completionForKeyword(context, next.feature, (ctx, item) => acceptor(ctx, { ...item, documentation: { kind: 'markdown', value: meaning } }));
        }
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'DATE') {
            const today = this.today.current;
            acceptor(context, { label: today, kind: CompletionItemKind.Value, detail: `today, ${spokenDate(today)}`, sortText: '0' });
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    private completePlatforms(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const block = context.node && blockOfFile(AstUtils.findRootNode(context.node));
        const used = block ? seenChannels(block).map(channel => channel.platform).filter((platform): platform is string => Boolean(platform)) : [];
        const platforms = [...new Set([...used, ...WELL_KNOWN_PLATFORMS])];
        platforms.forEach((platform, index) => acceptor(context, {
            label: platform,
            kind: CompletionItemKind.Value,
            detail: used.includes(platform) ? 'platform (used in this plan)' : 'platform',
            sortText: `0${String(index).padStart(4, '0')}`
        }));
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const listed = namesAlreadyListed(refInfo, context.tokenOffset);
        const candidates = super.getReferenceCandidates(refInfo, context).filter(candidate => !listed.has(candidate.name)).toArray();
        return stream(candidates.sort((a, b) => this.order(a, context.document) - this.order(b, context.document)));
    }

    /** Declaration order, this file's names before those of the files it uses; projects by rank, so the best candidate comes first. */
    private order(candidate: AstNodeDescription, from: LangiumDocument): number {
        const node = candidate.node;
        if (node && isProject(node)) return this.quickWins.analysisOf(node)?.rank ?? Number.MAX_SAFE_INTEGER;
        const offset = node?.$cstNode?.offset;
        if (offset === undefined) return Number.MAX_SAFE_INTEGER;
        return UriUtils.equals(candidate.documentUri, from.uri) ? offset : USED_FILE_ORDER + offset;
    }

    /** A name declared in a used file says which: its path from this file. */
    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node;
        if (!node) return item;
        const sortText = `0${String(this.order(nodeDescription, context.document)).padStart(10, '0')}`;
        const elsewhere = !UriUtils.equals(nodeDescription.documentUri, context.document.uri);
        const labelDetails = elsewhere ? { description: usePathBetween(context.document.uri, nodeDescription.documentUri) } : undefined;
        return { ...item, sortText, detail: this.describe(node) ?? item.detail, ...(labelDetails ? { labelDetails } : {}) };
    }

    /** Traits, levels, roles and `trained` come with what they mean; a keyword that starts a construct, with its snippet. */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        // A word a name may be (`Name: ID | 'to' | …`) is not proposed where a name stands.
        if (standsForAName(keyword)) return;
        const meaning = keywordMeaning(keyword.value);
        if (meaning) {
            super.completionForKeyword(context, keyword, (ctx, item) => acceptor(ctx, { ...item, documentation: { kind: 'markdown', value: meaning } }));
        } else {
            super.completionForKeyword(context, keyword, acceptor);
        }
        if (!this.snippetsSupported()) return;
        for (const [name, snippet] of snippetsStartedBy(keyword.value)) {
            acceptor(context, {
                label: name,
                filterText: keyword.value,
                labelDetails: { description: 'snippet' },
                kind: CompletionItemKind.Snippet,
                detail: snippet.description,
                insertText: snippetText(snippet, this.today.current),
                insertTextFormat: InsertTextFormat.Snippet,
                insertTextMode: InsertTextMode.adjustIndentation,
                sortText: '2'
            });
        }
    }

    /** Clients say whether they expand snippets; tests and clients that say nothing get them. */
    private snippetsSupported(): boolean {
        return this.clientCapabilities?.completionItem?.snippetSupport !== false;
    }

    /** What a completion item for a name of each kind a reference names says about its declaration. */
    private readonly descriptions: PerKind<ReferencedKind, string> = {
        Member: describeMember,
        Project: node => this.describeProject(node),
        Channel: node => `channel on ${node.platform}: ${node.title}`,
        Initiative: node => `initiative: ${node.title}`,
        Stage: node => `stage: ${node.title}`,
        Shared: node => `shared: ${node.title}`
    };

    private describe(node: AstNode): string | undefined {
        return applyFor(this.descriptions, node);
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
    if (isStatus(word)) return STATUS_MEANINGS[word];
    return word === 'trained' ? TRAINED_MEANING : LIVING_PLAN_MEANINGS[word];
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

/** Whether a keyword is an alternative of a rule that a name is written with (one that also takes an identifier). */
function standsForAName(keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    if (!rule || !GrammarUtils.isDataTypeRule(rule)) return false;
    return AstUtils.streamAst(rule.definition).some(element => GrammarAST.isRuleCall(element) && GrammarAST.isTerminalRule(element.rule.ref));
}
