/**
 * Wires the Adopt language's services: one module for what this language adds or overrides,
 * and `createAdoptServices` to inject shared and language services once. The fast build
 * (fast-build/) is injected on top unless `fastBuild: false` asks for plain Langium.
 */
import { EmptyFileSystem, inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices,
    type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { FastBuildModule, FastBuildSharedModule } from './fast-build/fast-build-module.js';
import { AdoptGeneratedModule, AdoptGeneratedSharedModule } from './generated/module.js';
import { AdoptLspModule, AdoptSharedLspModule } from './lsp/adopt-lsp-module.js';
import { AdoptCompletionParser, createAdoptParser } from './parser/adopt-parser.js';
import { AdoptSyntaxMessages } from './parser/adopt-syntax-messages.js';
import { AdoptConfigFiles } from './config/adopt-config-files.js';
import { SettingsInForce } from './config/settings-in-force.js';
import { SyntaxFacts } from './parser/syntax-facts.js';
import type { SyntaxProblemWords } from './parser/parse-errors.js';
import { AdoptSyntaxProblemWords } from './parser/syntax-problems.js';
import { Today } from './model/today.js';
import { AdoptSettings } from './score/adopt-settings.js';
import { QuickWinService } from './score/quick-win-service.js';
import { RankResults } from './score/rank-result.js';
import { AdoptScopeComputation } from './scoping/adopt-scope-computation.js';
import { AdoptScopeProvider } from './scoping/adopt-scope-provider.js';
import { AdoptDocumentValidator } from './validation/adopt-document-validator.js';
import { AdoptRuleControl } from './validation/rule-control.js';
import { registerValidationChecks } from './validation/adopt-validator.js';
import { AdoptDocumentBuilder } from './workspace/adopt-document-builder.js';
import { UsedFiles } from './workspace/used-files.js';

/** The shared services this language overrides: the document builder reads the files plans use. */
export const AdoptSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new AdoptDocumentBuilder(services)
    }
};

export interface AdoptAddedServices {
    readonly score: {
        readonly Settings: AdoptSettings;
        readonly QuickWins: QuickWinService;
        /** The rank result of a document (`adopt rank --json`, `adopt/rankQuickWins`), built once per version. */
        readonly RankResults: RankResults;
    };
    readonly syntax: {
        /** What the rest of the language asks of a syntax tree (parser/syntax-facts.ts). */
        readonly Facts: SyntaxFacts;
        /** Syntax errors in words, for the fast build's recovering parser (parser/syntax-problems.ts). */
        readonly ProblemWords: SyntaxProblemWords;
    };
    readonly model: {
        /** Today's date, for the checks of due dates (ADOPT_TODAY, the CLI's --today, else the local date). */
        readonly Today: Today;
    };
    readonly workspace: {
        /** The files that files use (`use "PATH"`): where paths lead, and reading the ones not yet read. */
        readonly UsedFiles: UsedFiles;
    };
    config: {
        /** The config files (`adopt.config.json`) of plans, found by walking up from each plan. */
        Files: AdoptConfigFiles;
        /** The rules in force for a plan: config file, else editor settings, else defaults. */
        InForce: SettingsInForce;
        /** Severities in force and `adopt-ignore` suppressions, applied after validation. */
        RuleControl: AdoptRuleControl;
    };
}

export type AdoptServices = LangiumServices & AdoptAddedServices;

export const AdoptModule: Module<AdoptServices, PartialLangiumServices & AdoptAddedServices> = {
    score: {
        Settings: () => new AdoptSettings(),
        QuickWins: services => new QuickWinService(services),
        RankResults: services => new RankResults(services)
    },
    syntax: {
        Facts: () => new SyntaxFacts(),
        ProblemWords: () => new AdoptSyntaxProblemWords()
    },
    model: {
        Today: () => new Today()
    },
    config: {
        Files: services => new AdoptConfigFiles(services.shared),
        InForce: services => new SettingsInForce(services.config.Files, services.score.Settings),
        RuleControl: services => new AdoptRuleControl(services)
    },
    parser: {
        ParserErrorMessageProvider: () => new AdoptSyntaxMessages(),
        LangiumParser: services => createAdoptParser(services),
        CompletionParser: services => new AdoptCompletionParser(services)
    },
    references: {
        ScopeComputation: services => new AdoptScopeComputation(services),
        ScopeProvider: services => new AdoptScopeProvider(services)
    },
    workspace: {
        UsedFiles: services => new UsedFiles(services.shared)
    },
    validation: {
        DocumentValidator: services => new AdoptDocumentValidator(services)
    }
};

export interface AdoptServiceContext extends Partial<DefaultSharedModuleContext> {
    /** False for plain Langium: no fast build (tests compare the two). */
    readonly fastBuild?: boolean;
    /** An extra module for this language, e.g. the language server's LSP providers. */
    readonly languageModule?: Module<AdoptServices, PartialLangiumServices>;
    /** An extra shared module, injected last. */
    readonly sharedModule?: Module<LangiumSharedServices, PartialLangiumSharedServices>;
}

export function createAdoptServices(context: AdoptServiceContext = {}): { shared: LangiumSharedServices; Adopt: AdoptServices } {
    const fastBuild = context.fastBuild !== false;
    const shared = inject(
        createDefaultSharedModule({ ...EmptyFileSystem, ...context }), AdoptGeneratedSharedModule, AdoptSharedModule, AdoptSharedLspModule,
        fastBuild ? FastBuildSharedModule : {}, context.sharedModule ?? {}
    );
    const Adopt = inject(
        createDefaultModule({ shared }), AdoptGeneratedModule, AdoptModule,
        fastBuild ? FastBuildModule as Module<AdoptServices, PartialLangiumServices> : {}, AdoptLspModule, context.languageModule ?? {}
    );
    shared.ServiceRegistry.register(Adopt);
    registerValidationChecks(Adopt);
    if (!context.connection) {
        // No client to ask for settings (tests, CLI): start with an empty configuration.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Adopt };
}
