/**
 * The workspace benchmark: plans in many files at scale (bench/generate-workspace.ts: 100 plans
 * of 100 projects that all use two shared files), each measure next to the same work in one file.
 *
 * - `adopt check FOLDER` against `adopt check` of the same 10,000 projects in one file with the
 *   shared declarations written in: each run a new process, the two alternated.
 * - Opening the workspace: a new server (out/language-server.cjs) initialized with the folder as
 *   its workspace folder, from the initialize request until every file's diagnostics are published.
 * - An edit in one plan (an asynchrony level, a range edit) until that plan's diagnostics are
 *   published, in that server, against the same edit in a server that has the same plan alone
 *   (its projects, the shared declarations written into it); the two alternated, 20 edits (or
 *   `runs`, if more) after 10 untimed.
 * - An edit to a shared file (a member's unit) until every plan's diagnostics are published again.
 *
 * Run by bench/run-bench.mjs as `node .bench/out/workspace-bench.cjs CONFIG_JSON`; writes the
 * workload under the config's folder and prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { memberUnitEdits, traitLevelEdits, type TextEditAt } from './generate-plan.js';
import { SHARED_PATHS, generateWorkspace, planAlone, planPath, workspaceFiles, workspaceInOneFile } from './generate-workspace.js';
import { LspClient } from './lsp-client.js';
import { median } from './stats.js';

export interface WorkspaceBenchConfig {
    /** A folder for the workload: workspace/ (the plans and shared files), one-file.adopt, plan-alone.adopt. */
    dir: string;
    /** The built server (out/language-server.cjs) and the CLI users start (bin/adopt.cjs). */
    adoptServer: string;
    cli: string;
    runs: number;
    warmups: number;
    /** Which plan is edited (0-based); the middle one by default. */
    plan?: number;
    /** Node.js flags for the server and the CLI (none by default: measure what users run). */
    nodeFlags?: string[];
}

export interface Timing {
    ms: number[];
    median: number;
}

export interface WorkspaceBenchResult {
    plans: number;
    projects: number;
    /** The files of the workspace: the plans and the shared files. */
    files: number;
    check: { folder: Timing; oneFile: Timing; ratio: number };
    /** A new server each run, the folder as its workspace folder: initialize to every file's diagnostics. */
    open: Timing & { diagnostics: number };
    /** An edit in one plan in the workspace against the same edit in the plan alone. */
    planEdit: { workspace: Timing; alone: Timing; ratio: number; path: string; warmups: number; otherFilesPublished: number };
    /** An edit to a shared file until every plan's diagnostics are published again. */
    sharedEdit: Timing & { path: string; filesPublished: number };
}

/**
 * Edits in one plan take some milliseconds, and the first ones in a server are slower until its
 * code is compiled: more of them than `runs`, after more warm-ups, in both servers alike.
 */
const PLAN_EDITS = 20;
const PLAN_EDIT_WARMUPS = 10;

function timing(ms: number[]): Timing {
    return { ms, median: median(ms) };
}

/** Wall-clock milliseconds of `node ARGS` from spawn to exit, output discarded; exit codes 0 and 1 (diagnostics with errors) count. */
function timeProcess(nodeArgs: readonly string[], label: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, [...nodeArgs], { stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', reject);
        child.on('exit', code => (code === 0 || code === 1 ? resolve(performance.now() - start) : reject(new Error(`${label} exited with ${code}`))));
    });
}

function lineRange(edit: TextEditAt, length = edit.from.length) {
    return { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + length } };
}

const fileUri = (path: string) => pathToFileURL(path).href;

interface Workload {
    folder: string;
    /** Every file of the workspace, by path relative to the folder: text. */
    files: Map<string, string>;
    oneFile: string;
    alone: { path: string; text: string };
    planPath: string;
    plans: number;
    projects: number;
}

function writeWorkload(config: WorkspaceBenchConfig): Workload {
    const workspace = generateWorkspace();
    const plan = config.plan ?? Math.floor(workspace.plans.length / 2);
    const folder = join(config.dir, 'workspace');
    rmSync(folder, { recursive: true, force: true });
    const files = new Map<string, string>();
    for (const file of workspaceFiles(workspace)) {
        const path = join(folder, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
        files.set(file.path, file.text);
    }
    const oneFile = join(config.dir, 'one-file.adopt');
    writeFileSync(oneFile, workspaceInOneFile(workspace));
    const alone = { path: join(config.dir, 'plan-alone.adopt'), text: planAlone(workspace, plan) };
    writeFileSync(alone.path, alone.text);
    const projects = workspace.plans.reduce((n, p) => n + p.stages.reduce((m, stage) => m + stage.projects.length, 0), 0);
    return { folder, files, oneFile, alone, planPath: planPath(plan), plans: workspace.plans.length, projects };
}

/** `adopt check FOLDER` and `adopt check ONE-FILE`, alternated, each run a new process. */
async function benchCheck(config: WorkspaceBenchConfig, work: Workload): Promise<WorkspaceBenchResult['check']> {
    const folder: number[] = [];
    const oneFile: number[] = [];
    const flags = config.nodeFlags ?? [];
    for (let run = 0; run < config.warmups + config.runs; run++) {
        const a = await timeProcess([...flags, config.cli, 'check', work.folder], 'adopt check FOLDER');
        const b = await timeProcess([...flags, config.cli, 'check', work.oneFile], 'adopt check ONE-FILE');
        if (run >= config.warmups) {
            folder.push(a);
            oneFile.push(b);
        }
    }
    const result = { folder: timing(folder), oneFile: timing(oneFile) };
    return { ...result, ratio: result.folder.median / result.oneFile.median };
}

/** A new server with the workspace folder; resolves once every file's diagnostics were published, with the time from initialize. */
async function openWorkspace(config: WorkspaceBenchConfig, work: Workload): Promise<{ client: LspClient; ms: number; diagnostics: number }> {
    const uris = [...work.files.keys()].map(path => fileUri(join(work.folder, path)));
    const start = performance.now();
    const client = await LspClient.start(process.execPath, [...(config.nodeFlags ?? []), config.adoptServer, '--stdio'], undefined, work.folder);
    try {
        await client.publishedSince(uris, new Map());
        const ms = performance.now() - start;
        return { client, ms, diagnostics: uris.reduce((n, uri) => n + client.lastDiagnostics(uri).length, 0) };
    } catch (error) {
        await client.stop();
        throw error;
    }
}

/**
 * Opens `uri` with `text` (the text on disk) in the client and waits until the files in `then`
 * are published again (opening a file the server read from disk builds it anew, and the files that use it).
 */
async function openInClient(client: LspClient, uri: string, text: string, then: readonly string[]): Promise<void> {
    const since = client.publicationCounts();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'adopt', version: 1, text } });
    await client.publishedSince([uri, ...then], since);
}

/** Files other than `uri` published since `since`, summed over files. */
function othersPublished(client: LspClient, since: ReadonlyMap<string, number>, uri: string): number {
    let others = 0;
    for (const [other, count] of client.publicationCounts()) if (other !== uri) others += count - (since.get(other) ?? 0);
    return others;
}

async function benchServer(config: WorkspaceBenchConfig, work: Workload): Promise<Omit<WorkspaceBenchResult, 'check' | 'plans' | 'projects' | 'files'>> {
    const allUris = [...work.files.keys()].map(path => fileUri(join(work.folder, path)));
    const openMs: number[] = [];
    let diagnostics = 0;
    let workspace: LspClient | undefined;
    let alone: LspClient | undefined;
    try {
        // Opening the workspace: a new server each run; the last one stays for the edits.
        for (let run = 0; run < config.runs; run++) {
            const opened = await openWorkspace(config, work);
            openMs.push(opened.ms);
            diagnostics = opened.diagnostics;
            if (run < config.runs - 1) await opened.client.stop();
            else workspace = opened.client;
        }
        if (!workspace) throw new Error('runs must be at least 1');

        // An edit in one plan: the plan in the workspace, and the same plan alone in a server of its own, alternated.
        const planText = work.files.get(work.planPath)!;
        const planUri = fileUri(join(work.folder, work.planPath));
        await openInClient(workspace, planUri, planText, []);
        alone = await LspClient.start(process.execPath, [...(config.nodeFlags ?? []), config.adoptServer, '--stdio']);
        const aloneUri = fileUri(work.alone.path);
        await alone.openAndTime(aloneUri, 'adopt', work.alone.text);
        const planWarmups = Math.max(config.warmups, PLAN_EDIT_WARMUPS);
        const planEdits = planWarmups + Math.max(config.runs, PLAN_EDITS);
        const inWorkspace = traitLevelEdits(planText, planEdits);
        const inAlone = traitLevelEdits(work.alone.text, planEdits);
        const workspaceMs: number[] = [];
        const aloneMs: number[] = [];
        let otherFilesPublished = 0;
        for (let i = 0; i < planEdits; i++) {
            const since = workspace.publicationCounts();
            const a = await workspace.changeAndTime(planUri, i + 2, lineRange(inWorkspace[i]), inWorkspace[i].to);
            otherFilesPublished += othersPublished(workspace, since, planUri);
            const b = await alone.changeAndTime(aloneUri, i + 2, lineRange(inAlone[i]), inAlone[i].to);
            if (i >= planWarmups) {
                workspaceMs.push(a);
                aloneMs.push(b);
            }
        }
        const planEdit = { workspace: timing(workspaceMs), alone: timing(aloneMs) };

        // An edit to a shared file: until the file and every plan are published again.
        const sharedPath = SHARED_PATHS[0];
        const sharedText = work.files.get(sharedPath)!;
        const sharedUri = fileUri(join(work.folder, sharedPath));
        const plans = allUris.filter(uri => !SHARED_PATHS.some(path => uri === fileUri(join(work.folder, path))));
        await openInClient(workspace, sharedUri, sharedText, plans);
        const sharedMs: number[] = [];
        let filesPublished = 0;
        for (const [i, edit] of memberUnitEdits(sharedText, config.warmups + config.runs).entries()) {
            const since = workspace.publicationCounts();
            const start = performance.now();
            await workspace.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: sharedUri, version: i + 2 }, contentChanges: [{ range: lineRange(edit), text: edit.to }]
            });
            await workspace.publishedSince([sharedUri, ...plans], since);
            if (i >= config.warmups) sharedMs.push(performance.now() - start);
            filesPublished = [...workspace.publicationCounts()].filter(([uri, n]) => n > (since.get(uri) ?? 0)).length;
        }
        return {
            open: { ...timing(openMs), diagnostics },
            planEdit: { ...planEdit, ratio: planEdit.workspace.median / planEdit.alone.median, path: work.planPath, warmups: planWarmups, otherFilesPublished },
            sharedEdit: { ...timing(sharedMs), path: sharedPath, filesPublished }
        };
    } finally {
        await workspace?.stop();
        await alone?.stop();
    }
}

async function main(): Promise<void> {
    const config = JSON.parse(process.argv[2] ?? '{}') as WorkspaceBenchConfig;
    const work = writeWorkload(config);
    const check = await benchCheck(config, work);
    const server = await benchServer(config, work);
    const result: WorkspaceBenchResult = { plans: work.plans, projects: work.projects, files: work.files.size, check, ...server };
    process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
