/**
 * The files a file uses (`use "PATH"`, docs/language.md#plans-in-many-files): where a path leads,
 * and reading the used files that the workspace does not hold yet, through Langium's file system
 * provider (the disk for the CLI and the desktop server; the editor's files in the browser).
 */
import { Cancellation, URI, UriUtils, interruptAndCheck, type FileSystemProvider, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { isAdoptFile } from '../generated/ast.js';
import { textOfBytes } from './file-text.js';

/** The extension of the files a `use` may name. */
export const ADOPT_EXTENSION = '.adopt';

/** Where a `use` path leads from the file at `from`: the file's URI, or why it leads nowhere, in words. */
export function usedFileUri(from: URI, path: string): { readonly uri: URI } | { readonly problem: string } {
    if (path.trim() === '') return { problem: 'the path is empty' };
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return { problem: 'it is a URL or a drive, not a path relative to this file' };
    if (path.startsWith('/')) return { problem: 'it is an absolute path, not a path relative to this file' };
    if (path.includes('\\')) return { problem: "folders are separated by '/', not '\\'" };
    if (!path.endsWith(ADOPT_EXTENSION)) return { problem: `it does not name a ${ADOPT_EXTENSION} file` };
    return { uri: UriUtils.resolvePath(UriUtils.dirname(from), path) };
}

/** The path of `to` as a `use` in the file at `from` writes it: relative, with `/`. */
export function usePathBetween(from: URI, to: URI): string {
    return UriUtils.relative(UriUtils.dirname(from), to);
}

/** The paths that a document's `use` lines write, in order (the text of each, without quotes). */
export function usePathsOf(document: LangiumDocument): string[] {
    const root = document.parseResult.value;
    if (!isAdoptFile(root)) return [];
    return root.uses.map(use => use.shared?.$refText).filter((path): path is string => typeof path === 'string');
}

export class UsedFiles {
    /** Why a used file could not be read, by URI string, from its last reading. */
    private readonly problems = new Map<string, string>();
    private readonly documents: () => LangiumDocuments;
    private readonly fileSystem: () => FileSystemProvider;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = () => shared.workspace.LangiumDocuments;
        this.fileSystem = () => shared.workspace.FileSystemProvider;
    }

    /** Why the file at `uri` could not be read when a `use` last asked for it; undefined when it could. */
    problemOf(uri: URI): string | undefined {
        return this.problems.get(uri.toString());
    }

    /**
     * Reads the files the given documents use, directly or through the files they use, that the
     * workspace does not hold, and adds them to it; returns the documents it added. A file that
     * cannot be read is remembered with the reason (`problemOf`), for the `use` to report.
     */
    async loadUsedBy(documents: readonly LangiumDocument[], cancelToken = Cancellation.CancellationToken.None): Promise<LangiumDocument[]> {
        const langiumDocuments = this.documents();
        const added: LangiumDocument[] = [];
        const asked = new Set<string>();
        const queue = [...documents];
        for (let next = queue.shift(); next; next = queue.shift()) {
            for (const path of usePathsOf(next)) {
                const target = usedFileUri(next.uri, path);
                if (!('uri' in target)) continue;
                const key = target.uri.toString();
                if (asked.has(key) || langiumDocuments.hasDocument(target.uri)) continue;
                asked.add(key);
                await interruptAndCheck(cancelToken);
                const document = await this.read(target.uri);
                if (document) {
                    added.push(document);
                    queue.push(document);
                }
            }
        }
        return added;
    }

    private async read(uri: URI): Promise<LangiumDocument | undefined> {
        const key = uri.toString();
        const fileSystem = this.fileSystem();
        let bytes: Uint8Array;
        try {
            if ((await fileSystem.stat(uri)).isDirectory) {
                this.problems.set(key, 'it is a folder, not a file');
                return undefined;
            }
            bytes = await fileSystem.readBinary(uri);
        } catch (error) {
            this.problems.set(key, readErrorInWords(error));
            return undefined;
        }
        const read = textOfBytes(bytes);
        if ('problem' in read) {
            this.problems.set(key, `the file is ${read.problem}`);
            return undefined;
        }
        this.problems.delete(key);
        return this.documents().createDocument(uri, read.text);
    }
}

/** Why a file could not be read, from the file system's error. */
function readErrorInWords(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound') return 'there is no such file';
    if (code === 'EACCES' || code === 'EPERM' || code === 'NoPermissions') return 'the file may not be read (permission denied)';
    if (code === 'EISDIR' || code === 'FileIsADirectory') return 'it is a folder, not a file';
    return 'the file cannot be read';
}
