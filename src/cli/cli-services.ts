/**
 * Builds plan documents outside an editor: parse, link, validate and score with the same
 * services the language server uses.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { resolve } from 'node:path';
import { createAdoptServices, type AdoptServices } from '../language/adopt-module.js';
import type { Plan } from '../language/generated/ast.js';
import type { ParserName } from '../language/parser/syntax-facts.js';
import type { QuickWinSettings } from '../language/score/quick-win-settings.js';

/** How long each phase of one plan's build took (milliseconds), and which parser built it. */
export interface BuildStats {
    readonly parse: number;
    readonly link: number;
    readonly score: number;
    readonly validate: number;
    readonly parser: ParserName;
}

export class PlanWorkspace {
    readonly services: AdoptServices;

    constructor(settings?: QuickWinSettings) {
        this.services = createAdoptServices().Adopt;
        if (settings) this.services.score.Settings.set(settings);
        // Make the parser now (the services are made when first asked for): not a part of any plan's parse.
        void this.services.parser.LangiumParser;
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

    /**
     * Builds one plan phase by phase and times each: parsing; linking (with indexing); scoring
     * (the analysis of every project, which validation then reads); validation.
     */
    async buildWithStats(file: { path: string; text: string }): Promise<{ document: LangiumDocument<Plan>; stats: BuildStats }> {
        const shared = this.services.shared;
        const builder = shared.workspace.DocumentBuilder;
        let start = performance.now();
        const document = shared.workspace.LangiumDocumentFactory.fromString<Plan>(file.text, documentUri(file.path));
        const parse = performance.now() - start;
        shared.workspace.LangiumDocuments.addDocument(document);
        let link = 0;
        let score = 0;
        const linked = builder.onBuildPhase(DocumentState.IndexedReferences, () => {
            link = performance.now() - start;
            const scoring = performance.now();
            this.services.score.QuickWins.analyze(document.parseResult.value);
            score = performance.now() - scoring;
            start = performance.now();
        });
        try {
            start = performance.now();
            await builder.build([document], { validation: true });
        } finally {
            linked.dispose();
        }
        const validate = performance.now() - start;
        return { document, stats: { parse, link, score, validate, parser: this.services.syntax.Facts.builtBy(document.parseResult.value) } };
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
