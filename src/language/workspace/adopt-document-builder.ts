/**
 * Langium's document builder, which also reads the files that the documents it builds use and
 * the workspace does not hold yet (a shared file outside the workspace folders; every used file
 * in the CLI), so that they are indexed before any plan that uses them is linked.
 */
import { Cancellation, DefaultDocumentBuilder, DocumentState, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { AdoptServices } from '../adopt-module.js';
import type { UsedFiles } from './used-files.js';

export class AdoptDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // A changed document is parsed first (as the build's first phase would), for its `use` lines.
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document => this.langiumDocumentFactory.update(document, cancelToken));
        const files = this.usedFiles(documents);
        const used = files ? await files.loadUsedBy(documents, cancelToken) : [];
        await super.buildDocuments(used.length === 0 ? documents : [...documents, ...used], options, cancelToken);
    }

    /** The language's reader of used files (one language: the services of any of its documents). */
    private usedFiles(documents: readonly LangiumDocument[]): UsedFiles | undefined {
        for (const document of documents) {
            if (this.serviceRegistry.hasServices(document.uri)) {
                return (this.serviceRegistry.getServices(document.uri) as Partial<AdoptServices>).workspace?.UsedFiles;
            }
        }
        return undefined;
    }
}
