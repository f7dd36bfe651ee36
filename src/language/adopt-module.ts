/**
 * Wires the Adopt language's services: one module for what this language adds or overrides,
 * and `createAdoptServices` to inject shared and language services once.
 */
import { EmptyFileSystem, inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices,
    type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { AdoptGeneratedModule, AdoptGeneratedSharedModule } from './generated/module.js';
import { AdoptLspModule, AdoptSharedLspModule } from './lsp/adopt-lsp-module.js';
import { AdoptLexer } from './parser/adopt-lexer.js';
import { createAdoptParser } from './parser/adopt-parser.js';
import { AdoptSyntaxMessages } from './parser/adopt-syntax-messages.js';
import { AdoptConfigFiles } from './config/adopt-config-files.js';
import { SettingsInForce } from './config/settings-in-force.js';
import { AdoptSettings } from './score/adopt-settings.js';
import { QuickWinService } from './score/quick-win-service.js';
import { AdoptSharedIndexModule } from './scoping/adopt-index-manager.js';
import { AdoptFastBuildModule } from './scoping/adopt-linking.js';
import { AdoptValueConverter } from './parser/adopt-value-converter.js';
import { AdoptScopeProvider } from './scoping/adopt-scope-provider.js';
import { AdoptDocumentValidator } from './validation/adopt-document-validator.js';
import { AdoptValidationRegistry } from './validation/adopt-validation-registry.js';
import { AdoptRuleControl } from './validation/rule-control.js';
import { AdoptDocumentFactory } from './workspace/adopt-document-factory.js';
import { registerValidationChecks } from './validation/adopt-validator.js';

export interface AdoptAddedServices {
    score: {
        Settings: AdoptSettings;
        QuickWins: QuickWinService;
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
        QuickWins: services => new QuickWinService(services)
    },
    config: {
        Files: services => new AdoptConfigFiles(services.shared),
        InForce: services => new SettingsInForce(services.config.Files, services.score.Settings),
        RuleControl: services => new AdoptRuleControl(services)
    },
    parser: {
        ParserErrorMessageProvider: () => new AdoptSyntaxMessages(),
        LangiumParser: services => createAdoptParser(services),
        Lexer: services => new AdoptLexer(services),
        ValueConverter: () => new AdoptValueConverter()
    },
    references: {
        ScopeProvider: services => new AdoptScopeProvider(services)
    },
    validation: {
        DocumentValidator: services => new AdoptDocumentValidator(services),
        ValidationRegistry: services => new AdoptValidationRegistry(services)
    }
};

export interface AdoptServiceContext extends Partial<DefaultSharedModuleContext> {
    /** An extra module for this language, e.g. the language server's LSP providers. */
    readonly languageModule?: Module<AdoptServices, PartialLangiumServices>;
    /** An extra shared module, injected last (tests compare with Langium's own IndexManager). */
    readonly sharedModule?: Module<LangiumSharedServices, PartialLangiumSharedServices>;
}

export function createAdoptServices(context: AdoptServiceContext = {}): { shared: LangiumSharedServices; Adopt: AdoptServices } {
    const shared = inject(
        createDefaultSharedModule({ ...EmptyFileSystem, ...context }), AdoptGeneratedSharedModule, AdoptSharedLspModule, AdoptSharedIndexModule,
        { workspace: { LangiumDocumentFactory: services => new AdoptDocumentFactory(services) } }, context.sharedModule ?? {}
    );
    const Adopt = inject(createDefaultModule({ shared }), AdoptGeneratedModule, AdoptModule, AdoptFastBuildModule, AdoptLspModule, context.languageModule ?? {});
    shared.ServiceRegistry.register(Adopt);
    registerValidationChecks(Adopt);
    if (!context.connection) {
        // No client to ask for settings (tests, CLI): start with an empty configuration.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Adopt };
}
