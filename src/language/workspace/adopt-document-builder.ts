/**
 * Langium's document builder, which also reads the files that the documents it builds use and
 * the workspace does not hold yet (a shared file outside the workspace folders; every used file
 * in the CLI), so that they are indexed before any plan that uses them is linked.
 */
import { Cancellation, DefaultDocumentBuilder, DocumentState, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { AdoptServices } from '../adopt-module.js';

export class AdoptDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const services = this.languageServices(documents);
        const configFiles = options.validation ? services?.config?.Files : undefined;
        // The config files in force, read ahead with the file system's asynchronous reads (the
        // browser's has no other): asked for before the documents are parsed, so that a client's
        // answers come while they are.
        const configsLoaded = configFiles?.load(documents.map(document => document.uri));
        void configsLoaded?.catch(() => undefined);
        // A changed document is parsed first (as the build's first phase would), for its `use` lines.
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        const used = services?.workspace ? await services.workspace.UsedFiles.loadUsedBy(documents, cancelToken) : [];
        await configsLoaded;
        // Those of the files the documents use, once they are known.
        if (configFiles && used.length > 0) await configFiles.load(used.map(document => document.uri));
        await super.buildDocuments(used.length === 0 ? documents : [...documents, ...used], options, cancelToken);
    }

    /** The language's services (one language: those of any of the documents). */
    private languageServices(documents: readonly LangiumDocument[]): Partial<AdoptServices> | undefined {
        for (const document of documents) {
            if (this.serviceRegistry.hasServices(document.uri)) return this.serviceRegistry.getServices(document.uri) as Partial<AdoptServices>;
        }
        return undefined;
    }
}
