// The rows of the browser build in run-bench.mjs's table, with their targets (BENCHMARKS.md,
// "Targets"): a new Web Worker gives the example plan's first diagnostics within 300 ms; an edit
// of the 1,000-project plan takes the worker at most twice what it takes the Node server; the
// browser bundles weigh at most 1.5 MB together. Timings come from bench/browser-bench.mjs, sizes
// from bench/browser-size.mjs.
import { MAX_BROWSER_BYTES } from './browser-size.mjs';

export const BROWSER_TARGETS = {
    firstDiagnosticsMs: 300,
    editWorkerToNode: 2,
    bundleBytes: MAX_BROWSER_BYTES
};

/**
 * Rows [measure, projects, median, target, result] from `{ timing, size }` (timing undefined
 * when chromium did not run; `skipped` says why); `ms` and `verdict` as the table writes them.
 */
export function browserRows({ timing, skipped, size }, { ms, verdict }) {
    const rows = [];
    if (timing) {
        const { firstDiagnostics, edit } = timing;
        const projects = edit.projects.toLocaleString('en');
        const { worker, node } = firstDiagnostics;
        rows.push([`Web Worker in headless chromium ${timing.chromium}: a new worker (out/browser/language-server.js, from a Blob URL) to the first diagnostics of the example plan, as the page receives them (initialize answered at ${ms(worker.initializeMedian)}; didOpen and the client's answers to its file requests included)`,
            '', ms(worker.median), `<= ${BROWSER_TARGETS.firstDiagnosticsMs} ms`, verdict(worker.median, BROWSER_TARGETS.firstDiagnosticsMs)]);
        rows.push(['the same in a new Node server (bin/adopt-language-server.cjs, compile cache on), the same client, alternating with the worker: its spawn to the diagnostics read',
            '', ms(node.median), '', '']);
        rows.push([`Web Worker: LSP edit (trait level) to diagnostics (${edit.diagnostics.toLocaleString('en')} diagnostics), timed in the page from posting the change to receiving them`,
            projects, ms(edit.worker.median), '', '']);
        rows.push(['the same edits in the Node server (out/language-server.cjs --stdio), the same client, alternating with the worker', projects, ms(edit.node.median), '', '']);
        rows.push(['LSP edit: Web Worker / Node server', projects, `${edit.ratio.toFixed(2)}x`, `<= ${BROWSER_TARGETS.editWorkerToNode}x`,
            verdict(edit.ratio, BROWSER_TARGETS.editWorkerToNode)]);
    } else {
        rows.push([`Web Worker rows not measured: ${skipped}`, '', 'n/a', '', '']);
    }
    const parts = size.files.map(file => `${file.file} ${file.bytes === undefined ? 'not built' : `${(file.bytes / 1024).toFixed(1)} KB`}`).join(', ');
    const total = size.total === undefined ? 'n/a' : `${(size.total / 2 ** 20).toFixed(2)} MB`;
    rows.push([`the browser bundles' total size on disk, 1 MB = 1,048,576 bytes (${parts})`, '', total, '<= 1.5 MB', size.total === undefined ? 'n/a' : verdict(size.total, BROWSER_TARGETS.bundleBytes)]);
    return rows;
}
