/**
 * Rename that leaves a plan that parses. `prepareRename` accepts a name (a declaration's or a
 * reference to one) and refuses anything else with a message that says why: a keyword, a title,
 * a name that is not declared (`rename` there, as in Langium, answers no edit). `rename` refuses
 * a new name that the grammar's `Name` rule does not take (model/grammar-words.ts reads it from
 * Langium's grammar object; a word of the language is a name), and one that another declaration of
 * the same kind already has in the plan.
 */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, LSPErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { blockOfFile } from '../model/plan-model.js';
import { DECLARATION_KEYWORDS, NAMESPACES, entryFor, isDeclaration, withArticle, type Declaration } from '../model/declaration-kinds.js';
import { NameRules } from '../model/grammar-words.js';

export class AdoptRenameProvider extends DefaultRenameProvider {
    private readonly names: NameRules;

    constructor(services: AdoptServices) {
        super(services);
        this.names = new NameRules(services.Grammar);
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams, _cancelToken?: CancellationToken): Range {
        const leaf = this.leafAt(document, params.position);
        const range = this.renameNodeRange(document, params.position);
        if (leaf && range) return range;
        throw new ResponseError(LSPErrorCodes.RequestFailed, this.whyNotRenamable(leaf));
    }

    /** Nothing to rename where prepareRename refuses (no edit, as Langium answers); a bad new name is refused. */
    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const leaf = this.leafAt(document, params.position);
        const declaration = leaf && this.declarationOf(leaf);
        if (!leaf || !declaration) return undefined;
        const check = this.names.check(params.newName);
        if (!check.ok) throw new ResponseError(ErrorCodes.InvalidParams, check.problem);
        const clash = isDeclaration(declaration) && sameNamespace(declaration).find(other => other !== declaration && this.nameProvider.getName(other) === params.newName);
        if (clash) {
            const kind = DECLARATION_KEYWORDS[clash.$type];
            const where = NAMESPACES[clash.$type] === 'container' && clash.$container ? `in this ${entryFor(DECLARATION_KEYWORDS, clash.$container.$type) ?? 'block'}` : 'in this plan';
            throw new ResponseError(ErrorCodes.InvalidParams, `There is already ${withArticle(kind)} named '${params.newName}' ${where}. Choose another name.`);
        }
        return super.rename(document, params, cancelToken);
    }

    private leafAt(document: LangiumDocument, position: { line: number; character: number }): CstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(position);
        return CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
    }

    /** The declaration a name node or a reference stands for. */
    private declarationOf(leaf: CstNode): AstNode | undefined {
        if (this.isNameNode(leaf)) return leaf.astNode;
        return this.references.findDeclarations(leaf)[0];
    }

    private whyNotRenamable(leaf: CstNode | undefined): string {
        const text = leaf?.text ?? '';
        if (leaf && this.names.isKeyword(text) && !isNameLeaf(leaf)) {
            return `'${text}' is a word of the Adopt language, not a name: only the names of declarations (${Object.values(DECLARATION_KEYWORDS).join(', ')}) can be renamed.`;
        }
        if (leaf && text.startsWith('"')) return 'Titles are not renamed: edit the text between the quotes.';
        if (leaf && this.names.check(text).ok) return `'${text}' is not declared in this plan, so there is nothing to rename.`;
        return 'Put the cursor on a name to rename it.';
    }
}

/** Whether a leaf is written with the `Name` rule (`channel medium`, `owner staff`), even where the word is a keyword. */
function isNameLeaf(leaf: CstNode): boolean {
    return AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)?.name === 'Name';
}

/** The declarations whose names must differ from the name of `node`: the same kind in the plan, or in its container. */
function sameNamespace(node: Declaration): readonly Declaration[] {
    const namespace = NAMESPACES[node.$type];
    const root = AstUtils.findRootNode(node);
    if (typeof namespace === 'function') {
        const block = blockOfFile(root);
        return block ? namespace(block) : [];
    }
    // A metric's siblings; a plan or a shared block is alone in its file.
    const within = namespace === 'container' && node.$container ? AstUtils.streamContents(node.$container) : AstUtils.streamContents(root);
    return within.filter((other): other is Declaration => other !== root && other.$type === node.$type).toArray();
}
