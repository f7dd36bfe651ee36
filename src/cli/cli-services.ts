/**
 * Builds plan documents outside an editor: parse, link, validate and score with the same
 * services the language server uses, on the disk (each plan's `adopt.config.json` is found by
 * walking up from its folder, unless `--config` names one).
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { NodeFileSystem } from 'langium/node';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createAdoptServices, type AdoptServices } from '../language/adopt-module.js';
import { prepareParser } from '../language/parser/adopt-parser.js';
import type { ConfigFile, ConfigProblem } from '../language/config/adopt-config-files.js';
import { CONFIG_FILE_NAME } from '../language/config/adopt-config-schema.js';
import { blockOfFile, planOfDocument } from '../language/model/plan-model.js';
import type { ParserName } from '../language/parser/syntax-facts.js';
import { usedFileUri, usePathsOf } from '../language/workspace/used-files.js';
import { sortedDiagnostics } from '../language/score/rank-result.js';
import { InputProblem } from './read-plan-file.js';
import type { CheckedFile } from './sarif-log.js';
import { checkLines } from './check-output.js';

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

    private readonly configGiven: boolean;

    /** `configFile`: the `--config` file, used for every plan instead of the search. */
    constructor(configFile?: ConfigFile) {
        this.services = createAdoptServices({ ...NodeFileSystem }).Adopt;
        this.configGiven = configFile !== undefined;
        if (configFile) this.services.config.Files.useFile(configFile);
        // Make the parser now (the services are made when first asked for): not a part of any plan's parse.
        prepareParser(this.services);
    }

    /**
     * The workspace for the plans at `paths`, as every command sets it up: the `--config` file
     * (if given), today's date fixed (`useToday`), the plans' config files checked
     * (`checkConfigFiles`), and a note to `warn` for each plan the current folder's config file
     * does not reach (`unreachedConfigNotes`).
     */
    static prepare(paths: readonly string[], options: { configFile?: ConfigFile; today?: string }, warn: (note: string) => void): PlanWorkspace {
        const workspace = new PlanWorkspace(options.configFile);
        workspace.useToday(options.today);
        workspace.checkConfigFiles(paths);
        for (const note of workspace.unreachedConfigNotes(paths)) warn(note);
        return workspace;
    }

    /**
     * Fixes today's date for the checks of due dates: `--today`, else the environment's
     * ADOPT_TODAY, else the local date. A date that is not a calendar date is an input problem.
     */
    useToday(today: string | undefined): void {
        const clock = this.services.model.Today;
        const problem = today !== undefined ? clock.set(today) : clock.environmentProblem;
        if (problem) throw new InputProblem(today !== undefined ? `--today: ${problem}` : problem);
    }

    /**
     * A note for each plan that the config file of the current folder does not reach, as the plan
     * is not in that folder or below it (without `--config`): the rules it gets instead. Plans
     * that get the same rules instead (the files of a folder given) share one note, which names
     * the first two and counts the others.
     */
    unreachedConfigNotes(paths: readonly string[], cwd = process.cwd()): string[] {
        if (this.configGiven || !existsSync(join(cwd, CONFIG_FILE_NAME))) return [];
        const byRules = new Map<string | undefined, string[]>();
        for (const path of paths.filter(path => !isInside(resolve(cwd, path), cwd))) {
            const found = this.services.config.Files.lookup(documentUri(path));
            const rules = found ? displayPath(found.uri.fsPath) : undefined;
            byRules.set(rules, [...(byRules.get(rules) ?? []), path]);
        }
        return [...byRules].map(([rules, files]) => {
            const [first, second, ...others] = files;
            const which = files.length === 1 ? first : `${first}, ${second}${others.length > 0 ? ` and ${others.length} more` : ''}`;
            const one = files.length === 1;
            const instead = rules !== undefined ? `${rules} applies to ${one ? 'it' : 'them'} instead` : `${one ? 'it gets' : 'they get'} the default rules`;
            return `${CONFIG_FILE_NAME} of the current folder does not apply to ${which}, which ${one ? 'is' : 'are'} not in this folder or below it: ${instead}`;
        });
    }

    /**
     * Throws an InputProblem (exit 2) naming the file, the place and the field when the config
     * file of any of the plans cannot be used.
     */
    checkConfigFiles(paths: readonly string[]): void {
        for (const path of paths) {
            const file = this.services.config.Files.lookup(documentUri(path));
            if (file?.problem) throw new InputProblem(configProblemLine(displayPath(file.uri.fsPath), file.problem));
        }
    }

    /**
     * Builds the given texts (path -> text) and returns their documents in the same order. The
     * config files of the used files read are checked as those of the files given were.
     */
    async build(files: ReadonlyArray<{ path: string; text: string }>): Promise<LangiumDocument[]> {
        const shared = this.services.shared;
        const documents = files.map(file =>
            shared.workspace.LangiumDocumentFactory.fromString(file.text, documentUri(file.path)));
        for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        this.checkUsedConfigFiles(documents);
        return documents;
    }

    /**
     * Throws an InputProblem (exit 2), as `checkConfigFiles` does, when the config file of a used
     * file that `given` led to cannot be used: that file's diagnostics were judged by the defaults.
     */
    private checkUsedConfigFiles(given: readonly LangiumDocument[]): void {
        for (const document of this.usedDocuments(given)) {
            const file = this.services.config.Files.lookup(document.uri);
            if (file?.problem) throw new InputProblem(configProblemLine(displayPath(file.uri.fsPath), file.problem));
        }
    }

    /**
     * Builds the given texts phase by phase and times each, per file: parsing; linking (with
     * indexing); scoring (the analysis of every project, which validation then reads);
     * validation. Every file is parsed first; then each is built on its own, a used file before
     * the files that use it, so that a plan's time holds only the reading of the used files that
     * were not given. Answers the documents and their stats in the order given.
     */
    async buildWithStats(files: ReadonlyArray<{ path: string; text: string }>): Promise<Array<{ document: LangiumDocument; stats: BuildStats }>> {
        const shared = this.services.shared;
        const parsed = files.map(file => {
            const start = performance.now();
            const document = shared.workspace.LangiumDocumentFactory.fromString(file.text, documentUri(file.path));
            const parse = performance.now() - start;
            shared.workspace.LangiumDocuments.addDocument(document);
            return { document, parse };
        });
        const timed = new Map<LangiumDocument, Omit<BuildStats, 'parse' | 'parser'>>();
        for (const document of usedFirst(parsed.map(entry => entry.document))) timed.set(document, await this.timeBuild(document));
        this.checkUsedConfigFiles(parsed.map(entry => entry.document));
        return parsed.map(({ document, parse }) => ({
            document,
            stats: { parse, ...timed.get(document)!, parser: this.services.syntax.Facts.builtBy(document.parseResult.value) }
        }));
    }

    /** The time of linking, scoring and validating one parsed document. */
    private async timeBuild(document: LangiumDocument): Promise<{ link: number; score: number; validate: number }> {
        const builder = this.services.shared.workspace.DocumentBuilder;
        let start = performance.now();
        let link = 0;
        let score = 0;
        const linked = builder.onBuildPhase(DocumentState.IndexedReferences, () => {
            link = performance.now() - start;
            const scoring = performance.now();
            this.services.score.QuickWins.analyze(planOfDocument(document));
            score = performance.now() - scoring;
            start = performance.now();
        });
        try {
            start = performance.now();
            await builder.build([document], { validation: true });
        } finally {
            linked.dispose();
        }
        return { link, score, validate: performance.now() - start };
    }

    /**
     * The documents of the workspace other than `given`: the used files that were read because a
     * given file uses them (directly or through other used files), in path order, each file on
     * disk once. (A plan in a file not named `.adopt` has a URI of its own scheme, and so have
     * the files it uses: a file that such a plan and a `.adopt` file both use is read twice, and
     * reported once.)
     */
    usedDocuments(given: readonly LangiumDocument[]): LangiumDocument[] {
        const known = new Set(given);
        const seen = new Set(given.map(document => document.uri.fsPath));
        return this.services.shared.workspace.LangiumDocuments.all
            .filter(document => !known.has(document))
            .toArray()
            .sort((a, b) => compareText(a.uri.fsPath, b.uri.fsPath) || compareText(a.uri.scheme, b.uri.scheme))
            .filter(document => !seen.has(document.uri.fsPath) && seen.add(document.uri.fsPath));
    }

    /**
     * The errors of `documents` and of the files they use, each file with its path and only its
     * errors (none: not listed). What `rank`, `report` and `calendar` answer stands on all of
     * them, so their exit code counts them as `adopt check` of the same file would.
     */
    errorsWithUsed(documents: readonly LangiumDocument[]): CheckedFile[] {
        return [...documents, ...this.usedDocuments(documents)]
            .map(document => ({ path: documentPath(document), diagnostics: sortedDiagnostics((document.diagnostics ?? []).filter(isError)) }))
            .filter(file => file.diagnostics.length > 0);
    }
}

/**
 * The exit code of a command that answers on plans (`rank`, `report`, `calendar`): 1 when they or
 * the files they use have errors, as `adopt check` of them would. The errors of the other files
 * (a used file's syntax error, say), which the answer does not show, go to stderr as `check` prints them.
 */
export function exitForErrors(errors: readonly CheckedFile[], shown: readonly LangiumDocument[], io: { err(text: string): void }): number {
    const shownPaths = new Set(shown.map(documentPath));
    const unshown = errors.filter(file => !shownPaths.has(file.path));
    if (unshown.length > 0) io.err(`adopt: errors in the files used:\n${checkLines(unshown)}`);
    return errors.length > 0 ? 1 : 0;
}

/** Whether a diagnostic is an error (LSP reads one without a severity as an error). */
export function isError(diagnostic: Diagnostic): boolean {
    return (diagnostic.severity ?? 1) === 1;
}

/** The documents with each one that another uses placed before it (a cycle in any order). */
function usedFirst(documents: readonly LangiumDocument[]): LangiumDocument[] {
    const byUri = new Map(documents.map(document => [document.uri.toString(), document]));
    const ordered: LangiumDocument[] = [];
    const visited = new Set<LangiumDocument>();
    const visit = (document: LangiumDocument) => {
        if (visited.has(document)) return;
        visited.add(document);
        for (const path of usePathsOf(document)) {
            const target = usedFileUri(document.uri, path);
            const used = 'uri' in target ? byUri.get(target.uri.toString()) : undefined;
            if (used) visit(used);
        }
        ordered.push(document);
    };
    documents.forEach(visit);
    return ordered;
}

/** Whether the document's file holds a shared block (docs/language.md#plans-in-many-files) rather than a plan. */
export function holdsSharedBlock(document: LangiumDocument): boolean {
    return blockOfFile(document.parseResult.value)?.$type === 'Shared';
}

/**
 * `rank` and `report` take a plan: a shared file is an input problem (exit 2), one line that
 * says what to give instead (`instead`).
 */
export function mustNotBeShared(document: LangiumDocument, path: string, instead: string): void {
    if (holdsSharedBlock(document)) throw new InputProblem(`${path}: holds a shared block, not a plan: ${instead}`, path);
}

/** Code-unit order, the same on every system and locale. */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** The path to show for a document: relative to the current folder when it lies below it, else absolute. */
export function documentPath(document: LangiumDocument): string {
    return displayPath(document.uri.fsPath);
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

/** `path:line:column: message`, lines and columns from 1. */
export function configProblemLine(path: string, problem: ConfigProblem): string {
    return `${path}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.message}`;
}

/** A path relative to the current folder when it lies below it, else as it is. */
export function displayPath(path: string): string {
    const shown = relative(process.cwd(), path);
    return shown && !shown.startsWith('..') ? shown : path;
}

function isInside(path: string, folder: string): boolean {
    return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
