/**
 * Langium's file system for a language server without a disk (the browser build, whose server is a
 * Web Worker): every read is a request to the client (src/protocol/file-system-protocol.ts), which
 * answers with `vscode.workspace.fs`. The rest of the language reads files through Langium's
 * `FileSystemProvider` on every host, so the browser build shares it as it is; only the
 * asynchronous reads can be served, and the language uses only those where the browser build runs
 * (the config files are found ahead of each build by `AdoptConfigFiles.load`). It can also find
 * a folder's files by a glob pattern in one request (`FileFinder`), which the workspace manager
 * uses to find the workspace's plans (adopt-workspace-manager.ts).
 */
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { ErrorCodes, type Connection } from 'vscode-languageserver';
import {
    DIRECTORY_READ_REQUEST, FILE_READ_REQUEST, FILE_STAT_REQUEST, FIND_FILES_REQUEST, base64ToBytes, directoryEntriesSchema, fileContentSchema, fileStatSchema,
    foundFilesSchema, type FileError
} from '../../protocol/file-system-protocol.js';
import type { FileFinder } from './adopt-workspace-manager.js';

/** An error as Node's and VS Code's file systems give them: `code` says why (`FileNotFound`, …). */
export class FileReadError extends Error {
    constructor(readonly code: string, uri: URI) {
        super(`${uri.toString()}: ${code}`);
    }
}

/** The requests the provider sends: the connection's `sendRequest`, or a test's stand-in. */
export type FileRequester = Pick<Connection, 'sendRequest'>;

export class ClientFileSystemProvider implements FileSystemProvider, FileFinder {
    private readonly decoder = new TextDecoder();
    /** False once the client has answered that it does not know `adopt/fs/findFiles` (an older extension): it is not asked again. */
    private clientFinds = true;

    constructor(private readonly client: FileRequester) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const answer = fileStatSchema.parse(await this.client.sendRequest(FILE_STAT_REQUEST, { uri: uri.toString() }));
        if (isError(answer)) throw new FileReadError(answer.error, uri);
        return { uri, isFile: answer.isFile, isDirectory: answer.isDirectory };
    }

    async exists(uri: URI): Promise<boolean> {
        try {
            await this.stat(uri);
            return true;
        } catch {
            return false;
        }
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        const answer = fileContentSchema.parse(await this.client.sendRequest(FILE_READ_REQUEST, { uri: uri.toString() }));
        if (isError(answer)) throw new FileReadError(answer.error, uri);
        return base64ToBytes(answer.base64);
    }

    async readFile(uri: URI): Promise<string> {
        return this.decoder.decode(await this.readBinary(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const answer = directoryEntriesSchema.parse(await this.client.sendRequest(DIRECTORY_READ_REQUEST, { uri: uri.toString() }));
        if (isError(answer)) throw new FileReadError(answer.error, uri);
        return answer.entries.map(entry => ({ uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory }));
    }

    /**
     * The files below `folder` that match `pattern`, found by the client in one request; undefined
     * when the client does not know the request (the folders are then read one by one).
     */
    async findFiles(folder: URI, pattern: string): Promise<URI[] | undefined> {
        if (!this.clientFinds) return undefined;
        let answer: unknown;
        try {
            answer = await this.client.sendRequest(FIND_FILES_REQUEST, { uri: folder.toString(), pattern });
        } catch (error) {
            if (!isMethodNotFound(error)) throw error;
            this.clientFinds = false;
            return undefined;
        }
        const found = foundFilesSchema.parse(answer);
        if (isError(found)) throw new FileReadError(found.error, folder);
        return found.uris.map(uri => URI.parse(uri));
    }

    statSync(uri: URI): FileSystemNode {
        throw unavailable(uri);
    }

    existsSync(): boolean {
        return false;
    }

    readBinarySync(uri: URI): Uint8Array {
        throw unavailable(uri);
    }

    readFileSync(uri: URI): string {
        throw unavailable(uri);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        throw unavailable(uri);
    }
}

function isError(answer: object): answer is FileError {
    return 'error' in answer;
}

/** The error a JSON-RPC peer answers a request it has no handler for with. */
function isMethodNotFound(error: unknown): boolean {
    return typeof error === 'object' && error !== null && 'code' in error && error.code === ErrorCodes.MethodNotFound;
}

/** A synchronous read: the client can only answer a request later. */
function unavailable(uri: URI): FileReadError {
    return new FileReadError('Unavailable', uri);
}
