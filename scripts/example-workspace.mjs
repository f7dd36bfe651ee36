// The folder that `npm start` opens: a copy of examples/*.adopt outside this repository, so that
// VS Code's Git extension does not offer to open the repository found in a parent folder, and so
// that what a person writes in the examples stays theirs. Files already in the copy are kept as
// they are (never overwritten); missing ones are copied again.
// Usage: node scripts/example-workspace.mjs   (prints the folder)
// ADOPT_EXAMPLES_DIR picks the folder; by default ~/.local/share/adopt/examples ($XDG_DATA_HOME),
// or a folder in the temporary directory when that one lies inside a Git repository.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');

/** True when `folder` (which exists) is inside a Git work tree. */
export function insideGitRepository(folder) {
    try {
        execFileSync('git', ['-C', folder, 'rev-parse', '--is-inside-work-tree'], { stdio: ['ignore', 'pipe', 'ignore'] });
        return true;
    } catch {
        return false;
    }
}

/** The default folder of the copy for this environment. */
export function defaultExamplesFolder(env = process.env) {
    if (env.ADOPT_EXAMPLES_DIR) return resolve(env.ADOPT_EXAMPLES_DIR);
    const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
    return join(data, 'adopt', 'examples');
}

/**
 * Copies the example plans that `folder` lacks into it and returns the folder and what was
 * copied. A folder inside a Git repository is replaced by `fallback` (in the temporary
 * directory), unless it was asked for by name.
 */
export function prepareExampleWorkspace({
    folder = defaultExamplesFolder(), examples = EXAMPLES, chosen = Boolean(process.env.ADOPT_EXAMPLES_DIR), fallback = join(tmpdir(), 'adopt-examples')
} = {}) {
    mkdirSync(folder, { recursive: true });
    if (!chosen && insideGitRepository(folder)) {
        folder = fallback;
        mkdirSync(folder, { recursive: true });
    }
    const copied = [];
    for (const name of readdirSync(examples).filter(file => file.endsWith('.adopt')).sort()) {
        const target = join(folder, name);
        if (existsSync(target)) continue;
        copyFileSync(join(examples, name), target);
        copied.push(name);
    }
    return { folder, copied };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const { folder, copied } = prepareExampleWorkspace();
    if (copied.length > 0) console.error(`Copied ${copied.join(', ')} to ${folder}`);
    console.log(folder);
}
