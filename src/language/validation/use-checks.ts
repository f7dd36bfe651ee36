/**
 * The `use` lines of a file (docs/language.md#plans-in-many-files): each names a readable shared
 * file (use-not-found, use-not-shared); shared files do not use each other in a cycle
 * (use-cycle); each is needed (unused-use); and what a plan declares does not clash with what
 * the files it uses declare, nor those files with each other (duplicate-name).
 */
import { AstUtils, type AstNode, type LangiumDocument, type LangiumDocuments, type ValidationAcceptor } from 'langium';
import { isAdoptFile, isShared, type AdoptFile, type Shared, type Use } from '../generated/ast.js';
import { DECLARATION_KEYWORDS, NAMESPACES, SHARED_KINDS, withArticle } from '../model/declaration-kinds.js';
import { blockOfFile } from '../model/plan-model.js';
import { mayLeaveOutDeclarations } from '../parser/parse-errors.js';
import { usedFileUri, type UsedFiles } from '../workspace/used-files.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';

/** The path a `use` writes, as the file shows it (in quotes). */
export function writtenPath(use: Use): string {
    return JSON.stringify(use.shared?.$refText ?? '');
}

/** use-not-found and use-not-shared: a `use` whose path leads to no shared file. */
export function useMustNameASharedFile(use: Use, accept: ValidationAcceptor, files: UsedFiles, documents: LangiumDocuments): void {
    const path = use.shared?.$refText;
    if (path === undefined || use.shared.ref) return;
    const from = AstUtils.getDocument(use).uri;
    const target = usedFileUri(from, path);
    if (!('uri' in target)) {
        report(accept, IssueCodes.UseNotFound, `${writtenPath(use)} names no shared file: ${target.problem}. Write the path of a .adopt file relative to this file's folder, with '/' between folders.`,
            { node: use, property: 'shared' });
        return;
    }
    const document = documents.getDocument(target.uri);
    const root = document?.parseResult.value;
    if (!document || !isAdoptFile(root)) {
        const reason = files.problemOf(target.uri) ?? 'there is no such file';
        report(accept, IssueCodes.UseNotFound, `${writtenPath(use)} names no readable .adopt file: ${reason}. Correct the path (relative to this file's folder), or create the shared file.`,
            { node: use, property: 'shared' }, { path });
        return;
    }
    if (document.textDocument.getText().includes('\u0000')) {
        report(accept, IssueCodes.UseNotFound, `${writtenPath(use)} names no readable .adopt file: it is not a text file. Correct the path, or replace the file with a shared file.`,
            { node: use, property: 'shared' }, { path });
        return;
    }
    const what = root.plan ? `a plan${root.plan.name ? ` ('${root.plan.name}')` : ''}` : 'no shared block';
    const itself = document === AstUtils.getDocument(use) ? ' (it is this file)' : '';
    report(accept, IssueCodes.UseNotShared,
        `${writtenPath(use)} holds ${what}, not a shared block${itself}. A file can use only shared files: move what the plans share into a file that starts with shared NAME "Title" { } and use that one.`,
        { node: use, property: 'shared' });
}

/**
 * use-cycle: a `use` in a shared file whose used file leads back, through the files it uses, to
 * this one. The message follows the cycle.
 */
export function useMustNotCloseACycle(use: Use, accept: ValidationAcceptor): void {
    const file = use.$container;
    const target = use.shared?.ref;
    if (!file.shared || !target) return;
    const back = pathBack(target, file.shared);
    if (!back) return;
    const cycle = back.length === 0
        ? 'this file uses itself'
        : ['this file uses ' + writtenPath(use), ...back.slice(0, -1).map(step => 'which uses ' + writtenPath(step)), 'which uses this file'].join(', ');
    report(accept, IssueCodes.UseCycle,
        `This use closes a cycle of shared files: ${cycle}. Remove one use of the cycle: nothing in a shared block needs another file.`,
        { node: use, property: 'shared' });
}

/** The `use` lines that lead from `start` back to `goal` (depth first, each file once), or undefined. */
function pathBack(start: Shared, goal: Shared): Use[] | undefined {
    if (start === goal) return [];
    const seen = new Set<Shared>([start]);
    const stack: Array<{ block: Shared; path: Use[] }> = [{ block: start, path: [] }];
    for (let top = stack.pop(); top; top = stack.pop()) {
        for (const next of top.block.$container.uses) {
            const block = next.shared?.ref;
            if (!block) continue;
            if (block === goal) return [...top.path, next];
            if (!seen.has(block)) {
                seen.add(block);
                stack.push({ block, path: [...top.path, next] });
            }
        }
    }
    return undefined;
}

/**
 * unused-use: a `use` of a shared file that declares nothing this file refers to; in a shared
 * file, every `use` that names a shared file (nothing in a shared block refers to a name). A
 * second `use` of one file is unused too.
 */
export function usesShouldBeNeeded(file: AdoptFile, accept: ValidationAcceptor): void {
    if (file.uses.length === 0) return;
    const document = AstUtils.getDocument(file);
    if (mayLeaveOutDeclarations(document.parseResult)) return;
    const referenced = file.plan ? referencedDocuments(document) : new Set<LangiumDocument>();
    const seen = new Set<Shared>();
    for (const use of file.uses) {
        const shared = use.shared?.ref;
        if (!shared) continue;
        if (seen.has(shared)) {
            report(accept, IssueCodes.UnusedUse, `${writtenPath(use)} is already used above. Remove this line.`, { node: use, property: 'shared' });
            continue;
        }
        seen.add(shared);
        if (referenced.has(AstUtils.getDocument(shared))) continue;
        const why = file.plan ? 'nothing this plan refers to is declared there' : 'a shared block refers to no name, so it needs no other file';
        report(accept, IssueCodes.UnusedUse, `${writtenPath(use)} is not needed: ${why}. Remove this line.`, { node: use, property: 'shared' });
    }
}

/** The documents that the names written in a document lead to (other than the document itself). */
function referencedDocuments(document: LangiumDocument): Set<LangiumDocument> {
    const found = new Set<LangiumDocument>();
    for (const reference of document.references) {
        const target = 'ref' in reference ? reference.ref : undefined;
        // The `use` lines themselves refer to the shared blocks: they do not count.
        if (!target || isShared(target)) continue;
        const targetDocument = AstUtils.getDocument(target);
        if (targetDocument !== document) found.add(targetDocument);
    }
    return found;
}

/**
 * duplicate-name across files: a plan's member, channel or initiative with the name of one of
 * its kind in a file the plan uses (on the plan's declaration); two used files that declare the
 * same name and kind (on the second `use`, naming both files).
 */
export function usedNamesMustNotClash(file: AdoptFile, accept: ValidationAcceptor): void {
    const block = blockOfFile(file);
    if (!block || !file.plan || file.uses.length === 0) return;
    for (const kind of SHARED_KINDS) {
        const declare = NAMESPACES[kind];
        const declaredBy = new Map<string, Use>();
        const seenBlocks = new Set<Shared>();
        for (const use of file.uses) {
            const shared = use.shared?.ref;
            if (!shared || seenBlocks.has(shared)) continue;
            seenBlocks.add(shared);
            const reported = new Set<string>();
            for (const node of declare(shared) as readonly NamedNode[]) {
                if (!node.name) continue;
                const first = declaredBy.get(node.name);
                if (!first) {
                    declaredBy.set(node.name, use);
                } else if (first !== use && !reported.has(node.name)) {
                    // (A name declared twice in one used file is that file's own duplicate-name.)
                    reported.add(node.name);
                    report(accept, IssueCodes.DuplicateName,
                        `${writtenPath(use)} and ${writtenPath(first)} both declare ${withArticle(DECLARATION_KEYWORDS[kind])} named '${node.name}'. Rename one of the two in its file: references here go to the one of ${writtenPath(first)}.`,
                        { node: use, property: 'shared' });
                }
            }
        }
        for (const node of declare(block) as readonly NamedNode[]) {
            const used = node.name ? declaredBy.get(node.name) : undefined;
            if (used) {
                report(accept, IssueCodes.DuplicateName,
                    `There is already ${withArticle(DECLARATION_KEYWORDS[kind])} named '${node.name}' in ${writtenPath(used)}, which this file uses. Give this one another name, or remove it and use the shared one.`,
                    { node, property: 'name' });
            }
        }
    }
}

interface NamedNode extends AstNode {
    readonly name?: string;
}
