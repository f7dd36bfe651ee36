/**
 * In-process benchmark of one plan size: the full build (parse, link, validate, score) with
 * `createAdoptServices` and Langium's DocumentBuilder, and the heap the built document retains.
 * Run by bench/run-bench.mjs as `node --expose-gc .bench/out/in-process.cjs N RUNS WARMUPS`;
 * prints one JSON line of results.
 */
import '../src/platform/node-compat.js';
import { DocumentState, URI, type AstNode, type LangiumDocument, type Module, type ParseResult, type ParserOptions } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import { createAdoptServices, type AdoptServices } from '../src/language/adopt-module.js';
import { createFastBuildParser, FastBuildParser } from '../src/language/fast-build/fast-build-parser.js';
import { exceedsPlanSize, MAX_PLAN_BYTES } from '../src/language/parser/plan-limits.js';
import { FastLinker } from '../src/language/fast-build/linking.js';
import type { AdoptFile } from '../src/language/generated/ast.js';
import { generatePlan, toAdopt } from './generate-plan.js';
import { median } from './stats.js';

interface InProcessResult {
    projects: number;
    bytes: number;
    lines: number;
    runs: number[];
    medianMs: number;
    /** CPU time of the process (all its threads, so garbage collection helpers too). */
    cpuMedianMs: number;
    diagnostics: number;
    errors: number;
    retainedBytes: number;
    retainedPerProject: number;
    /** After the requests an editor sends after each change were answered (what they made stays with the document). */
    retainedAfterRequestsPerProject: number;
    /** Whether the fast build (src/language/fast-build/) was in use. */
    fastBuildPhases: boolean;
    /** The size limit (bytes) that this plan exceeds and that was lifted to measure it; 0 if none. */
    sizeLimitLifted: number;
    /** Median milliseconds spent reaching each document state (parse is measured separately). */
    phases: Record<string, number>;
    /**
     * Median milliseconds of what an editor asks for after every change, on the built document:
     * semantic tokens of the whole document, the outline, folding ranges, code lenses.
     */
    afterEdit: Record<string, number>;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
    const projects = Number(process.argv[2] ?? 10000);
    const runs = Number(process.argv[3] ?? 5);
    const warmups = Number(process.argv[4] ?? 2);
    const text = toAdopt(generatePlan({ projects }));
    // A plan over the server's size limit is refused unparsed: measure the real parse anyway, and say so.
    const sizeLimitLifted = exceedsPlanSize(text);
    const languageModule: Module<AdoptServices, PartialLangiumServices> = {
        ...(sizeLimitLifted ? { parser: { LangiumParser: (services: AdoptServices) => createUnlimitedParser(services) } } : {})
    };
    const { shared, Adopt } = createAdoptServices({ languageModule });
    let counter = 0;
    const phaseRuns: Array<Record<string, number>> = [];
    let phaseStart = 0;
    let current: Record<string, number> = {};
    for (const state of [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
        shared.workspace.DocumentBuilder.onDocumentPhase(state, () => {
            const now = performance.now();
            current[DocumentState[state]] = now - phaseStart;
            phaseStart = now;
        });
    }

    const buildOnce = async (): Promise<LangiumDocument<AdoptFile>> => {
        const uri = URI.parse(`file:///bench/plan-${projects}-${counter++}.adopt`);
        current = {};
        const start = performance.now();
        const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, uri);
        phaseStart = performance.now();
        current.Parsed = phaseStart - start;
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const scoreStart = performance.now();
        Adopt.score.QuickWins.analyze(document.parseResult.value.plan!);
        current.Scored = performance.now() - scoreStart;
        phaseRuns.push(current);
        return document;
    };
    const drop = async (document: LangiumDocument): Promise<void> => {
        await shared.workspace.DocumentBuilder.update([], [document.uri]);
    };

    for (let i = 0; i < warmups; i++) await drop(await buildOnce());
    phaseRuns.length = 0;
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
        gc?.();
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        const document = await buildOnce();
        times.push(performance.now() - start);
        const cpu = process.cpuUsage(cpuStart);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
        await drop(document);
    }

    // Retained heap: everything the built document (and its cached analysis) keeps alive.
    gc?.();
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const kept = await buildOnce();
    gc?.();
    gc?.();
    const after = process.memoryUsage().heapUsed;
    const diagnostics = kept.diagnostics ?? [];
    const afterEdit = await timeEditorRequests(Adopt, kept, runs);
    // And once the editor's requests have been answered: what they made (leaves, ranges) stays.
    gc?.();
    gc?.();
    const afterRequests = process.memoryUsage().heapUsed;
    const result: InProcessResult = {
        projects,
        bytes: Buffer.byteLength(text),
        lines: text.split('\n').length,
        runs: times,
        medianMs: median(times),
        cpuMedianMs: median(cpuTimes),
        diagnostics: diagnostics.length,
        errors: diagnostics.filter(d => d.severity === 1).length,
        retainedBytes: after - before,
        retainedPerProject: (after - before) / projects,
        retainedAfterRequestsPerProject: (afterRequests - before) / projects,
        fastBuildPhases: Adopt.references.Linker instanceof FastLinker,
        sizeLimitLifted: sizeLimitLifted ? MAX_PLAN_BYTES : 0,
        phases: Object.fromEntries(Object.keys(phaseRuns[0] ?? {}).map(key => [key, median(phaseRuns.map(run => run[key] ?? 0))])),
        afterEdit
    };
    process.stdout.write(JSON.stringify(result) + '\n');
    // Keep the document referenced until the figure is taken.
    if (kept.parseResult.value.plan?.name === undefined) process.exitCode = 3;
}

/** The requests an editor sends after each change, each timed `runs` times on the built document. */
async function timeEditorRequests(Adopt: AdoptServices, document: LangiumDocument<AdoptFile>, runs: number): Promise<Record<string, number>> {
    const lsp = Adopt.lsp;
    const params = { textDocument: { uri: document.uri.toString() } };
    const requests: Record<string, () => unknown> = {
        semanticTokens: () => lsp.SemanticTokenProvider?.semanticHighlight(document, params),
        documentSymbols: () => lsp.DocumentSymbolProvider?.getSymbols(document, params),
        foldingRanges: () => lsp.FoldingRangeProvider?.getFoldingRanges(document, params),
        codeLenses: () => lsp.CodeLensProvider?.provideCodeLens(document, params)
    };
    const result: Record<string, number> = {};
    for (const [name, request] of Object.entries(requests)) {
        const times: number[] = [];
        for (let i = 0; i < runs + 1; i++) {
            const start = performance.now();
            await request();
            if (i > 0) times.push(performance.now() - start);
        }
        result[name] = median(times);
    }
    return result;
}

/** The fast build's parser without its size guard (see src/language/parser/adopt-parser.ts). */
class UnlimitedParser extends FastBuildParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        return this.parseText<T>(input, options);
    }
}

function createUnlimitedParser(services: AdoptServices): FastBuildParser {
    return createFastBuildParser(services, new UnlimitedParser(services));
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
