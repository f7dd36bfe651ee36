/**
 * Services for a grammar other than the one `langium generate` compiled, made at run time
 * (langium/grammar's `createServicesForGrammar`): the Adopt grammar with a change, or a grammar
 * the fast parser does not take. With `fastBuild`, the fast build's modules are injected as
 * `createAdoptServices` injects them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Module } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import type { LangiumServices } from 'langium/lsp';
import { FastBuildModule, FastBuildSharedModule, type FastBuildServices } from '../../../src/language/fast-build/fast-build-module.js';

/** The grammar of the language, as written. */
export const ADOPT_GRAMMAR = readFileSync(resolve(__dirname, '../../../src/language/adopt.langium'), 'utf8');

export async function servicesForGrammar(grammar: string, fastBuild: true): Promise<FastBuildServices>;
export async function servicesForGrammar(grammar: string, fastBuild: false): Promise<LangiumServices>;
export async function servicesForGrammar(grammar: string, fastBuild: boolean): Promise<LangiumServices> {
    return createServicesForGrammar({
        grammar,
        module: fastBuild ? FastBuildModule as unknown as Module<LangiumServices, unknown> : undefined,
        sharedModule: fastBuild ? FastBuildSharedModule as Module<LangiumServices['shared'], unknown> : undefined
    });
}

/** The Adopt grammar with one edit, which must change it (so that a change to the grammar fails here, loudly). */
export function adoptGrammarWith(find: RegExp, replace: string): string {
    const changed = ADOPT_GRAMMAR.replace(find, replace);
    if (changed === ADOPT_GRAMMAR) throw new Error(`${find} is not in src/language/adopt.langium`);
    return changed;
}
