/**
 * The files named on the command line (docs/command-line.md): a file as given; a folder as every
 * `.adopt` file under it, recursively, in path order, skipping `node_modules` and folders whose
 * name starts with a dot. Each file once, in the order first named.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADOPT_EXTENSION } from '../language/workspace/used-files.js';
import { compareText } from './cli-services.js';
import { fileErrorInWords } from './file-errors.js';
import { InputProblem } from './read-plan-file.js';

/** The files that the paths name. A path that names nothing usable is an InputProblem in `problems`. */
export function inputFiles(paths: readonly string[], problems: InputProblem[]): string[] {
    const seen = new Set<string>();
    const files: string[] = [];
    for (const path of paths) {
        for (const file of filesOfPath(path, problems)) {
            const key = resolve(file);
            if (seen.has(key)) continue;
            seen.add(key);
            files.push(file);
        }
    }
    return files;
}

/** Whether the path names a folder (false when it names a file or nothing). */
export function isFolder(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false;
    }
}

function filesOfPath(path: string, problems: InputProblem[]): string[] {
    try {
        if (!statSync(path).isDirectory()) return [path];
    } catch (error) {
        const reason = fileErrorInWords(error, path, 'read');
        // Anything else (permission denied, a loop of links) is said when the file is read.
        if (reason === 'no such file') {
            problems.push(new InputProblem(`${path}: no such file or folder`, path));
            return [];
        }
        return [path];
    }
    const before = problems.length;
    const files = adoptFilesUnder(path, problems);
    // A folder that could not be read is said as such, not as empty.
    if (files.length === 0 && problems.length === before) {
        problems.push(new InputProblem(`${path}: no ${ADOPT_EXTENSION} file in this folder or below it (node_modules and folders starting with a dot are skipped)`, path));
    }
    return files;
}

/** The `.adopt` files under the folder, sorted by their path below it ('/' between folders). */
function adoptFilesUnder(folder: string, problems: InputProblem[]): string[] {
    const found: string[] = [];
    const visit = (relative: string) => {
        const at = relative === '' ? folder : join(folder, relative);
        let entries: Dirent[];
        try {
            entries = readdirSync(at, { withFileTypes: true });
        } catch (error) {
            problems.push(new InputProblem(`${at}: the folder cannot be read (${fileErrorInWords(error, at, 'read')})`, at));
            return;
        }
        for (const entry of entries) {
            const below = relative === '' ? entry.name : `${relative}/${entry.name}`;
            const kind = kindOf(entry, join(at, entry.name));
            if (kind === 'folder' && entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(below);
            else if (kind === 'file' && entry.name.endsWith(ADOPT_EXTENSION)) found.push(below);
        }
    };
    visit('');
    return found.sort(compareText).map(relative => join(folder, relative));
}

/**
 * A folder, a file, or neither. A symbolic link counts as the file it leads to; a link to a
 * folder is not followed (it could lead back up, and its files belong to the folder it leads to).
 */
function kindOf(entry: Dirent, path: string): 'folder' | 'file' | undefined {
    if (entry.isDirectory()) return 'folder';
    if (entry.isFile()) return 'file';
    if (!entry.isSymbolicLink()) return undefined;
    try {
        return statSync(path).isFile() ? 'file' : undefined;
    } catch {
        // A broken link: named like a plan, it is reported when read.
        return 'file';
    }
}
