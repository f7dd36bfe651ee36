/**
 * Finds and reads the config file `adopt.config.json` of a plan: the nearest one in the plan's
 * folder or a folder above it, through Langium's file system service (the disk in the language
 * server and the CLI, anything else in tests). What was found is kept per folder until a config
 * file changes (`invalidate`). The CLI's `--config FILE` replaces the search (`useFile`).
 *
 * A config file that cannot be used (not JSON, empty, a field with a bad value) has one problem:
 * a message naming the field, and where in the file it is. Plans under it then get the defaults
 * (and the editor's settings), never nothing.
 */
import { URI, UriUtils, type FileSystemProvider, type LangiumSharedCoreServices } from 'langium';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { Emitter, type Event } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { SettingsProblem } from '../score/quick-win-settings.js';
import { CONFIG_FILE_NAME, parseAdoptConfig, type AdoptConfig } from './adopt-config-schema.js';

/** A config file larger than this is not read (a real one is a few hundred bytes). */
export const MAX_CONFIG_CHARS = 1024 * 1024;

export interface ConfigProblem {
    /** What is wrong, naming the field: `severity.low-reach must be one of …`. */
    readonly message: string;
    /** Where in the config file (0-based, as LSP counts). */
    readonly range: Range;
}

/** A config file and what it says: its config when it is valid, else its problem. */
export interface ConfigFile {
    readonly uri: URI;
    readonly config?: AdoptConfig;
    readonly problem?: ConfigProblem;
}

export function isConfigFileUri(uri: URI | string): boolean {
    const path = typeof uri === 'string' ? URI.parse(uri).path : uri.path;
    return UriUtils.basename(URI.file(path)) === CONFIG_FILE_NAME;
}

export class AdoptConfigFiles {
    private readonly fileSystem: () => FileSystemProvider;
    /** The config file in force for the plans of a folder (null: none), by folder URI. */
    private readonly byFolder = new Map<string, ConfigFile | null>();
    private explicit: ConfigFile | undefined;
    /** Counts the invalidations, so that a `load` under way keeps nothing that one made stale. */
    private generation = 0;
    /** The text of a config file open in the editor (the language server), before the disk's. */
    private openText: (uri: URI) => string | undefined = () => undefined;
    private readonly changed = new Emitter<void>();
    private readonly read = new Emitter<ConfigFile>();

    constructor(shared: LangiumSharedCoreServices) {
        this.fileSystem = () => shared.workspace.FileSystemProvider;
    }

    /** Fires when what was read is forgotten: the settings in force may have changed. */
    get onDidChange(): Event<void> {
        return this.changed.event;
    }

    /** Fires each time a config file is read, with what it says (the server shows its problem on it). */
    get onDidRead(): Event<ConfigFile> {
        return this.read.event;
    }

    /**
     * The config file in force for a plan: the `--config` file if one is set, else the nearest
     * `adopt.config.json` in the plan's folder or above it; undefined when there is none (or
     * the plan is not a file, like an unsaved editor). What `load` read ahead is used; folders it
     * has not seen are searched with the file system's synchronous reads.
     */
    lookup(plan: URI): ConfigFile | undefined {
        if (this.explicit) return this.explicit;
        const search = this.search(plan);
        let step = search.next();
        while (!step.done) step = search.next(this.isFile(step.value) ? this.readFile(step.value) ?? null : undefined);
        return step.value;
    }

    /**
     * Finds, ahead of `lookup`, the config files of these plans with the file system's
     * asynchronous reads: a file system that has no synchronous ones (the browser build's, which
     * reads through the client) needs it; the language server's document builder calls it before
     * each build. Whether each folder up from a plan has a config file is asked at once, not
     * folder after folder: through the client each question is a round trip. What an
     * `invalidate` meanwhile made stale is not kept.
     */
    async load(plans: Iterable<URI>): Promise<void> {
        if (this.explicit) return;
        for (const plan of plans) {
            const generation = this.generation;
            const asked = new Map(this.unknownCandidates(plan).map(candidate => [candidate.toString(), this.isFileAsync(candidate)]));
            const search = this.search(plan, () => generation === this.generation);
            let step = search.next();
            while (!step.done) {
                const isFile = await (asked.get(step.value.toString()) ?? this.isFileAsync(step.value));
                step = search.next(isFile ? await this.readFileAsync(step.value) ?? null : undefined);
            }
        }
    }

    /**
     * The config files `search` may ask about for a plan: one per folder from the plan's up to
     * the first whose config file is known (or the root), but those open in the editor.
     */
    private unknownCandidates(plan: URI): URI[] {
        const candidates: URI[] = [];
        let current = planFolder(plan);
        while (current && !this.byFolder.has(current.toString())) {
            const candidate = UriUtils.joinPath(current, CONFIG_FILE_NAME);
            if (this.openText(candidate) === undefined) candidates.push(candidate);
            const parent = UriUtils.dirname(current);
            current = parent.path === current.path ? undefined : parent;
        }
        return candidates;
    }

    /**
     * Walks up from the plan's folder to the first folder whose config file is known or found.
     * Yields each candidate file not known yet; is sent what it holds (a config file, null when
     * there is one that cannot be told apart from none, undefined when there is none); returns
     * the config file in force and remembers it for every folder on the way (while `keep` says so).
     */
    private *search(plan: URI, keep: () => boolean = () => true): Generator<URI, ConfigFile | undefined, ConfigFile | null | undefined> {
        const folder = planFolder(plan);
        if (!folder) return undefined;
        const visited: string[] = [];
        let current = folder;
        let found: ConfigFile | null = null;
        for (;;) {
            const key = current.toString();
            const known = this.byFolder.get(key);
            if (known !== undefined) {
                found = known;
                break;
            }
            visited.push(key);
            const candidate = UriUtils.joinPath(current, CONFIG_FILE_NAME);
            const text = this.openText(candidate);
            const read = text !== undefined ? this.announce(parseConfigText(candidate, text)) : yield candidate;
            if (read !== undefined) {
                found = read;
                break;
            }
            const parent = UriUtils.dirname(current);
            if (parent.path === current.path) break;
            current = parent;
        }
        if (keep()) for (const key of visited) this.byFolder.set(key, found);
        return found ?? undefined;
    }

    /**
     * Reads config files that a client has open from their text in the editor (which may not be
     * saved yet) rather than from the disk.
     */
    readOpenDocuments(openText: (uri: URI) => string | undefined): void {
        this.openText = openText;
    }

    /** `--config FILE`: this config for every plan, instead of the search (undefined: search again). */
    useFile(file: ConfigFile | undefined): void {
        this.explicit = file;
        this.invalidate();
    }

    /** Reads a config file now (not kept): what it says, or undefined when it is not there. */
    readFile(uri: URI): ConfigFile | undefined {
        const text = this.openText(uri);
        if (text !== undefined) return this.announce(parseConfigText(uri, text));
        if (!this.isFile(uri)) return undefined;
        try {
            return this.announce(parseConfigText(uri, this.fileSystem().readFileSync(uri)));
        } catch (error) {
            return this.announce(unreadable(uri, error));
        }
    }

    /** `readFile` with the file system's asynchronous reads. */
    async readFileAsync(uri: URI): Promise<ConfigFile | undefined> {
        const text = this.openText(uri);
        if (text !== undefined) return this.announce(parseConfigText(uri, text));
        if (!await this.isFileAsync(uri)) return undefined;
        try {
            return this.announce(parseConfigText(uri, await this.fileSystem().readFile(uri)));
        } catch (error) {
            return this.announce(unreadable(uri, error));
        }
    }

    /** Forgets every config file read: a config file was created, changed or deleted. */
    invalidate(): void {
        this.generation++;
        this.byFolder.clear();
        this.changed.fire();
    }

    private announce(file: ConfigFile): ConfigFile {
        this.read.fire(file);
        return file;
    }

    private async isFileAsync(uri: URI): Promise<boolean> {
        try {
            return (await this.fileSystem().stat(uri)).isFile;
        } catch {
            return false;
        }
    }

    private isFile(uri: URI): boolean {
        const fileSystem = this.fileSystem();
        try {
            return fileSystem.existsSync(uri) && fileSystem.statSync(uri).isFile;
        } catch {
            return false;
        }
    }
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function unreadable(uri: URI, error: unknown): ConfigFile {
    return { uri, problem: { message: `the file cannot be read (${(error as { code?: unknown }).code ?? 'error'})`, range: START } };
}

/**
 * The folder to search from: a plan's folder on disk. The CLI names a plan in a file not called
 * `.adopt` with a URI of its own scheme (`adopt-input`) whose path is the file's path plus
 * `.adopt`: its folder is the file's folder all the same.
 */
function planFolder(plan: URI): URI | undefined {
    if (plan.scheme !== 'file' && plan.scheme !== 'adopt-input') return undefined;
    return UriUtils.dirname(URI.file(plan.path));
}

/**
 * What a config file's text says: the config when it is valid JSON that the schema accepts,
 * else one problem (the first in the file) with its place.
 */
export function parseConfigText(uri: URI, rawText: string): ConfigFile {
    const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
    const document = TextDocument.create(uri.toString(), 'json', 0, text);
    const rangeOf = (offset: number, length: number): Range => ({ start: document.positionAt(offset), end: document.positionAt(offset + length) });
    if (text.length > MAX_CONFIG_CHARS) {
        return { uri, problem: { message: `the file is too large (${text.length} characters; a config file holds at most ${MAX_CONFIG_CHARS})`, range: START } };
    }
    if (text.trim() === '') {
        return { uri, problem: { message: 'the file is empty: it must hold a JSON object, such as { "severity": { "low-reach": "off" } }', range: START } };
    }
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length > 0 || !root) {
        const error = errors[0] ?? { error: 4, offset: 0, length: 0 };
        return { uri, problem: { message: `the file is not valid JSON: ${jsonErrorWords(printParseErrorCode(error.error))}`, range: rangeOf(error.offset, Math.max(1, error.length)) } };
    }
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (error) {
        return { uri, problem: { message: `the file is not valid JSON (${(error as Error).message})`, range: START } };
    }
    const result = parseAdoptConfig(raw);
    if (result.ok) return { uri, config: result.config };
    const located = result.problems.map(problem => ({ problem, node: nodeAt(root, problem) }));
    located.sort((a, b) => a.node.offset - b.node.offset);
    const first = located[0];
    return { uri, problem: { message: first.problem.message, range: rangeOf(first.node.offset, first.node.length) } };
}

/**
 * The node a problem is about: the value at the path, or, when the path ends in a field the
 * object does not have (an unknown field), that field's name.
 */
function nodeAt(root: JsonNode, problem: SettingsProblem): JsonNode {
    const segments = problem.path.map(segment => (typeof segment === 'number' ? segment : String(segment)));
    const value = findNodeAtLocation(root, segments);
    if (value) {
        // An unknown field: point at its name (its value may be fine).
        const name = value.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
        return problem.unknownField && name ? name : value;
    }
    for (let length = segments.length - 1; length >= 0; length--) {
        const ancestor = findNodeAtLocation(root, segments.slice(0, length));
        if (ancestor) return ancestor;
    }
    return root;
}

const JSON_ERROR_WORDS: Readonly<Record<string, string>> = {
    InvalidSymbol: 'JSON does not allow this here (field names and texts go in double quotes)',
    InvalidNumberFormat: 'a number written as JSON does not write numbers',
    PropertyNameExpected: 'a field name in double quotes is expected (a comma after the last field is not allowed)',
    ValueExpected: 'a value is expected (a comma after the last value is not allowed)',
    ColonExpected: 'a colon (:) is expected after the field name',
    CommaExpected: 'a comma is expected between two fields or values',
    CloseBraceExpected: 'a closing brace } is expected',
    CloseBracketExpected: 'a closing bracket ] is expected',
    EndOfFileExpected: 'the file must end after its one JSON object',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'a text is not closed with a double quote',
    UnexpectedEndOfNumber: 'a number ends too early',
    InvalidUnicode: 'a \\u escape needs four hexadecimal digits',
    InvalidEscapeCharacter: 'a backslash escape that JSON does not know',
    InvalidCharacter: 'a line break or control character inside a text'
};

function jsonErrorWords(code: string): string {
    return JSON_ERROR_WORDS[code] ?? 'the text does not parse as JSON';
}
