/**
 * A file system in memory for Langium's FileSystemProvider service: tests put plans and config
 * files at paths of their choice without touching the disk.
 */
import { URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';

export class MemoryFileSystem implements FileSystemProvider {
    private readonly files = new Map<string, string>();

    /** Writes a file at an absolute path (`/work/plans/adopt.config.json`). */
    write(path: string, text: string): URI {
        this.files.set(path, text);
        return URI.file(path);
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
        if (!isFile && !isDirectory) throw new Error(`ENOENT: ${uri.path}`);
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
        const text = this.files.get(uri.path);
        if (text === undefined) throw Object.assign(new Error(`ENOENT: ${uri.path}`), { code: 'ENOENT' });
        return text;
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
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
