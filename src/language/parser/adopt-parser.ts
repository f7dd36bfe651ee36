/**
 * The Adopt parser: Langium's parser with two guards for hostile input.
 * - A text larger than MAX_PLAN_BYTES is not parsed: it gets one syntax error saying so, and the
 *   rest of the server keeps serving (the CLI refuses such files before parsing).
 * - Parsing stays linear in the size of the text. Langium 4.4 is quadratic in two places: its
 *   CST builder searches the parent's children (`indexOf`, from the front) for every new node,
 *   even with no comment to place (300,000 declarations, 7 MB: 20 s), and its parser takes the
 *   comments before each token off the front of one array (`splice(0, n)`; 50,000 commented
 *   declarations: 14 s). It also spreads all trailing comments as call arguments, which
 *   overflows the stack beyond about 100,000 of them. AdoptCstNodeBuilder and AdoptParser fix
 *   the three and build the same tree.
 */
import { createParser, CstNodeBuilder, LangiumParser, type AstNode, type CompositeCstNode, type CstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import type { IToken } from 'chevrotain';
import { exceedsPlanSize, tooLargeMessage } from './plan-limits.js';

/** Places hidden nodes (comments) like Langium's builder does, in linear time overall. */
export class AdoptCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const nodes: CstNode[] = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            insertChildren(current, current.content.length, nodes);
            return;
        }
        // A node just opened: place the comments before it, in the first ancestor with content.
        // The node is at (or near) the end of its parent: search from the back.
        while (current.container) {
            const parent = current.container;
            const index = parent.content.lastIndexOf(current);
            if (index > 0) {
                insertChildren(parent, index, nodes);
                return;
            }
            current = parent;
        }
        insertChildren(current, 0, nodes);
    }
}

/** Inserts children at an index; never spreads a long list as call arguments (engines limit their count). */
function insertChildren(parent: CompositeCstNode, index: number, nodes: readonly CstNode[]): void {
    for (const node of nodes) (node as { container?: CompositeCstNode }).container = parent;
    const content = parent.content as CstNode[];
    if (nodes.length <= 1000) {
        content.splice(index, 0, ...nodes);
    } else {
        (parent as unknown as { content: CstNode[] }).content = content.slice(0, index).concat(nodes, content.slice(index));
    }
}

/** The parts of Langium's parser (private in its typings) that the hidden-token fix replaces. */
interface ParserInternals {
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
    doParse(rule: unknown): unknown;
}

export class AdoptParser extends LangiumParser {
    /** False if a Langium upgrade renamed the internals: then Langium's own (quadratic) code runs. */
    readonly linearHiddenTokens: boolean;
    private hidden: IToken[] | undefined;
    private taken = 0;

    constructor(services: LangiumCoreServices) {
        super(services);
        (this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new AdoptCstNodeBuilder();
        const internals = this as unknown as ParserInternals;
        const doParse = internals.doParse;
        this.linearHiddenTokens = typeof internals.extractHiddenTokens === 'function' && typeof doParse === 'function';
        if (this.linearHiddenTokens) {
            // Langium removes the comments before each token from the front of one array
            // (splice(0, n)): quadratic in the number of comments. Read them with a cursor instead,
            // and remove the ones read once, when the parse ends.
            internals.extractHiddenTokens = token => this.takeHiddenTokens(token);
            internals.doParse = rule => {
                try {
                    return doParse.call(this, rule);
                } finally {
                    this.dropTakenHiddenTokens();
                }
            };
        }
    }

    /** The comments before the token that were not taken yet (what Langium's extractHiddenTokens returns). */
    private takeHiddenTokens(token: IToken): IToken[] {
        const hidden = (this as unknown as ParserInternals).lexerResult?.hidden ?? [];
        if (hidden !== this.hidden) {
            this.hidden = hidden;
            this.taken = 0;
        }
        const start = this.taken;
        let end = start;
        while (end < hidden.length && hidden[end].startOffset <= token.startOffset) end++;
        this.taken = end;
        return end === start ? [] : hidden.slice(start, end);
    }

    /** Leaves only the comments after the last token, which Langium adds to the tree after parsing. */
    private dropTakenHiddenTokens(): void {
        if (this.hidden && this.taken > 0) this.hidden.splice(0, this.taken);
        this.hidden = undefined;
        this.taken = 0;
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        if (!exceedsPlanSize(input)) {
            const result = super.parse<T>(input, options);
            // Langium leaves the last document's tokens in the parser until the next parse (about
            // 2 KB a project); the tree holds what it needs.
            this.wrapper.input = [];
            return result;
        }
        // Parse nothing: the result of an empty file, with its one error telling why.
        const empty = super.parse<T>('', options);
        const [first] = empty.parserErrors;
        const error = Object.assign(Object.create(Object.getPrototypeOf(first ?? {}) as object) as object, first, { message: tooLargeMessage(input) });
        return { ...empty, lexerErrors: [], parserErrors: [error as (typeof empty.parserErrors)[number]] };
    }
}

/** The `parser.LangiumParser` service: an AdoptParser with the grammar's rules, finalized. */
export function createAdoptParser(services: LangiumCoreServices): AdoptParser {
    const parser = createParser(services.Grammar, new AdoptParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
