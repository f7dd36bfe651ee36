/**
 * Langium's workspace manager, which loads the plans of the workspace folders at start-up (and
 * those of a folder that appears later), with two changes:
 * - it validates the plans it loads (Langium only links them): their problems show before they
 *   are opened, and the workspace ranking (`adopt/rankWorkspace`) has every plan's diagnostics;
 * - on a file system that can search a folder (`FileFinder`: the browser build's, whose client
 *   answers with `vscode.workspace.findFiles`), a folder's plans are found with one search instead
 *   of reading the folder and each of its subfolders, one request each. The files found are those
 *   the reading would find: Langium's rule (`shouldIncludeEntry`: no folder or file whose name
 *   starts with a dot, no `node_modules` or `out` folder, only the language's files) is applied to
 *   each of them. A file system that cannot search (the disk, through Langium's Node file system)
 *   is read as Langium reads it.
 */
import { DefaultWorkspaceManager, UriUtils, type BuildOptions, type FileSystemProvider, type URI } from 'langium';

/** A file system that can find the files below a folder that match a glob pattern, at any depth, in one go. */
export interface FileFinder {
    /**
     * The files below `folder` whose paths relative to it match `pattern`; undefined when this file
     * system cannot search after all (a client that does not know the request).
     */
    findFiles(folder: URI, pattern: string): Promise<URI[] | undefined>;
}

export function canFindFiles(provider: FileSystemProvider): provider is FileSystemProvider & FileFinder {
    return 'findFiles' in provider && typeof provider.findFiles === 'function';
}

export class AdoptWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };

    /** The lists that Langium's reading of a folder fills: the subfolders it comes to are read, never searched. */
    private readonly readings = new WeakSet<URI[]>();

    /**
     * A folder's plans, found with one search where the file system can search. A search that
     * fails, or that the file system cannot make, and one that finds nothing, are followed by the
     * reading of the folder: a file system without a search provider in VS Code (one that an
     * extension adds) answers every search with no files.
     */
    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        const fileSystem = this.fileSystemProvider;
        if (this.readings.has(uris) || !canFindFiles(fileSystem)) return super.traverseFolder(folder, uris);
        const found = await fileSystem.findFiles(folder, this.filePattern()).catch(() => undefined);
        if (found && found.length > 0) {
            uris.push(...found.filter(uri => this.isIncludedBelow(folder, uri)));
            return;
        }
        const read: URI[] = [];
        this.readings.add(read);
        await super.traverseFolder(folder, read);
        uris.push(...read);
    }

    /** The glob of the files of the languages served, at any depth: for Adopt, every `*.adopt` file. */
    private filePattern(): string {
        const names = this.serviceRegistry.all.flatMap(services => [
            ...services.LanguageMetaData.fileExtensions.map(extension => `*${extension}`),
            ...(services.LanguageMetaData.fileNames ?? [])
        ]);
        return names.length === 1 ? `**/${names[0]}` : `**/{${names.join(',')}}`;
    }

    /** Whether reading `folder` would have found `file`: each folder on the way and the file itself pass `shouldIncludeEntry`. */
    private isIncludedBelow(folder: URI, file: URI): boolean {
        if (!this.shouldIncludeEntry({ uri: file, isFile: true, isDirectory: false })) return false;
        // Found by searching the folder, it is in the folder: a path that does not start with the folder's spells the same place otherwise.
        if (!UriUtils.contains(folder, file)) return true;
        const between = UriUtils.relative(folder, file).split('/').slice(0, -1);
        let current = folder;
        for (const name of between) {
            current = UriUtils.joinPath(current, name);
            if (!this.shouldIncludeEntry({ uri: current, isFile: false, isDirectory: true })) return false;
        }
        return true;
    }
}
