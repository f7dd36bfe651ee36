/**
 * The fixes of `unresolved-reference`: replace the name with a declared one that is close to it
 * ("did you mean", validation/name-suggestions.ts), one fix per suggestion, the closest preferred;
 * and `use "PATH"` for each shared file of the workspace that declares the name (use-fixes.ts),
 * preferred over the suggestions when it is the only one. The suggestions are worked out again
 * on the current text, so a fix never replaces text that has changed since the diagnostic was made.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { similarNames } from '../../validation/name-suggestions.js';
import { quickFix, type QuickFixContext } from './quickfix.js';
import { useFileThatDeclares } from './use-fixes.js';

export function fixUnresolvedReference(context: QuickFixContext): CodeAction[] {
    const uses = useFileThatDeclares(context);
    const similar = replaceWithSimilarName(context);
    if (uses.length !== 1) return [...similar, ...uses];
    return [...uses, ...similar.map(action => ({ ...action, isPreferred: false }))];
}

export function replaceWithSimilarName(context: QuickFixContext): CodeAction[] {
    const { document, diagnostic, services } = context;
    const start = document.textDocument.offsetAt(diagnostic.range.start);
    const end = document.textDocument.offsetAt(diagnostic.range.end);
    const reference = document.references.find(ref => ref.$refNode?.offset === start && ref.$refNode.end === end);
    const error = reference?.error;
    if (!reference || !error) return [];
    const name = reference.$refText;
    const declared = services.references.ScopeProvider.getScope(error.info).getAllElements().map(description => description.name);
    return similarNames(name, declared).flatMap((suggestion, index) =>
        quickFix(context, `Change '${name}' to '${suggestion}'`, [{ range: diagnostic.range, newText: suggestion }], index === 0));
}

/** A word close to a keyword that fits where it stands (a syntax error): replaced by that keyword. */
export function replaceWithKeyword(context: QuickFixContext): CodeAction[] {
    const replacement = (context.diagnostic.data as { replacement?: unknown } | undefined)?.replacement;
    if (typeof replacement !== 'string') return [];
    const word = context.document.textDocument.getText(context.diagnostic.range);
    return quickFix(context, `Change '${word}' to '${replacement}'`, [{ range: context.diagnostic.range, newText: replacement }], true);
}
