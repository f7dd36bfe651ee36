/**
 * The fixes of the `use` lines (docs/diagnostics.md): `unused-use` removes the line;
 * `use-not-found` offers, for each shared file of the workspace with the file name the path
 * ends in, its path from this file; `unresolved-reference` offers `use "PATH"` for each shared
 * file of the workspace that declares that name with that kind, inserted after the file's last
 * `use`, or at its top.
 */
import { UriUtils, type URI } from 'langium';
import type { CodeAction } from 'vscode-languageserver-types';
import { isAdoptFile, isUse, type Shared } from '../../generated/ast.js';
import { DECLARATION_KEYWORDS, SHARED_KINDS } from '../../model/declaration-kinds.js';
import { usePathBetween, usedFileUri } from '../../workspace/used-files.js';
import { nodeAtDiagnostic, quickFix, type QuickFixContext } from './quickfix.js';
import { deleteStatement, eol, insertLineAfter, replaceNode } from './text-edits.js';

/** unused-use: remove the line. */
export function removeUnusedUse(context: QuickFixContext): CodeAction[] {
    const use = nodeAtDiagnostic(context, isUse);
    if (!use) return [];
    return quickFix(context, `Remove use ${JSON.stringify(use.shared?.$refText ?? '')}`, [deleteStatement(context.document, use)], true);
}

/** use-not-found: the path of each shared file of the workspace with the file name the written path ends in. */
export function useSharedFileOfSameName(context: QuickFixContext): CodeAction[] {
    const use = nodeAtDiagnostic(context, isUse);
    const written = use?.shared?.$refText;
    const node = use?.shared?.$refNode;
    if (!use || written === undefined || !node) return [];
    const fileName = written.split(/[/\\]/).at(-1);
    if (!fileName) return [];
    const paths = sharedFiles(context)
        .filter(file => UriUtils.basename(file.uri) === fileName)
        .map(file => usePathBetween(context.document.uri, file.uri))
        .filter(path => path !== written);
    return paths.flatMap(path =>
        quickFix(context, `Change the path to ${JSON.stringify(path)}`, [replaceNode(context.document, node, JSON.stringify(path))], paths.length === 1));
}

/**
 * unresolved-reference: `use "PATH"` for each shared file of the workspace (not this one, nor one
 * it uses already) that declares the name with the kind the reference asks for.
 */
export function useFileThatDeclares(context: QuickFixContext): CodeAction[] {
    const { document, diagnostic, services } = context;
    const root = document.parseResult.value;
    if (!isAdoptFile(root) || !root.plan) return [];
    const start = document.textDocument.offsetAt(diagnostic.range.start);
    const end = document.textDocument.offsetAt(diagnostic.range.end);
    const reference = document.references.find(ref => ref.$refNode?.offset === start && ref.$refNode.end === end);
    const error = reference?.error;
    if (!reference || !error) return [];
    const kind = services.shared.AstReflection.getReferenceType(error.info);
    if (!(SHARED_KINDS as readonly string[]).includes(kind)) return [];
    const used = new Set(root.uses.flatMap(use => {
        const target = use.shared?.$refText === undefined ? undefined : usedFileUri(document.uri, use.shared.$refText);
        return target && 'uri' in target ? [target.uri.toString()] : [];
    }));
    const declaring = new Map<string, URI>();
    for (const description of services.shared.workspace.IndexManager.allElements(kind)) {
        const key = description.documentUri.toString();
        if (description.name === reference.$refText && !used.has(key) && !UriUtils.equals(description.documentUri, document.uri)) {
            declaring.set(key, description.documentUri);
        }
    }
    const lastUse = root.uses.at(-1);
    const nl = eol(document);
    const keyword = DECLARATION_KEYWORDS[kind as keyof typeof DECLARATION_KEYWORDS];
    return [...declaring.values()]
        .map(uri => usePathBetween(document.uri, uri))
        .sort((a, b) => a.localeCompare(b))
        .flatMap(path => {
            const line = `use ${JSON.stringify(path)}`;
            const edit = lastUse
                ? insertLineAfter(document, lastUse, line)
                : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: line + nl + nl };
            return quickFix(context, `Add ${line} (it declares the ${keyword} '${reference.$refText}')`, [edit], declaring.size === 1);
        });
}

/** The shared files of the workspace other than this one. */
function sharedFiles(context: QuickFixContext): Array<{ readonly uri: URI; readonly shared: Shared }> {
    return context.services.shared.workspace.LangiumDocuments.all.toArray().flatMap(document => {
        const root = document.parseResult.value;
        if (!isAdoptFile(root) || !root.shared || UriUtils.equals(document.uri, context.document.uri)) return [];
        return [{ uri: document.uri, shared: root.shared }];
    });
}
