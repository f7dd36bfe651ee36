// Checks a packaged extension (.vsix): at most 1 MB, and exactly the files the extension needs
// at run time (the .vscodeignore whitelist), so nothing from the work tree slips in.
// Usage: node tests/vscode/check-package.mjs adopt.vsix
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MAX_BYTES = 1024 * 1024;

/** The files a package must hold (besides VS Code's own manifest files), as vsce names them. */
export const EXPECTED_FILES = [
    'extension/package.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    'extension/language-configuration.json',
    'extension/out/extension.cjs',
    'extension/out/language-server.cjs',
    'extension/out/browser/extension.cjs',
    'extension/out/browser/language-server.js',
    'extension/out/adopt.tmLanguage.json',
    'extension/schemas/adopt.config.schema.json',
    'extension/images/icon.png',
    'extension/images/file-icon.svg',
    'extension/images/screenshot.webp',
    'extension/media/rank-view.js',
    'extension/media/rank-view.css',
    'extension/media/overview.js',
    'extension/media/walkthrough/new-plan.md',
    'extension/media/walkthrough/hurdles.md',
    'extension/media/walkthrough/rank.md',
    'extension/media/walkthrough/workspace.md',
    'extension/media/walkthrough/shared-files.md',
    'extension/media/walkthrough/settings.md',
    'extension/media/walkthrough/living-plan.md',
    'extension/media/walkthrough/overview.md',
    'extension/media/walkthrough/rules.md'
];
const MANIFEST_FILES = ['extension.vsixmanifest', '[Content_Types].xml'];
const OPTIONAL_FILES = ['extension/changelog.md'];

/** Lists a zip's file names with Python's zipfile (no unzip needed). */
export function listZip(file) {
    const script = 'import sys, zipfile\nfor n in zipfile.ZipFile(sys.argv[1]).namelist(): print(n)';
    return execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** Returns the problems found (empty when the package is fine). */
export function checkPackage(file) {
    const problems = [];
    const size = statSync(file).size;
    if (size > MAX_BYTES) problems.push(`${file} is ${(size / 1024).toFixed(0)} KB, more than 1 MB`);
    const names = listZip(file);
    for (const expected of [...EXPECTED_FILES, ...MANIFEST_FILES]) {
        if (!names.includes(expected)) problems.push(`${expected} is missing from ${file}`);
    }
    for (const name of names) {
        if (!EXPECTED_FILES.includes(name) && !MANIFEST_FILES.includes(name) && !OPTIONAL_FILES.includes(name)) problems.push(`${name} should not be in ${file}`);
    }
    return { size, names, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const file = process.argv[2] ?? 'adopt.vsix';
    const { size, names, problems } = checkPackage(file);
    console.log(`${file}: ${(size / 1024).toFixed(1)} KB, ${names.length} files`);
    for (const name of names) console.log(`  ${name}`);
    for (const problem of problems) console.error(`problem: ${problem}`);
    process.exitCode = problems.length > 0 ? 1 : 0;
}
