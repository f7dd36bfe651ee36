/**
 * The lexer service: Chevrotain's tokens, made by the fast parser's lexer (adopt-fast-parser.ts,
 * one `charCodeAt` loop) when it can lex the text, by Chevrotain otherwise.
 *
 * Langium lexes the whole document again for things other than the build: completion lexes it
 * to find the token at the cursor and lexes the text before the cursor for its parser; a plan
 * with a syntax error (as while typing) is parsed by Langium's parser, which lexes first. On a
 * plan of 10,000 projects Chevrotain's lexer takes about 40 ms a time, the fast one about 10.
 * The tokens are the same objects Chevrotain makes: image, offsets, lines and columns (1-based,
 * end inclusive), token type; comments in the hidden group; whitespace skipped.
 */
import type { IToken, TokenType } from 'chevrotain';
import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';
import { lexPlan, tokenTypesOf } from './adopt-fast-parser.js';

export class AdoptLexer extends DefaultLexer {
    /** The token type of each of the fast lexer's kinds; undefined if the grammar's tokens are not the ones it knows. */
    private readonly kinds: TokenType[] | undefined;
    /** False to lex with Chevrotain only (equivalence tests). */
    fastPath = true;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.kinds = tokenTypesOf(this.definition as Record<string, TokenType>);
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const lexed = this.fastPath && this.kinds ? lexPlan(text) : undefined;
        if (!lexed || !this.kinds) return super.tokenize(text, options);
        const positions = new PositionTracker(text);
        const tokens: IToken[] = new Array(lexed.count);
        for (let i = 0; i < lexed.count; i++) {
            tokens[i] = positions.token(lexed.starts[i], lexed.ends[i], this.kinds[lexed.kinds[i]]);
        }
        // Comments come in text order too, but a second tracker: they interleave with the tokens.
        const hiddenPositions = new PositionTracker(text);
        const hidden: IToken[] = new Array(lexed.hiddenStarts.length);
        for (let i = 0; i < hidden.length; i++) {
            hidden[i] = hiddenPositions.token(lexed.hiddenStarts[i], lexed.hiddenEnds[i], this.kinds[lexed.hiddenKinds[i]]);
        }
        return { tokens, errors: [], hidden, report: this.tokenBuilder.flushLexingReport?.(text) };
    }
}

const LINE_FEED = 10, CARRIAGE_RETURN = 13;

/**
 * Lines and columns of tokens asked for in increasing offsets, as Chevrotain counts them: a line
 * ends at `\n`, `\r\n` or a lone `\r`; columns count UTF-16 units; both from 1.
 */
class PositionTracker {
    /** The offset scanned up to, its line (from 1) and the offset where that line starts. */
    private offset = 0;
    private line = 1;
    private lineStart = 0;

    constructor(private readonly text: string) { }

    token(start: number, end: number, tokenType: TokenType): IToken {
        this.advanceTo(start);
        const startLine = this.line;
        const startColumn = start - this.lineStart + 1;
        // The last character of a token is never a line break: scan the token itself for breaks.
        this.advanceTo(end - 1);
        const endLine = this.line;
        const endColumn = end - 1 - this.lineStart + 1;
        return {
            image: this.text.substring(start, end),
            startOffset: start,
            endOffset: end - 1,
            startLine,
            endLine,
            startColumn,
            endColumn,
            tokenTypeIdx: tokenType.tokenTypeIdx!,
            tokenType
        };
    }

    /** Moves to `offset`, counting the line breaks before it. */
    private advanceTo(offset: number): void {
        const text = this.text;
        for (let i = this.offset; i < offset; i++) {
            const code = text.charCodeAt(i);
            if (code === LINE_FEED) {
                this.line++;
                this.lineStart = i + 1;
            } else if (code === CARRIAGE_RETURN) {
                if (text.charCodeAt(i + 1) === LINE_FEED) i++;
                this.line++;
                this.lineStart = i + 1;
                if (i >= offset) {
                    this.offset = i + 1;
                    return;
                }
            }
        }
        this.offset = Math.max(this.offset, offset);
    }
}
