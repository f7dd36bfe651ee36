/**
 * Formatting in the style of the SPEC example: one declaration per line, blocks indented by two
 * spaces, `{` after one space, `}` on a line of its own. The user's blank lines, comments and the
 * extra spaces that align columns within a line are kept, so formatting twice changes nothing.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { isCoalition, isGoal, isPlan, isProject, isStage, isStory } from '../generated/ast.js';

/** The language's indentation: two spaces, whatever the editor's tab size. */
export const ADOPT_FORMATTING: Pick<FormattingOptions, 'tabSize' | 'insertSpaces'> = { tabSize: 2, insertSpaces: true };

export class AdoptFormatter extends AbstractFormatter {
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        return super.doDocumentFormat(document, { ...options, ...ADOPT_FORMATTING }, range);
    }

    protected format(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        this.spaceOwnTokens(node);
        if (isPlan(node) || isCoalition(node) || isStage(node) || isProject(node) || isGoal(node)) {
            const open = formatter.keyword('{');
            const close = formatter.keyword('}');
            if (open.nodes.length > 0 && close.nodes.length > 0) {
                formatter.interior(open, close).prepend(Formatting.indent({ allowMore: true }));
                close.prepend(Formatting.newLine({ allowMore: true }));
            }
        }
        if (isStory(node)) {
            // `audience` may stay on the story's line or go on the next one, as in the SPEC example.
            formatter.keyword('audience').prepend(Formatting.fit(Formatting.oneSpace({ allowMore: true }), Formatting.newLine()));
        }
    }

    /**
     * Tokens of one declaration are separated by one space (or more, to keep aligned columns);
     * no space before `,` and `%`.
     */
    private spaceOwnTokens(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        const tokens = ownTokens(node);
        tokens.forEach((token, index) => {
            if (index === 0 || token.text === '}') return;
            const region = formatter.cst([token]);
            if (token.text === ',' || token.text === '%') {
                region.prepend(Formatting.noSpace());
            } else if (token.text === '{') {
                region.prepend(Formatting.oneSpace());
            } else if (tokens[index - 1].text !== '{' && !(isStory(node) && token.text === 'audience')) {
                region.prepend(Formatting.oneSpace({ allowMore: true }));
            }
        });
    }
}

/** The visible tokens that belong to the node itself, not to its children. */
function ownTokens(node: AstNode): CstNode[] {
    const cst = node.$cstNode;
    if (!cst) return [];
    const tokens: CstNode[] = [];
    collect(cst, node, tokens);
    return tokens;
}

function collect(cst: CstNode, owner: AstNode, tokens: CstNode[]): void {
    if (cst.astNode !== owner) return;
    if ('content' in cst && Array.isArray(cst.content)) {
        for (const child of cst.content as CstNode[]) collect(child, owner, tokens);
    } else if (!cst.hidden) {
        tokens.push(cst);
    }
}
