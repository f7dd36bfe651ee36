/**
 * The status bar item for `.adopt` files: "$(star) N quick wins"; a click ranks the plan.
 * It follows the active editor and edits of its plan (debounced), asking the server for the
 * ranking without diagnostics (a third of the data on a plan of 10,000 projects).
 */
import * as vscode from 'vscode';
import { RANK_QUICK_WINS_COMMAND } from '../protocol/rank-protocol.js';
import { debounce } from './debounce.js';
import { LANGUAGE_ID } from './adopt-language.js';
import { quickWinCount, type ProjectsSource } from './rank-client.js';

const REFRESH_DELAY_MS = 300;

export function quickWinsLabel(count: number): string {
    return `$(star) ${count} quick ${count === 1 ? 'win' : 'wins'}`;
}

export class QuickWinsStatus implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('adopt.quickWins', vscode.StatusBarAlignment.Right, 100);
    private readonly disposables: vscode.Disposable[] = [this.item];
    private readonly refreshSoon = debounce(() => void this.refresh(), REFRESH_DELAY_MS);
    /** Counts answers so that a slow, older answer never overwrites a newer one. */
    private generation = 0;

    constructor(private readonly rank: ProjectsSource) {
        this.item.name = 'Adopt quick wins';
        this.item.command = RANK_QUICK_WINS_COMMAND;
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('adopt')) this.refreshSoon();
            })
        );
        void this.refresh();
    }

    /** The text shown now (empty while hidden), for tests. */
    get text(): string {
        return this.item.text;
    }

    async refresh(): Promise<void> {
        const document = vscode.window.activeTextEditor?.document;
        const generation = ++this.generation;
        if (document?.languageId !== LANGUAGE_ID) {
            this.item.hide();
            return;
        }
        try {
            const result = await this.rank(document);
            if (generation !== this.generation) return;
            const count = quickWinCount(result);
            this.item.text = quickWinsLabel(count);
            this.item.tooltip = `Adopt: ${count} of ${result.projects.length} projects in ${result.plan || 'this plan'} ${count === 1 ? 'is a quick win' : 'are quick wins'}. Click to rank them.`;
            this.item.show();
        } catch {
            if (generation === this.generation) this.item.hide();
        }
    }

    dispose(): void {
        this.refreshSoon.cancel();
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }
}
