/**
 * Rename that leaves a plan that parses. `prepareRename` accepts a name (a declaration's or a
 * reference to one) and refuses anything else with a message that says why: a keyword, a title,
 * a name that is not declared (`rename` there, as in Langium, answers no edit). `rename` refuses
 * a new name that the grammar's `Name` rule does not take (model/grammar-words.ts reads it from
 * Langium's grammar object; a word of the language is a name), and one that another declaration of
 * the same kind already has where the two would meet: in the plan or shared block; for a plan's
 * member, channel or initiative, in the shared files its file uses; for a shared file's, in every
 * file of the workspace that uses that file, and in the other shared files those use
 * (docs/language.md#plans-in-many-files). The edit reaches every file of the workspace that
 * refers to the name, open or not (Langium's index of references). A shared block's name is
 * renamed in its file only (the `use` lines name the file by its path); the path of a `use` is
 * not renamed.
 */
import { AstUtils, CstUtils, GrammarAST, UriUtils, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, LSPErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { isShared, isUse, type Shared } from '../generated/ast.js';
import { blockOfFile, usedBlocks, type Block } from '../model/plan-model.js';
import { usePathBetween } from '../workspace/used-files.js';
import { DECLARATION_KEYWORDS, NAMESPACES, SHARED_KINDS, entryFor, isDeclaration, withArticle, type Declaration, type SharedKind } from '../model/declaration-kinds.js';
import { NameRules } from '../model/grammar-words.js';

export class AdoptRenameProvider extends DefaultRenameProvider {
    private readonly names: NameRules;

    private readonly documents: LangiumDocuments;

    constructor(services: AdoptServices) {
        super(services);
        this.names = new NameRules(services.Grammar);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams, _cancelToken?: CancellationToken): Range {
        const leaf = this.leafAt(document, params.position);
        if (leaf && isUse(leaf.astNode)) throw new ResponseError(LSPErrorCodes.RequestFailed, USE_PATH_IS_NO_NAME);
        const range = this.renameNodeRange(document, params.position);
        if (leaf && range) return range;
        throw new ResponseError(LSPErrorCodes.RequestFailed, this.whyNotRenamable(leaf));
    }

    /** Nothing to rename where prepareRename refuses (no edit, as Langium answers); a bad new name is refused. */
    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const leaf = this.leafAt(document, params.position);
        if (leaf && isUse(leaf.astNode)) throw new ResponseError(ErrorCodes.InvalidParams, USE_PATH_IS_NO_NAME);
        const declaration = leaf && this.declarationOf(leaf);
        if (!leaf || !declaration) return undefined;
        const check = this.names.check(params.newName);
        if (!check.ok) throw new ResponseError(ErrorCodes.InvalidParams, check.problem);
        if (isShared(declaration)) return this.renameSharedBlock(declaration, params.newName);
        const clash = isDeclaration(declaration) && sameNamespace(declaration).find(other => other !== declaration && this.nameProvider.getName(other) === params.newName);
        if (clash) {
            const kind = DECLARATION_KEYWORDS[clash.$type];
            const where = NAMESPACES[clash.$type] === 'container' && clash.$container ? `in this ${entryFor(DECLARATION_KEYWORDS, clash.$container.$type) ?? 'block'}` : blockInWords(document.uri, clash);
            throw new ResponseError(ErrorCodes.InvalidParams, `There is already ${withArticle(kind)} named '${params.newName}' ${where}. Choose another name.`);
        }
        const across = isDeclaration(declaration) ? this.clashAcrossFiles(declaration, params.newName, document.uri) : undefined;
        if (across) throw new ResponseError(ErrorCodes.InvalidParams, `${across} Choose another name.`);
        return super.rename(document, params, cancelToken);
    }

    /** A shared block's name: the `use` lines name its file by path, not the block by name, so only the name changes. */
    private renameSharedBlock(shared: Shared, newName: string): WorkspaceEdit | undefined {
        const name = this.nameProvider.getNameNode(shared);
        if (!name) return undefined;
        return { changes: { [AstUtils.getDocument(shared).uri.toString()]: [{ range: name.range, newText: newName }] } };
    }

    /**
     * Where a member, channel or initiative renamed to `newName` would meet another of its kind
     * with that name in another file, in words (paths relative to the file the rename is asked
     * in); undefined when nowhere.
     */
    private clashAcrossFiles(declaration: Declaration, newName: string, from: URI): string | undefined {
        if (!isSharedKind(declaration.$type)) return undefined;
        const kind = declaration.$type;
        const declares = (block: Block) => (NAMESPACES[kind] as (block: Block) => readonly Declaration[])(block)
            .some(other => other !== declaration && this.nameProvider.getName(other) === newName);
        const named = `${withArticle(DECLARATION_KEYWORDS[kind])} named '${newName}'`;
        const own = blockOfFile(AstUtils.findRootNode(declaration));
        if (!own) return undefined;
        const ownUri = AstUtils.getDocument(own).uri;
        const others = (block: Block) => usedBlocks(block).filter(used => used !== own);
        if (own.$type === 'Plan') {
            const used = others(own).find(declares);
            return used && `There is already ${named} in ${fileInWords(from, AstUtils.getDocument(used).uri)}, which ${fileInWords(from, ownUri)} uses.`;
        }
        for (const document of this.documents.all) {
            const block = blockOfFile(document.parseResult.value);
            if (!block || block === own || !usedBlocks(block).includes(own as Shared)) continue;
            const user = fileInWords(from, document.uri);
            if (declares(block)) return `There is already ${named} in ${user}, which uses ${fileInWords(from, ownUri)}.`;
            const alongside = others(block).find(declares);
            if (alongside) return `There is already ${named} in ${fileInWords(from, AstUtils.getDocument(alongside).uri)}, which ${user} uses too.`;
        }
        return undefined;
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

const USE_PATH_IS_NO_NAME = 'The path of a use is not a name: edit it between the quotes. To rename the shared block, rename it at its name in its file.';

const SHARED_KIND_NAMES: ReadonlySet<string> = new Set(SHARED_KINDS);

function isSharedKind(type: string): type is SharedKind {
    return SHARED_KIND_NAMES.has(type);
}

/** The plan or shared block of a declaration as a message names it: "in this plan", or the block's file by its path. */
function blockInWords(from: URI, declaration: AstNode): string {
    const file = AstUtils.getDocument(declaration).uri;
    if (!UriUtils.equals(from, file)) return `in ${fileInWords(from, file)}`;
    return blockOfFile(AstUtils.findRootNode(declaration))?.$type === 'Shared' ? 'in this shared block' : 'in this plan';
}

/** A file as a message names it: "this file", else its path from the file the rename is asked in, in quotes. */
function fileInWords(from: URI, file: URI): string {
    return UriUtils.equals(from, file) ? 'this file' : JSON.stringify(usePathBetween(from, file));
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
