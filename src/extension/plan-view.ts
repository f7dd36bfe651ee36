/**
 * What the two webview panels of a plan (the Plan Overview and Quick wins) share: they refresh
 * (debounced) when the plan is edited, a config file comes, goes or changes, or a setting of
 * Adopt changes; they follow the active editor to another plan; they take the messages of their
 * page; and they stop all of that when closed.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../language/config/adopt-config-schema.js';
import { debounce } from './debounce.js';
import { LANGUAGE_ID } from './adopt-language.js';

const REFRESH_DELAY_MS = 300;

export abstract class PlanView<Message, Plan extends vscode.TextDocument | undefined> implements vscode.Disposable {
    protected readonly disposables: vscode.Disposable[] = [];
    protected readonly refreshSoon = debounce(() => void this.refresh().catch(() => undefined), REFRESH_DELAY_MS);

    protected constructor(protected readonly panel: vscode.WebviewPanel, protected document: Plan) {
        const configFiles = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
        this.disposables.push(
            configFiles,
            configFiles.onDidCreate(() => this.refreshSoon()),
            configFiles.onDidDelete(() => this.refreshSoon()),
            configFiles.onDidChange(() => this.refreshSoon()),
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage((message: Message) => void this.onMessage(message)),
            vscode.window.onDidChangeActiveTextEditor(editor => this.follow(editor)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (this.followsEdit(event.document)) this.refreshSoon();
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('adopt')) this.refreshSoon();
            })
        );
    }

    dispose(): void {
        this.closed();
        this.refreshSoon.cancel();
        this.panel.dispose();
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }

    /** Asks for the view's data and shows it. */
    protected abstract refresh(): Promise<unknown>;
    protected abstract onMessage(message: Message): Promise<void>;
    /** The view was closed (it is no longer the one open). */
    protected abstract closed(): void;
    /** Another plan became the plan shown (the active editor's). */
    protected abstract followed(): void;

    /** Whether an edit of this document changes what the view shows. */
    protected followsEdit(document: vscode.TextDocument): boolean {
        return document === this.document;
    }

    /** Another plan in the active editor becomes the plan shown. */
    private follow(editor: vscode.TextEditor | undefined): void {
        const document = editor?.document;
        if (!document || document.languageId !== LANGUAGE_ID || document === this.document) return;
        this.document = document as Plan;
        this.followed();
    }
}
