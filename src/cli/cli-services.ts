/**
 * Builds plan documents outside an editor: parse, link, validate and score with the same
 * services the language server uses.
 */
import { URI, type LangiumDocument } from 'langium';
import { resolve } from 'node:path';
import { createAdoptServices, type AdoptServices } from '../language/adopt-module.js';
import type { Plan } from '../language/generated/ast.js';
import type { QuickWinSettings } from '../language/score/quick-win-settings.js';

export class PlanWorkspace {
    readonly services: AdoptServices;

    constructor(settings?: QuickWinSettings) {
        this.services = createAdoptServices().Adopt;
        if (settings) this.services.score.Settings.set(settings);
    }

    /** Builds the given texts (path -> text) and returns their documents in the same order. */
    async build(files: ReadonlyArray<{ path: string; text: string }>): Promise<Array<LangiumDocument<Plan>>> {
        const shared = this.services.shared;
        const documents = files.map(file =>
            shared.workspace.LangiumDocumentFactory.fromString<Plan>(file.text, documentUri(file.path)));
        for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return documents;
    }
}

/**
 * The document's identity. Langium picks a language by file extension, so a plan in a file not
 * named `.adopt` (plan.txt, /dev/stdin) gets a URI of its own scheme that ends in `.adopt`: it
 * cannot clash with a real `.adopt` file's URI.
 */
export function documentUri(path: string): URI {
    const file = URI.file(resolve(path));
    return path.endsWith('.adopt') ? file : file.with({ scheme: 'adopt-input', path: `${file.path}.adopt` });
}
