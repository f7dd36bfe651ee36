// The rows of the bench measured in headless chromium (playwright-core), with the language server's
// Web Worker (out/browser/language-server.js) started from a Blob URL as the web extension starts
// it, and driven over LSP from Node through the page (tests/vscode/worker-client.mjs):
//   - a new worker to the first diagnostics of the example plan: from `new Worker()` until the page
//     receives the worker's publishDiagnostics (the script's load, initialize, didOpen, the config
//     lookups answered by the client, the build), each run a new worker in the same page;
//   - an edit of the generated 1,000-project plan (bench/generate-plan.ts, `traitLevelEdits`, sent
//     as a range change) in the worker, timed by the page from posting the change to receiving
//     the diagnostics of that version, against the same edits in the Node server
//     (out/language-server.cjs --stdio, the same client and initialize), timed from sending the
//     change to reading the diagnostics; the two alternate, edit by edit.
// Run by bench/run-bench.mjs as `node bench/browser-bench.mjs CONFIG_JSON`; prints one JSON line.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { importTypeScript } from '../scripts/typescript-module.mjs';
import { startNodeServer, WorkerPage } from '../tests/vscode/worker-client.mjs';

const { traitLevelEdits } = await importTypeScript("export { traitLevelEdits } from './bench/generate-plan.ts';");
const { median } = await importTypeScript("export { median } from './bench/stats.ts';");

/** Where the documents are said to be (as in bench/lsp-bench.ts): no file is there, so no config file is found. */
const uri = name => `file:///tmp/adopt-bench/${name}`;

/**
 * `runs` timed starts after `warmups` untimed ones, each a new worker in the same page; between
 * them, as a reference measured under the same load, a new Node server started as users start it
 * (bin/adopt-language-server.cjs, with Node's compile cache), timed from its spawn to reading the
 * diagnostics, with the same client.
 */
async function firstDiagnostics(page, config) {
    const text = readFileSync(config.examplePath, 'utf8');
    const exampleUri = uri('riverside-health.adopt');
    const worker = { ms: [], initializeMs: [] };
    const node = { ms: [] };
    for (let run = 0; run < config.warmups + config.runs; run++) {
        const started = await page.start();
        await started.session.initialize({});
        await started.session.open(exampleUri, text);
        const took = await started.firstDiagnosticsAfterStart(exampleUri);
        const initialized = await started.firstMessageAfterStart();
        await page.terminate();
        const spawned = performance.now();
        const server = startNodeServer({ server: config.launcher });
        await server.session.initialize({});
        await server.session.open(exampleUri, text);
        const nodeTook = performance.now() - spawned;
        await server.stop();
        if (run < config.warmups) continue;
        worker.ms.push(took);
        worker.initializeMs.push(initialized);
        node.ms.push(nodeTook);
    }
    return {
        worker: { ...worker, median: median(worker.ms), initializeMedian: median(worker.initializeMs) },
        node: { ...node, median: median(node.ms) }
    };
}

/** The same trait edits in the worker and in the Node server, alternating; the first `warmups` of each untimed. */
async function edits(page, config) {
    const text = readFileSync(`${config.plansDir}/plan-${config.editSize}.adopt`, 'utf8');
    const docUri = uri(`edit-${config.editSize}.adopt`);
    const worker = await page.start();
    const node = startNodeServer();
    try {
        await Promise.all([worker.session.initialize({}), node.session.initialize({})]);
        await Promise.all([worker.session.open(docUri, text), node.session.open(docUri, text)]);
        const inWorker = [];
        const inNode = [];
        let version = 1;
        for (const [index, edit] of traitLevelEdits(text, config.warmups + config.runs).entries()) {
            version++;
            const params = {
                textDocument: { uri: docUri, version },
                contentChanges: [{ range: { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + edit.from.length } }, text: edit.to }]
            };
            const timeWorker = async () => {
                const took = await worker.notifyAndTime('textDocument/didChange', params, docUri, version);
                // The diagnostics also reach Node before the next edit, so that no traffic of this one overlaps it.
                await worker.session.diagnosticsOf(docUri, version);
                return took;
            };
            const timeNode = async () => {
                const from = node.session.published.length;
                const start = performance.now();
                await node.session.connection.sendNotification('textDocument/didChange', params);
                await node.session.diagnosticsOf(docUri, version, from);
                return performance.now() - start;
            };
            let workerMs;
            let nodeMs;
            if (index % 2 === 0) {
                workerMs = await timeWorker();
                nodeMs = await timeNode();
            } else {
                nodeMs = await timeNode();
                workerMs = await timeWorker();
            }
            if (index < config.warmups) continue;
            inWorker.push(workerMs);
            inNode.push(nodeMs);
        }
        const diagnostics = (await node.session.diagnosticsOf(docUri, version)).length;
        return {
            projects: config.editSize,
            diagnostics,
            worker: { ms: inWorker, median: median(inWorker) },
            node: { ms: inNode, median: median(inNode) },
            ratio: median(inWorker) / median(inNode)
        };
    } finally {
        await node.stop();
        await page.terminate();
    }
}

async function main() {
    const config = JSON.parse(process.argv[2] ?? '{}');
    const browser = await chromium.launch({ executablePath: config.chromium, args: ['--no-sandbox'] });
    try {
        const page = await WorkerPage.open(browser);
        const result = { chromium: browser.version(), firstDiagnostics: await firstDiagnostics(page, config), edit: await edits(page, config) };
        await page.close();
        process.stdout.write(JSON.stringify(result) + '\n');
    } finally {
        await browser.close();
    }
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
