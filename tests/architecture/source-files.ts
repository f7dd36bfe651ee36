/**
 * The TypeScript sources of the product, read as text for the architecture tests: every `.ts`
 * file under src/ and language-server/ (the generated parser and AST included), with its path
 * from the repository's root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

export interface SourceFile {
    /** From the repository's root, with `/` (`src/language/adopt-module.ts`). */
    readonly path: string;
    readonly lines: readonly string[];
}

function filesUnder(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return filesUnder(path);
        return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
    });
}

export function sourceFiles(): SourceFile[] {
    return ['src', 'language-server'].flatMap(folder => filesUnder(join(ROOT, folder))).map(file => ({
        path: relative(ROOT, file).split(sep).join('/'),
        lines: readFileSync(file, 'utf8').split(/\r?\n/)
    }));
}
