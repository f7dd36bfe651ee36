/**
 * The fast build: what makes large plans fast, behind one module. Without it
 * (`createAdoptServices({ fastBuild: false })`) the language is plain Langium and gives the same
 * results for every plan without syntax errors (tests/language/fast-build/ prove it; for one with
 * errors, the fast parser's recovery reads more of it and words its messages better); a newcomer
 * can read the rest of src/language/ as an ordinary Langium language.
 *
 * What it replaces, and where:
 * - parsing: a parser compiled from the grammar at start-up (fast-parser.ts, grammar-analysis.ts,
 *   fast-lexer.ts; each parse: parse-run.ts) that recovers from syntax errors (recovery.ts) and
 *   describes each (parser/parse-errors.ts; the language words it), Langium's parser for a
 *   grammar it does not take (fast-build-parser.ts);
 * - Langium's private parts, each with a probe, and what the fast build does when one no longer
 *   fits: langium-internals.ts, the one file that uses them;
 * - the concrete syntax tree: leaves made only when asked for, and each tree's state kept by its
 *   root (lazy-cst.ts, cst-builder.ts, tree-state.ts), reached through one service (syntax-trees.ts);
 * - editing: an edit inside one declaration re-parses that declaration only (incremental-parse.ts,
 *   document-factory.ts);
 * - linking and indexing: lists handed from phase to phase instead of walks, a reference index
 *   that describes references when asked (linking.ts, index-manager.ts, tree-walk.ts);
 * - linking after an edit: the references outside the declaration parsed again keep their links
 *   when it declares the same names (linking.ts);
 * - validation: one list of nodes, synchronous checks, slimmer diagnostics (fast-validation.ts),
 *   and after an edit, the diagnostics (kept-diagnostics.ts) and the quick-win analysis
 *   (kept-analysis.ts) of what it cannot have changed kept from the version before;
 * - the syntax facts the rest of the language asks for, without making leaves
 *   (fast-syntax-facts.ts).
 */
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { AdoptAddedServices, AdoptServices } from '../adopt-module.js';
import { FastDocumentFactory } from './document-factory.js';
import { createFastBuildParser, FastBuildLexer } from './fast-build-parser.js';
import { FastSyntaxFacts } from './fast-syntax-facts.js';
import { FastDocumentValidator, FastValidationRegistry } from './fast-validation.js';
import { FastIndexManager } from './index-manager.js';
import { FastQuickWinService } from './kept-analysis.js';
import { FastLinker, FastReferenceDescriptionProvider, FastScopeComputation } from './linking.js';
import { SyntaxTrees } from './syntax-trees.js';
import { FastValueConverter } from './value-converter.js';

export interface FastBuildAddedServices {
    readonly fastBuild: {
        readonly SyntaxTrees: SyntaxTrees;
    };
}

export type FastBuildServices = AdoptServices & FastBuildAddedServices;

/** The language's services with the fast build's: this module adds `fastBuild` to the services it is injected into. */
function withFastBuild(services: AdoptServices): FastBuildServices {
    return services as FastBuildServices;
}

/** The fast build's language services, injected on top of the language's (adopt-module.ts). */
export const FastBuildModule: Module<AdoptServices, PartialLangiumServices & { syntax: Partial<AdoptAddedServices['syntax']>; score: Partial<AdoptAddedServices['score']> } & FastBuildAddedServices> = {
    fastBuild: {
        SyntaxTrees: () => new SyntaxTrees()
    },
    syntax: {
        Facts: services => new FastSyntaxFacts(withFastBuild(services).fastBuild.SyntaxTrees)
    },
    parser: {
        LangiumParser: services => createFastBuildParser(services),
        Lexer: services => new FastBuildLexer(services),
        ValueConverter: () => new FastValueConverter()
    },
    references: {
        ScopeComputation: services => new FastScopeComputation(services),
        Linker: services => new FastLinker(withFastBuild(services))
    },
    workspace: {
        ReferenceDescriptionProvider: services => new FastReferenceDescriptionProvider(withFastBuild(services))
    },
    score: {
        QuickWins: services => new FastQuickWinService(services)
    },
    validation: {
        DocumentValidator: services => new FastDocumentValidator(withFastBuild(services)),
        ValidationRegistry: services => new FastValidationRegistry(services)
    }
};

export const FastBuildSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        IndexManager: services => new FastIndexManager(services),
        LangiumDocumentFactory: services => new FastDocumentFactory(services)
    }
};
