/**
 * LSP benchmarks over stdio, against the built Adopt server (out/language-server.cjs) and the
 * yaml-language-server package on the same plan written as YAML with a JSON Schema:
 * didOpen to the first diagnostics, edit to diagnostics, and the `adopt/rankQuickWins` request;
 * and what a user feels first: a new server (started as users start it, bin/adopt-language-server.cjs)
 * to the first diagnostics of the example plan, and the first open of a large plan in a new server.
 * Run by bench/run-bench.mjs as `node .bench/out/lsp-bench.cjs CONFIG_JSON`; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { initiativeCommentEdits, memberUnitEdits, newLineEdits, traitLevelEdits, type TextEditAt } from './generate-plan.js';
import { LspClient } from './lsp-client.js';
import { median } from './stats.js';
import { cpuTimeOf, residentBytesOf } from './process-cpu.js';

export interface LspBenchConfig {
    /** Folder with plan-N.adopt, plan-N.yaml and plan.schema.json (see run-bench.mjs). */
    plansDir: string;
    adoptServer: string;
    /** The launcher users start (bin/adopt-language-server.cjs), for the rows of a new server. */
    adoptLauncher: string;
    /** The example plan (examples/riverside-health.adopt). */
    examplePath: string;
    yamlServer: string;
    runs: number;
    openSize: number;
    editSizes: number[];
    rankSize: number;
    /** Node.js flags for the Adopt server (none by default: measure what users run). */
    nodeFlags?: string[];
    /** Measure the Adopt server only. */
    skipYaml?: boolean;
}

export interface LspBenchResult {
    /** A new server process each run: from its start to the first diagnostics of the example plan. */
    firstDiagnostics: { ms: number[]; median: number };
    /** A new server process each run: didOpen of the large plan to its first diagnostics. */
    firstOpen: { ms: number[]; median: number; projects: number };
    adoptOpen: { ms: number[]; median: number; diagnostics: number };
    /** Each edit's wall-clock milliseconds, and the median of the server's CPU milliseconds over them (Linux; NaN elsewhere). */
    edits: Array<{ projects: number; ms: number[]; median: number; cpuMedian: number }>;
    /** Edits outside every project (a member's unit): that member is parsed again, alone. */
    outsideEdits?: { projects: number; ms: number[]; median: number };
    /** Edits outside every declaration (a comment after an initiative): the whole plan is parsed again. */
    topLevelEdits?: { projects: number; ms: number[]; median: number };
    /** Edits that add a line inside a project (Enter): the project parsed again, every diagnostic after it moved. */
    lineEdits?: { projects: number; ms: number[]; median: number; cpuMedian: number };
    /** Repeated requests on one built version (the server keeps the answer per version). */
    rank: { ms: number[]; median: number; projects: number };
    /** The first request after each edit: the answer is built anew for the new version. */
    rankAfterEdit?: { ms: number[]; median: number; projects: number };
    /** The same request with `diagnostics: false` (what the status bar asks). */
    rankProjects?: { ms: number[]; median: number; projects: number };
    /**
     * The resident memory (Linux; bytes) of a new server process, as users start it: once started,
     * with the plan of `projects` open, and after `edits` trait-level edits of it (garbage not yet
     * collected included).
     */
    memory?: { projects: number; edits: number; started: number; opened: number; afterEdits: number };
    yamlOpen: { ms: number[]; median: number; diagnostics: number; schemaCheck: boolean };
}

const plan = (config: LspBenchConfig, projects: number, ext: 'adopt' | 'yaml') =>
    readFileSync(join(config.plansDir, `plan-${projects}.${ext}`), 'utf8');
const uri = (name: string) => pathToFileURL(resolve('/tmp/adopt-bench', name)).href;

/**
 * What a user feels first, each run a new server process started as users start it: from the
 * start to the first diagnostics of the example plan, and the first open of the large plan. One
 * start before the runs, untimed, fills Node's compile cache as any earlier use would have.
 */
async function benchFirstUse(config: LspBenchConfig): Promise<Pick<LspBenchResult, 'firstDiagnostics' | 'firstOpen'>> {
    const example = readFileSync(config.examplePath, 'utf8');
    const large = plan(config, config.openSize, 'adopt');
    const exampleUri = uri('riverside-health.adopt');
    const start = () => LspClient.start(process.execPath, [...(config.nodeFlags ?? []), config.adoptLauncher, '--stdio']);
    const firstDiagnostics: number[] = [];
    const firstOpen: number[] = [];
    for (let run = 0; run <= config.runs; run++) {
        const started = performance.now();
        const client = await start();
        try {
            await client.openAndTime(exampleUri, 'adopt', example);
            if (run > 0) firstDiagnostics.push(performance.now() - started);
        } finally {
            await client.stop();
        }
    }
    for (let run = 0; run < config.runs; run++) {
        const client = await start();
        try {
            firstOpen.push((await client.openAndTime(uri(`first-open-${config.openSize}.adopt`), 'adopt', large)).ms);
        } finally {
            await client.stop();
        }
    }
    return {
        firstDiagnostics: { ms: firstDiagnostics, median: median(firstDiagnostics) },
        firstOpen: { ms: firstOpen, median: median(firstOpen), projects: config.openSize }
    };
}

/** The resident memory of a new server: started, the large plan opened, then edited as in the edit rows. */
async function benchMemory(config: LspBenchConfig): Promise<LspBenchResult['memory']> {
    const client = await LspClient.start(process.execPath, [...(config.nodeFlags ?? []), config.adoptLauncher, '--stdio']);
    try {
        const text = plan(config, config.openSize, 'adopt');
        const docUri = uri(`memory-${config.openSize}.adopt`);
        // The server has answered a first request: it is up.
        await client.openAndTime(uri('memory-empty.adopt'), 'adopt', '');
        const started = residentBytesOf(client.child.pid);
        await client.openAndTime(docUri, 'adopt', text);
        const opened = residentBytesOf(client.child.pid);
        const edits = traitLevelEdits(text, config.runs + 1);
        let version = 1;
        for (const edit of edits) await client.changeAndTime(docUri, ++version, lineRange(edit.line, edit.character, edit.from.length), edit.to);
        const afterEdits = residentBytesOf(client.child.pid);
        if (started === undefined || opened === undefined || afterEdits === undefined) return undefined;
        return { projects: config.openSize, edits: edits.length, started, opened, afterEdits };
    } finally {
        await client.stop();
    }
}

async function benchAdopt(config: LspBenchConfig): Promise<Omit<LspBenchResult, 'yamlOpen' | 'firstDiagnostics' | 'firstOpen'>> {
    const client = await LspClient.start(process.execPath, [...(config.nodeFlags ?? []), config.adoptServer, '--stdio']);
    try {
        // Warm-up: one open and a few edits of a small plan, so the server's code is compiled.
        const warm = plan(config, 2000, 'adopt');
        const warmUri = uri('warm.adopt');
        await client.openAndTime(warmUri, 'adopt', warm);
        let version = 1;
        for (const edit of traitLevelEdits(warm, 3)) {
            await client.changeAndTime(warmUri, ++version, lineRange(edit.line, edit.character, edit.from.length), edit.to);
        }
        await client.close(warmUri);

        // 2. didOpen to first diagnostics, on a fresh URI each run.
        const openText = plan(config, config.openSize, 'adopt');
        const openMs: number[] = [];
        let openDiagnostics = 0;
        for (let run = 0; run < config.runs; run++) {
            const docUri = uri(`open-${config.openSize}-${run}.adopt`);
            const { ms, diagnostics } = await client.openAndTime(docUri, 'adopt', openText);
            openMs.push(ms);
            openDiagnostics = diagnostics;
            await dropAdoptDocument(client, docUri);
        }

        // 3. Edit latency: change one project's asynchrony level, wait for the diagnostics.
        const edits: LspBenchResult['edits'] = [];
        let outsideEdits: LspBenchResult['outsideEdits'];
        let topLevelEdits: LspBenchResult['topLevelEdits'];
        let lineEdits: LspBenchResult['lineEdits'];
        let rank: LspBenchResult['rank'] = { ms: [], median: NaN, projects: 0 };
        let rankProjects: LspBenchResult['rank'] = { ms: [], median: NaN, projects: 0 };
        let rankAfterEdit: LspBenchResult['rankAfterEdit'];
        for (const size of config.editSizes) {
            const text = plan(config, size, 'adopt');
            const docUri = uri(`edit-${size}.adopt`);
            await client.openAndTime(docUri, 'adopt', text);
            let docVersion = 1;
            // The server's CPU time over each timed edit (Linux), beside the wall-clock time.
            let cpu: number[] = [];
            const timeEdits = async (all: TextEditAt[]): Promise<number[]> => {
                const times: number[] = [];
                cpu = [];
                for (const [index, edit] of all.entries()) {
                    const cpuBefore = cpuTimeOf(client.child.pid);
                    const took = await client.changeAndTime(docUri, ++docVersion, lineRange(edit.line, edit.character, edit.from.length), edit.to);
                    const cpuAfter = cpuTimeOf(client.child.pid);
                    if (index === 0) continue; // the first edit of a document is a warm-up
                    times.push(took);
                    if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push(cpuAfter - cpuBefore);
                }
                return times;
            };
            const levelEdits = traitLevelEdits(text, config.runs + 1);
            const ms = await timeEdits(levelEdits);
            edits.push({ projects: size, ms, median: median(ms), cpuMedian: median(cpu) });
            if (size === config.rankSize) {
                const outside = await timeEdits(memberUnitEdits(text, config.runs + 1));
                outsideEdits = { projects: size, ms: outside, median: median(outside) };
                const topLevel = await timeEdits(initiativeCommentEdits(text, config.runs + 1));
                topLevelEdits = { projects: size, ms: topLevel, median: median(topLevel) };
            }
            // 4. adopt/rankQuickWins on the built document.
            if (size === config.rankSize) {
                rank = await benchRank(client, docUri, config.runs);
                rankProjects = await benchRank(client, docUri, config.runs, false);
                // The same edits undone one by one; after each one's diagnostics, one request.
                const afterEdit: number[] = [];
                let projects = 0;
                for (const [index, edit] of levelEdits.entries()) {
                    await client.changeAndTime(docUri, ++docVersion, lineRange(edit.line, edit.character, edit.to.length), edit.from);
                    const { ms: took, result } = await client.request<{ projects: unknown[] }>('adopt/rankQuickWins', { uri: docUri });
                    projects = result.projects.length;
                    if (index > 0) afterEdit.push(took);
                }
                rankAfterEdit = { ms: afterEdit, median: median(afterEdit), projects };
                // Last: lines added move the lines the edits above were made at.
                const lines = await timeEdits(newLineEdits(text, config.runs + 1));
                lineEdits = { projects: size, ms: lines, median: median(lines), cpuMedian: median(cpu) };
            }
            await dropAdoptDocument(client, docUri);
        }
        if (rank.projects === 0) {
            const docUri = uri(`rank-${config.rankSize}.adopt`);
            await client.openAndTime(docUri, 'adopt', plan(config, config.rankSize, 'adopt'));
            rank = await benchRank(client, docUri, config.runs);
            rankProjects = await benchRank(client, docUri, config.runs, false);
            await dropAdoptDocument(client, docUri);
        }
        return { adoptOpen: { ms: openMs, median: median(openMs), diagnostics: openDiagnostics }, edits, outsideEdits, topLevelEdits, lineEdits, rank, rankAfterEdit, rankProjects };
    } finally {
        await client.stop();
    }
}

async function benchRank(client: LspClient, docUri: string, runs: number, diagnostics = true): Promise<LspBenchResult['rank']> {
    const ms: number[] = [];
    let projects = 0;
    const params = diagnostics ? { uri: docUri } : { uri: docUri, diagnostics: false };
    for (let i = 0; i <= runs; i++) {
        const { ms: took, result } = await client.request<{ projects: unknown[] }>('adopt/rankQuickWins', params);
        projects = result.projects.length;
        if (i > 0) ms.push(took); // the first request is a warm-up
    }
    return { ms, median: median(ms), projects };
}

/** Closes a document and tells the server the file is gone, so its syntax tree is freed. */
async function dropAdoptDocument(client: LspClient, docUri: string): Promise<void> {
    await client.close(docUri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: docUri, type: 3 }] });
}

async function benchYaml(config: LspBenchConfig): Promise<LspBenchResult['yamlOpen']> {
    const client = await LspClient.start(process.execPath, [config.yamlServer, '--stdio']);
    try {
        // No schema store (no network here) and validation on; the schema comes from the modeline.
        await client.connection.sendNotification('workspace/didChangeConfiguration', {
            settings: { yaml: { validate: true, schemaStore: { enable: false }, format: { enable: false } } }
        });
        // The schema is really applied: a plan with a wrong role gets a diagnostic.
        const small = plan(config, 2000, 'yaml');
        const bad = small.replace(/role: staff/, 'role: boss');
        const check = await client.openAndTime(uri('schema-check.yaml'), 'yaml', bad);
        await client.close(uri('schema-check.yaml'));
        const warm = await client.openAndTime(uri('warm.yaml'), 'yaml', small);
        await client.close(uri('warm.yaml'));
        const text = plan(config, config.openSize, 'yaml');
        const ms: number[] = [];
        let diagnostics = 0;
        for (let run = 0; run < config.runs; run++) {
            const docUri = uri(`open-${config.openSize}-${run}.yaml`);
            const result = await client.openAndTime(docUri, 'yaml', text);
            ms.push(result.ms);
            diagnostics = result.diagnostics;
            await client.close(docUri);
        }
        return { ms, median: median(ms), diagnostics, schemaCheck: check.diagnostics > 0 && warm.diagnostics === 0 };
    } finally {
        await client.stop();
    }
}

function lineRange(line: number, character: number, length: number) {
    return { start: { line, character }, end: { line, character: character + length } };
}

async function main(): Promise<void> {
    const config = JSON.parse(process.argv[2] ?? '{}') as LspBenchConfig;
    const firstUse = await benchFirstUse(config);
    const adopt = await benchAdopt(config);
    const memory = await benchMemory(config);
    const yamlOpen = config.skipYaml ? { ms: [], median: NaN, diagnostics: 0, schemaCheck: false } : await benchYaml(config);
    const result: LspBenchResult = { ...firstUse, ...adopt, memory, yamlOpen };
    process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
