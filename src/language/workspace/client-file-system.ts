/**
 * Langium's file system for a language server without a disk (the browser build, whose server is a
 * Web Worker): every read is a request to the client (src/protocol/file-system-protocol.ts), which
 * answers with `vscode.workspace.fs`. The rest of the language reads files through Langium's
 * `FileSystemProvider` on every host, so the browser build shares it as it is; only the
 * asynchronous reads can be served, and the language uses only those where the browser build runs
 * (the config files are found ahead of each build by `AdoptConfigFiles.load`).
 */
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import {
    DIRECTORY_READ_REQUEST, FILE_READ_REQUEST, FILE_STAT_REQUEST, base64ToBytes, directoryEntriesSchema, fileContentSchema, fileStatSchema,
    type FileError
} from '../../protocol/file-system-protocol.js';

/** An error as Node's and VS Code's file systems give them: `code` says why (`FileNotFound`, …). */
export class FileReadError extends Error {
    constructor(readonly code: string, uri: URI) {
        super(`${uri.toString()}: ${code}`);
    }
}

/** The requests the provider sends: the connection's `sendRequest`, or a test's stand-in. */
export type FileRequester = Pick<Connection, 'sendRequest'>;

export class ClientFileSystemProvider implements FileSystemProvider {
    private readonly decoder = new TextDecoder();

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

/** A synchronous read: the client can only answer a request later. */
function unavailable(uri: URI): FileReadError {
    return new FileReadError('Unavailable', uri);
}
