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
import { isMetric } from '../generated/ast.js';
import { NameRules } from '../model/grammar-words.js';

const KIND_WORDS: Record<string, string> = {
    Plan: 'plan', Member: 'member', Channel: 'channel', Initiative: 'initiative', Stage: 'stage', Project: 'project',
    Goal: 'goal', Metric: 'metric', Story: 'story', Action: 'action'
};

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
        const clash = sameKind(declaration).find(other => other !== declaration && this.nameProvider.getName(other) === params.newName);
        if (clash) {
            const kind = KIND_WORDS[declaration.$type] ?? 'declaration';
            const where = isMetric(declaration) ? `in this ${KIND_WORDS[declaration.$container.$type] ?? 'block'}` : 'in this plan';
            throw new ResponseError(ErrorCodes.InvalidParams, `There is already ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} named '${params.newName}' ${where}. Choose another name.`);
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
            return `'${text}' is a word of the Adopt language, not a name: only names (of members, channels, initiatives, stages, projects, goals, metrics, stories, actions and the plan) can be renamed.`;
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

/** The declarations that share a namespace with `node`: the same kind in the plan; a metric's siblings. */
function sameKind(node: AstNode): AstNode[] {
    if (isMetric(node)) return [...node.$container.metrics];
    const root = AstUtils.findRootNode(node);
    return AstUtils.streamAllContents(root).filter(other => other.$type === node.$type).toArray();
}
