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
import { KeptPerProject, subtreeSize } from './kept-per-project.js';
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

/** The tokens of a project and of everything it holds, as a whole-document request pushed them. */
interface ProjectTokens {
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

export class AdoptSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly facts: SyntaxFacts;
    /** The request being answered (settled either way): the next one starts after it. */
    private previous: Promise<unknown> = Promise.resolve();
    /** Each document's projects' tokens, from its last whole-document request. */
    private readonly projectTokens = new KeptPerProject<ProjectTokens>();

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
        const nodes = this.facts.nodes(root);
        // A whole document's tokens: each project's come from the request before when it is what it was.
        const answer = this.currentRange === undefined ? this.projectTokens.begin(document) : undefined;
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
            if (!answer || !builder || !isProject(node) || !node.$cstNode) {
                this.highlightElement(node, acceptor);
                continue;
            }
            const taken = answer.taken(node);
            if (taken) {
                const { tokens, size } = taken.value;
                const line = taken.start.line;
                for (let t = 0; t < tokens.length; t += 5) builder.push(tokens[t] + line, tokens[t + 1], tokens[t + 2], tokens[t + 3], tokens[t + 4]);
                answer.keepAt(node, taken.value, taken.start);
                i += size - 1;
                continue;
            }
            const recorded = new RecordingTokens(builder, textDocument.positionAt(node.$cstNode.offset).line);
            // The recorder stands in for the builder while the project's nodes are highlighted (it passes every token on).
            this.currentTokensBuilder = recorded as unknown as SemanticTokensBuilder;
            const end = i + subtreeSize(nodes, i);
            try {
                for (let j = i; j < end; j++) this.highlightElement(nodes[j], acceptor);
            } finally {
                this.currentTokensBuilder = builder;
            }
            answer.keep(node, { size: end - i, tokens: recorded.tokens });
            work += end - i - 1;
            i = end - 1;
        }
        if (answer) this.projectTokens.finish(document, answer);
    }

    /** Projects whose tokens were taken from the request before, and those highlighted anew (for tests). */
    get counts(): { readonly kept: number; readonly made: number } {
        return this.projectTokens.counts;
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
