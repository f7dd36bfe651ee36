/**
 * A file system in memory for Langium's FileSystemProvider service: tests put plans and config
 * files at paths of their choice without touching the disk.
 */
import { URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';

export class MemoryFileSystem implements FileSystemProvider {
    private readonly files = new Map<string, string | Uint8Array>();

    /** Writes a file at an absolute path (`/work/plans/adopt.config.json`): text, or any bytes. */
    write(path: string, content: string | Uint8Array): URI {
        this.files.set(path, content);
        return URI.file(path);
    }

    /** The paths of every file, in the order they were written. */
    paths(): string[] {
        return [...this.files.keys()];
    }

    remove(path: string): void {
        this.files.delete(path);
    }

    private isDirectory(path: string): boolean {
        const prefix = path.endsWith('/') ? path : path + '/';
        return [...this.files.keys()].some(file => file.startsWith(prefix));
    }

    statSync(uri: URI): FileSystemNode {
        const isFile = this.files.has(uri.path);
        const isDirectory = !isFile && this.isDirectory(uri.path);
        if (!isFile && !isDirectory) throw Object.assign(new Error(`ENOENT: ${uri.path}`), { code: 'ENOENT' });
        return { isFile, isDirectory, uri };
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.files.has(uri.path) || this.isDirectory(uri.path);
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    readFileSync(uri: URI): string {
        const content = this.readBinarySync(uri);
        return new TextDecoder().decode(content);
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        const content = this.files.get(uri.path);
        if (content === undefined) throw Object.assign(new Error(`ENOENT: ${uri.path}`), { code: 'ENOENT' });
        return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = uri.path.endsWith('/') ? uri.path : uri.path + '/';
        const names = new Set([...this.files.keys()].filter(file => file.startsWith(prefix)).map(file => file.slice(prefix.length).split('/')[0]));
        return [...names].map(name => this.statSync(UriUtils.joinPath(uri, name)));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.readDirectorySync(uri);
    }
}
