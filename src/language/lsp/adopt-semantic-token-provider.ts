/**
 * Semantic highlighting: each name gets the token type of its kind, both where it is declared
 * (with the `declaration` modifier) and where it is referenced (an action's owner is a member);
 * roles, levels, platforms, statuses and a project's effort are enum members; dates (a stage's
 * window, an action's due date) are numbers.
 *
 * Editors ask for the tokens of the whole document after every change; a plan of 10,000
 * projects has about 95,000 of them. Langium's walk (a stream of iterators per node, a check for
 * cancellation per node) and property lookup (a list of every match, for each index) are replaced
 * by the syntax facts (parser/syntax-facts.ts), the same nodes in the same order: the same tokens.
 * And after an edit most projects are what they were: a request for the whole document takes the
 * tokens of each project whose text is the same as at the last such request (and starts at the
 * same character of its line) from that request, moved by the lines it moved, and highlights
 * only the others (at 10,000 projects, a delta request after an edit of one project took a
 * third of the time).
 *
 * Langium's provider keeps the request it answers in fields (the document, its range, the
 * document's token builder) and yields to the event loop while it walks the tree, so two requests
 * at once (an editor asks for the visible range and the whole document together) mixed their
 * tokens: the first token of the plan came twice, and editors reported overlapping tokens. Here
 * the requests are answered one after another, a range request gets a builder of its own (the
 * document's builder keeps the last full result for delta requests), and a cancelled request
 * leaves no tokens behind for the next one. A request during which the document changed is
 * answered with LSP's ContentModified error.
 */
import { Cancellation, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, SemanticTokensBuilder, type SemanticTokenAcceptor, type SemanticTokenPropertyOptions } from 'langium/lsp';
import type { AdoptServices } from '../adopt-module.js';
import type { SyntaxFacts } from '../parser/syntax-facts.js';
import {
    LSPErrorCodes, ResponseError, SemanticTokenModifiers, SemanticTokenTypes, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensDeltaParams, type SemanticTokensParams,
    type SemanticTokensRangeParams
} from 'vscode-languageserver';
import {
    isAction, isChannel, isEffort, isInvolves, isLaunch, isMember, isProject, isStage, isStory, isSupports, isTrait, isUses
} from '../generated/ast.js';
import { entryFor, type DeclarationKind } from '../model/declaration-kinds.js';

/** The token type of each kind of declaration. */
export const NAME_TOKEN_TYPES: Readonly<Record<DeclarationKind, string>> = {
    Plan: SemanticTokenTypes.namespace,
    Shared: SemanticTokenTypes.namespace,
    Member: SemanticTokenTypes.variable,
    Channel: SemanticTokenTypes.interface,
    Initiative: SemanticTokenTypes.enum,
    Stage: SemanticTokenTypes.namespace,
    Goal: SemanticTokenTypes.event,
    Metric: SemanticTokenTypes.property,
    Project: SemanticTokenTypes.class,
    Story: SemanticTokenTypes.struct,
    Action: SemanticTokenTypes.function
};

/** The token type of a date (YYYY-MM-DD). */
export const DATE_TOKEN_TYPE = SemanticTokenTypes.number;

/** How many nodes to highlight between two checks for cancellation. */
const NODES_PER_CHECK = 256;

/**
 * The tokens of a project and of everything it holds, as the last whole-document request pushed
 * them: taken again, moved by the lines its text moved, while its text stays the same.
 */
interface ProjectTokens {
    /** The project's text. */
    readonly text: string;
    /** The character its first line started at. */
    readonly character: number;
    /** How many nodes: the project and all it holds (in the list of nodes, they follow it). */
    readonly size: number;
    /** Each token's line (counted from the project's first), character, length, type and modifiers, in the order they were pushed. */
    readonly tokens: readonly number[];
}

/** A builder's `push`, passed on, with each token kept, its line counted from `firstLine`. */
class RecordingTokens {
    readonly tokens: number[] = [];
    constructor(private readonly target: SemanticTokensBuilder, private readonly firstLine: number) {}
    push(line: number, character: number, length: number, type: number, modifiers: number): void {
        this.tokens.push(line - this.firstLine, character, length, type, modifiers);
        this.target.push(line, character, length, type, modifiers);
    }
}

/** How many nodes the node at `index` holds, itself included: those after it in the list (an order of `streamAst`) that it contains. */
function subtreeSize(nodes: readonly AstNode[], index: number): number {
    const node = nodes[index];
    let end = index + 1;
    while (end < nodes.length && holds(node, nodes[end])) end++;
    return end - index;
}

function holds(ancestor: AstNode, node: AstNode): boolean {
    for (let current = node.$container; current; current = current.$container) if (current === ancestor) return true;
    return false;
}

export class AdoptSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly facts: SyntaxFacts;
    /** The request being answered (settled either way): the next one starts after it. */
    private previous: Promise<unknown> = Promise.resolve();
    /** Each document's projects' tokens, from its last whole-document request. */
    private readonly projectTokens = new WeakMap<LangiumDocument, Map<AstNode, ProjectTokens>>();
    /** Projects whose tokens were taken from the request before, and those highlighted anew (for tests). */
    readonly counts = { kept: 0, made: 0 };

    constructor(services: AdoptServices) {
        super(services);
        this.facts = services.syntax.Facts;
    }

    override semanticHighlight(document: LangiumDocument, params: SemanticTokensParams, cancelToken = Cancellation.CancellationToken.None): Promise<SemanticTokens> {
        return this.oneAtATime(document, () => super.semanticHighlight(document, params, cancelToken));
    }

    override semanticHighlightDelta(
        document: LangiumDocument, params: SemanticTokensDeltaParams, cancelToken = Cancellation.CancellationToken.None
    ): Promise<SemanticTokens | SemanticTokensDelta> {
        return this.oneAtATime(document, () => super.semanticHighlightDelta(document, params, cancelToken));
    }

    /** The tokens of a range, from a builder of its own: the document's keeps its last full result, the base of the next delta. */
    override semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams, cancelToken = Cancellation.CancellationToken.None): Promise<SemanticTokens> {
        return this.oneAtATime(document, async () => {
            const builder = new SemanticTokensBuilder();
            this.currentRange = params.range;
            this.currentDocument = document;
            this.currentTokensBuilder = builder;
            await this.computeHighlighting(document, this.createAcceptor(), cancelToken);
            return builder.build();
        });
    }

    /**
     * Runs one request after the one before has settled. A request that fails (cancelled) drops
     * the document's builder, which still holds the tokens it had collected.
     */
    private oneAtATime<T>(document: LangiumDocument, answer: () => Promise<T>): Promise<T> {
        const run = async (): Promise<T> => {
            try {
                return await answer();
            } catch (error) {
                this.tokensBuilders.delete(document.uri.toString());
                throw error;
            } finally {
                this.currentDocument = undefined;
                this.currentTokensBuilder = undefined;
                this.currentRange = undefined;
            }
        };
        const result = this.previous.then(run, run);
        this.previous = result.catch(() => undefined);
        return result;
    }

    /**
     * Langium's `computeHighlighting` over the tree's nodes in the order of `streamAst` (`nodesOf`, listed once per tree). A
     * range request is still answered with the tokens in its range only (`highlightToken` filters
     * them), and no element of ours asks to prune.
     */
    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const root = document.parseResult.value;
        const textDocument = document.textDocument;
        const version = textDocument.version;
        const text = textDocument.getText();
        const nodes = this.facts.nodes(root);
        // A whole document's tokens: each project's come from the request before when its text is the same.
        const before = this.currentRange === undefined ? this.projectTokens.get(document) : undefined;
        const kept = this.currentRange === undefined ? new Map<AstNode, ProjectTokens>() : undefined;
        const builder = this.currentTokensBuilder;
        let work = 0;
        for (let i = 0; i < nodes.length; i++) {
            if (work++ % NODES_PER_CHECK === 0) {
                await interruptAndCheck(cancelToken);
                // An edit while this request waited updates the tree in place (and the list of its
                // nodes): the tokens would mix two versions. LSP's answer: the content was modified.
                if (textDocument.version !== version || document.textDocument.version !== version || document.parseResult.value !== root) {
                    throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while its semantic tokens were computed.');
                }
            }
            const node = nodes[i];
            const cst = kept && builder && isProject(node) ? node.$cstNode : undefined;
            if (!kept || !builder || !cst) {
                this.highlightElement(node, acceptor);
                continue;
            }
            const projectText = text.slice(cst.offset, cst.end);
            const start = textDocument.positionAt(cst.offset);
            const old = before?.get(node);
            if (old && old.text === projectText && old.character === start.character) {
                const tokens = old.tokens;
                for (let t = 0; t < tokens.length; t += 5) builder.push(tokens[t] + start.line, tokens[t + 1], tokens[t + 2], tokens[t + 3], tokens[t + 4]);
                kept.set(node, old);
                this.counts.kept++;
                i += old.size - 1;
                continue;
            }
            const recorded = new RecordingTokens(builder, start.line);
            // The recorder stands in for the builder while the project's nodes are highlighted (it passes every token on).
            this.currentTokensBuilder = recorded as unknown as SemanticTokensBuilder;
            const end = i + subtreeSize(nodes, i);
            try {
                for (let j = i; j < end; j++) this.highlightElement(nodes[j], acceptor);
            } finally {
                this.currentTokensBuilder = builder;
            }
            kept.set(node, { text: projectText, character: start.character, size: end - i, tokens: recorded.tokens });
            this.counts.made++;
            work += end - i - 1;
            i = end - 1;
        }
        if (kept) this.projectTokens.set(document, kept);
    }

    /** Langium's, with the nodes' ranges only (the syntax facts find them without making leaves). */
    protected override highlightProperty<N extends AstNode>(options: SemanticTokenPropertyOptions<N>): void {
        const property = options.property as string;
        const ranges = typeof options.index === 'number'
            ? [this.facts.propertyRange(options.node, property, options.index)].filter(range => range !== undefined)
            : this.facts.propertyRanges(options.node, property);
        for (const range of ranges) this.highlightToken({ range, type: options.type, modifier: options.modifier });
    }
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const nameType = entryFor(NAME_TOKEN_TYPES, node.$type);
        if (nameType && 'name' in node && node.name) {
            acceptor({ node, property: 'name' as never, type: nameType, modifier: SemanticTokenModifiers.declaration });
        }
        if (isMember(node) && node.role) {
            acceptor({ node, property: 'role', type: SemanticTokenTypes.enumMember });
        } else if (isChannel(node) && node.platform) {
            acceptor({ node, property: 'platform', type: SemanticTokenTypes.enumMember });
        } else if (isTrait(node) && node.level) {
            acceptor({ node, property: 'level', type: SemanticTokenTypes.enumMember });
        } else if (isStage(node)) {
            if (node.after) acceptor({ node, property: 'after', type: NAME_TOKEN_TYPES.Stage });
            if (node.from !== undefined) acceptor({ node, property: 'from', type: DATE_TOKEN_TYPE });
            if (node.to !== undefined) acceptor({ node, property: 'to', type: DATE_TOKEN_TYPE });
        } else if (isAction(node)) {
            if (node.owner) acceptor({ node, property: 'owner', type: NAME_TOKEN_TYPES.Member });
            if (node.due !== undefined) acceptor({ node, property: 'due', type: DATE_TOKEN_TYPE });
            if (node.status) acceptor({ node, property: 'status', type: SemanticTokenTypes.enumMember });
        } else if (isEffort(node) && node.level) {
            acceptor({ node, property: 'level', type: SemanticTokenTypes.enumMember });
        } else if (isStory(node)) {
            if (node.project) acceptor({ node, property: 'project', type: NAME_TOKEN_TYPES.Project });
            node.audience.forEach((_, index) => acceptor({ node, property: 'audience', index, type: NAME_TOKEN_TYPES.Member }));
        } else if (isInvolves(node)) {
            node.members.forEach((_, index) => acceptor({ node, property: 'members', index, type: NAME_TOKEN_TYPES.Member }));
        } else if (isSupports(node)) {
            node.initiatives.forEach((_, index) => acceptor({ node, property: 'initiatives', index, type: NAME_TOKEN_TYPES.Initiative }));
        } else if (isUses(node) || isLaunch(node)) {
            node.channels.forEach((_, index) => acceptor({ node, property: 'channels', index, type: NAME_TOKEN_TYPES.Channel }));
        }
    }
}
