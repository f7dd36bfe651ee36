// The rows of the workspace benchmark (bench/workspace-bench.ts) in run-bench.mjs's table, with
// their targets (BENCHMARKS.md, "Targets"): `adopt check` of the folder at most 1.5x the same
// projects in one file; an edit in one plan at most 2x the same edit in that plan alone; an edit
// to a shared file faster than opening the workspace.

export const WORKSPACE_TARGETS = {
    checkFolderToOneFile: 1.5,
    planEditToAlone: 2
};

/** Rows [measure, projects, median, target, result] from the workspace benchmark's result; `ms` and `verdict` as the table writes them. */
export function workspaceRows(result, { ms, verdict }) {
    const all = result.projects.toLocaleString('en');
    const perPlan = Math.round(result.projects / result.plans).toLocaleString('en');
    const workspace = `${result.plans} plans that use 2 shared files`;
    const ratio = value => `${value.toFixed(2)}x`;
    const { check, open, planEdit, sharedEdit } = result;
    return [
        [`CLI \`adopt check\` of a folder: ${workspace} (a new process)`, all, ms(check.folder.median), '', ''],
        ['CLI `adopt check` of the same projects in one file, the shared declarations written in (a new process)', all, ms(check.oneFile.median), '', ''],
        ['`adopt check`: the folder / the one file', all, ratio(check.ratio), `<= ${WORKSPACE_TARGETS.checkFolderToOneFile}x`,
            verdict(check.ratio, WORKSPACE_TARGETS.checkFolderToOneFile)],
        [`LSP opening the workspace: a new server, the folder as its workspace folder, initialize to the diagnostics of all ${result.files} files (${open.diagnostics} diagnostics)`,
            all, ms(open.median), '', ''],
        [`LSP edit (trait level) in one plan of the workspace (${planEdit.path}) to its diagnostics (median of ${planEdit.workspace.ms.length} edits after ${planEdit.warmups} untimed)`,
            perPlan, ms(planEdit.workspace.median), '', ''],
        ['LSP the same edit in that plan alone, the shared declarations written in, to its diagnostics', perPlan, ms(planEdit.alone.median), '', ''],
        ['LSP edit in one plan: in the workspace / alone', perPlan, ratio(planEdit.ratio), `<= ${WORKSPACE_TARGETS.planEditToAlone}x`,
            verdict(planEdit.ratio, WORKSPACE_TARGETS.planEditToAlone)],
        [`LSP edit to a shared file (a member's unit in ${sharedEdit.path}) until the diagnostics of all ${result.plans} plans are published again`, all,
            ms(sharedEdit.median), `< opening (${ms(open.median)})`, Number.isFinite(sharedEdit.median) && sharedEdit.median < open.median ? 'PASS' : 'MISS']
    ];
}
