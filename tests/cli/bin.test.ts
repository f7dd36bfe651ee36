/**
 * The bundled executable (`node bin/adopt.cjs`), as a user runs it: real exit codes, stdout and
 * stderr. When a source file is newer than the bundle, a private fresh bundle is run instead.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { rankResultSchema } from '../../src/protocol/rank-protocol.js';
import { EXAMPLE, PLAN_WITH_ERROR, TempFiles, stackLines } from './cli-fixtures.js';

const ROOT = resolve(__dirname, '../..');
const BUNDLE = join(ROOT, 'out/cli.cjs');
const files = new TempFiles();
/** The script to run: bin/adopt.cjs, or a private fresh bundle when out/ is older than src/. */
let script = join(ROOT, 'bin/adopt.cjs');

function newestSourceTime(dir: string): number {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
    }
    return newest;
}

function adopt(...args: string[]) {
    const run = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });
    return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
    if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestSourceTime(join(ROOT, 'src'))) return;
    // out/ is stale (sources edited since `node scripts/build.mjs`): bundle the CLI as
    // scripts/build.mjs does, but into this test's own folder, leaving the shared out/ alone.
    script = join(files.dir, 'cli.cjs');
    await build({
        entryPoints: [join(ROOT, 'src/cli/bin.ts')],
        outfile: script,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'silent',
        alias: { 'jsonc-parser': join(ROOT, 'node_modules/jsonc-parser/lib/esm/main.js') },
        define: { 'import.meta.url': 'importMetaUrl' },
        banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
    });
});
afterAll(() => files.dispose());

describe('node bin/adopt.cjs', () => {
    test('rank --json of the SPEC example: exit 0, streamRounds 88 rank 1 quick win, hashtagContest 0', () => {
        const run = adopt('rank', '--json', 'examples/riverside-health.adopt');
        expect(run.code).toBe(0);
        expect(run.err).toBe('');
        const result = rankResultSchema.parse(JSON.parse(run.out));
        expect(result.projects.map(p => [p.name, p.rank, p.score, p.quickWin])).toEqual([
            ['streamRounds', 1, 88, true],
            ['hashtagContest', 2, 0, false]
        ]);
    });

    test('check: exit 0 without errors, 1 with errors', () => {
        expect(adopt('check', EXAMPLE).code).toBe(0);
        const broken = adopt('check', files.write('broken.adopt', PLAN_WITH_ERROR));
        expect(broken.code).toBe(1);
        expect(broken.out).toMatch(/broken\.adopt:8:30: error unresolved-reference: /);
    });

    test.each([
        ['no arguments', () => [], /Usage: adopt/],
        ['an unknown command', () => ['publish'], /unknown command 'publish'/],
        ['a missing file', () => ['check', 'nowhere.adopt'], /^adopt: nowhere\.adopt: no such file or folder\n$/],
        ['a binary file', () => ['rank', files.write('binary.adopt', Uint8Array.from([0, 1, 2, 3]))], /not a text file/],
        ['a bad --config', () => ['rank', EXAMPLE, '--config', files.write('bad.json', '{"weights":{"reach":-1}}')], /weights\.reach must be at least 0/]
    ])('%s: exit 2, a message on stderr and no stack trace', (_name, args, message) => {
        const run = adopt(...args());
        expect(run.code).toBe(2);
        expect(run.err).toMatch(message);
        expect(stackLines(run.err)).toEqual([]);
    });

    test('report: the HTML report of the SPEC example on standard output, exit 0; Markdown to a file with --out', () => {
        const html = adopt('report', EXAMPLE);
        expect(html.code).toBe(0);
        expect(html.out).toMatch(/^<!DOCTYPE html>[\s\S]*<h1>Social media at Riverside Health<\/h1>[\s\S]*<\/html>\n$/);
        expect(html.err).toBe('');
        const out = join(files.dir, 'riverside.md');
        const markdown = adopt('report', EXAMPLE, '--format', 'md', '--out', out);
        expect(markdown).toMatchObject({ code: 0, out: '', err: '' });
        expect(readFileSync(out, 'utf8')).toMatch(/^# Social media at Riverside Health\n/);
    });

    test('--version and --help: exit 0', () => {
        expect(adopt('--version')).toMatchObject({ code: 0, out: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
        expect(adopt('--help')).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage: adopt/) });
    });

    test('a reader that closes the pipe early (adopt check … | head) gets no stack trace', async () => {
        const projects = Array.from({ length: 300 }, (_, i) => `project p${i} "P${i}" { }`).join('\n');
        const path = files.write('many.adopt', `plan Many "Many" { stage s "S" {\n${projects}\n} }`);
        const child = spawn(process.execPath, [script, 'check', path], { cwd: ROOT });
        child.stdout.destroy();
        let err = '';
        child.stderr.on('data', chunk => (err += String(chunk)));
        const code = await new Promise<number | null>(done => child.on('close', done));
        expect(err).toBe('');
        expect(code).toBe(0);
    });
});

describe('bin/ in a clone that was never built', () => {
    test.each([['adopt.cjs', 'cli.cjs'], ['adopt-language-server.cjs', 'language-server.cjs']])('%s says to run npm run build, in one line and exit 2, with no stack trace', (command, bundle) => {
        // A copy of bin/ beside no out/ folder.
        const bin = join(files.dir, 'unbuilt', 'bin');
        mkdirSync(bin, { recursive: true });
        for (const file of [command, 'load-bundle.cjs']) copyFileSync(join(ROOT, 'bin', file), join(bin, file));
        const run = spawnSync(process.execPath, [join(bin, command), '--help'], { cwd: join(files.dir, 'unbuilt'), encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`adopt: ${join('out', bundle)} is missing: run \`npm run build\` first.\n`);
        expect(stackLines(run.stderr)).toEqual([]);
    });
});
