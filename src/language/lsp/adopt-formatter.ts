/**
 * The canonical formatter: one declaration or statement per line, indented two spaces per block
 * (`{ … }`) it is in, one space between the tokens of a line (none before `,` and `%`), `{` at the
 * end of its line and `}` on a line of its own. Comments are kept where they are: a comment that
 * ends a line stays at its end, one on its own line stays on its own line (the lines inside a
 * block comment are not touched). Blank lines between statements are kept, several in a row as
 * one, none before a `}`. A story's `audience` may stay on the story's line or on the next one, as it was written.
 * The file ends with one line break.
 *
 * Only whitespace between tokens ever changes: the formatter reads the lexer's tokens (comments
 * included), and which tokens start a statement from the syntax tree, and rewrites the gaps
 * between them. So the result has the same tokens, hence the same tree, and formatting it again
 * changes nothing. A plan that does not lex or parse is left as it is: the tree of a broken plan
 * says too little about where its statements start.
 */
import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type Grammar, type LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { isStory } from '../generated/ast.js';

/** The language's indentation: two spaces, whatever the editor's tab size. */
export const INDENT = '  ';

/** A token of the text: its offsets and image. */
export interface FormatToken {
    readonly offset: number;
    readonly end: number;
    readonly image: string;
}

/** What the syntax tree tells the formatter about the tokens. */
export interface TokenRoles {
    /** Offsets of the tokens that start a statement (a new line). */
    readonly statementStarts: ReadonlySet<number>;
    /** Offsets of tokens that may stay on their line or start the next one, as written (`audience`). */
    readonly flexibleBreaks: ReadonlySet<number>;
}

/** A gap between two tokens (or before the first, or after the last) and its new text. */
export interface GapEdit {
    readonly offset: number;
    readonly end: number;
    readonly newText: string;
}

export class AdoptFormatter implements Formatter {
    private readonly blockTypes: ReadonlySet<string>;

    constructor(private readonly services: AdoptServices) {
        this.blockTypes = typesWithBlocks(services.Grammar);
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const start = document.textDocument.offsetAt(params.range.start);
        const end = document.textDocument.offsetAt(params.range.end);
        return this.edits(document, gap => gap.end >= start && gap.offset <= end);
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    /** The gap edits of the canonical layout, as text edits; none when the plan does not parse. */
    private edits(document: LangiumDocument, keep: (gap: GapEdit) => boolean = () => true): TextEdit[] {
        const { parseResult } = document;
        if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0 || !parseResult.value.$cstNode) return [];
        const text = document.textDocument.getText();
        const lexed = this.services.parser.Lexer.tokenize(text);
        if (lexed.errors.length > 0) return [];
        const tokens = [...lexed.tokens, ...(lexed.hidden ?? [])]
            .map(token => ({ offset: token.startOffset, end: token.startOffset + token.image.length, image: token.image }))
            .sort((a, b) => a.offset - b.offset);
        const gaps = canonicalGaps(text, tokens, tokenRoles(parseResult.value, this.blockTypes));
        if (!gaps) return [];
        return gaps.filter(keep).map(gap => ({
            range: { start: document.textDocument.positionAt(gap.offset), end: document.textDocument.positionAt(gap.end) },
            newText: gap.newText
        }));
    }
}

/** The types whose rule has a `{` of its own (Plan, Coalition, Stage, Goal, Project): their children are statements. */
export function typesWithBlocks(grammar: Grammar): ReadonlySet<string> {
    const types = new Set<string>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || !rule.definition) continue;
        const hasBlock = [rule.definition, ...AstUtils.streamAllContents(rule.definition)].some(element => GrammarAST.isKeyword(element) && element.value === '{');
        if (hasBlock) types.add(GrammarUtils.getRuleTypeName(rule));
    }
    return types;
}

/** Statement starts: every node whose container has a block; flexible breaks: a story's `audience`. */
export function tokenRoles(root: AstNode, blockTypes: ReadonlySet<string>): TokenRoles {
    const statementStarts = new Set<number>();
    const flexibleBreaks = new Set<number>();
    for (const node of AstUtils.streamAllContents(root)) {
        const cst = node.$cstNode;
        if (!cst || !node.$container || !blockTypes.has(node.$container.$type)) continue;
        statementStarts.add(cst.offset);
        if (isStory(node)) {
            const audience = GrammarUtils.findNodeForKeyword(cst, 'audience');
            if (audience) flexibleBreaks.add(audience.offset);
        }
    }
    return { statementStarts, flexibleBreaks };
}

/**
 * The new text of every gap that changes, for `tokens` (in text order, comments included) of
 * `text`; undefined when a gap holds anything but whitespace (text the lexer skipped).
 */
export function canonicalGaps(text: string, tokens: readonly FormatToken[], roles: TokenRoles): GapEdit[] | undefined {
    if (tokens.length === 0) return [];
    const eol = lineEnding(text, tokens);
    const edits: GapEdit[] = [];
    const replace = (offset: number, end: number, newText: string) => {
        if (text.slice(offset, end) !== newText) edits.push({ offset, end, newText });
    };
    let depth = 0;
    let previous: FormatToken | undefined;
    for (const token of tokens) {
        const gapStart = previous ? previous.end : 0;
        const gap = text.slice(gapStart, token.offset);
        if (/\S/.test(gap)) return undefined;
        if (token.image === '}') depth = Math.max(0, depth - 1);
        if (!previous) {
            replace(0, token.offset, '');
        } else {
            const breaks = lineBreaks(gap);
            const opensBlock = previous.image === '{';
            const closesBlock = token.image === '}';
            const isComment = token.image.startsWith('//') || token.image.startsWith('/*');
            const endOfLineComment = isComment && breaks === 0 && !previous.image.startsWith('//');
            const newLine = !endOfLineComment && (previous.image.startsWith('//') || opensBlock || closesBlock
                || roles.statementStarts.has(token.offset) || (breaks > 0 && (isComment || roles.flexibleBreaks.has(token.offset))));
            if (newLine) {
                const blank = breaks >= 2 && !closesBlock;
                replace(gapStart, token.offset, eol + (blank ? eol : '') + INDENT.repeat(depth));
            } else {
                replace(gapStart, token.offset, token.image === ',' || token.image === '%' ? '' : ' ');
            }
        }
        if (token.image === '{') depth++;
        previous = token;
    }
    replace(previous!.end, text.length, eol);
    return edits;
}

/**
 * The line ending the formatter writes: the one most line breaks between the tokens use (`\r\n`
 * or `\n`; the first on a tie). Breaks inside comments count only when no break stands between
 * tokens. The formatter writes every break between tokens itself and keeps comments as they
 * are, so formatting a formatted text changes nothing, whatever the comments hold.
 */
export function lineEnding(text: string, tokens: readonly FormatToken[] = []): '\r\n' | '\n' {
    let counts = { crlf: 0, lf: 0, first: undefined as '\r\n' | '\n' | undefined };
    let gapStart = 0;
    for (const token of tokens) {
        counts = countBreaks(text.slice(gapStart, token.offset), counts);
        gapStart = token.end;
    }
    counts = countBreaks(text.slice(gapStart), counts);
    if (counts.crlf + counts.lf === 0) counts = countBreaks(text, counts);
    if (counts.crlf !== counts.lf) return counts.crlf > counts.lf ? '\r\n' : '\n';
    return counts.first ?? '\n';
}

function countBreaks(stretch: string, counts: { crlf: number; lf: number; first: '\r\n' | '\n' | undefined }) {
    let { crlf, lf, first } = counts;
    for (const [found] of stretch.matchAll(/\r?\n/g)) {
        if (found === '\r\n') crlf++;
        else lf++;
        first ??= found as '\r\n' | '\n';
    }
    return { crlf, lf, first };
}

/** Line breaks in a stretch of whitespace: `\r\n`, `\n` and a lone `\r` count one each. */
function lineBreaks(whitespace: string): number {
    return whitespace.match(/\r\n|\r|\n/g)?.length ?? 0;
}
