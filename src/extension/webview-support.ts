/**
 * What the extension's webviews share: revealing a line of a plan in its editor, and a page's
 * shell: its content security policy with its nonce, its styles and its script.
 */
import * as vscode from 'vscode';

/** Shows the document with the cursor at the start of the line's text (lines from 1), in the editor already showing it if any. */
export async function revealLine(document: vscode.TextDocument, line: number): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find(editor => editor.document === document);
    const target = Math.min(line - 1, document.lineCount - 1);
    const start = document.lineAt(target).firstNonWhitespaceCharacterIndex;
    const range = new vscode.Range(target, start, target, start);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A fresh random nonce for a page's scripts and styles. */
export function nonce(): string {
    const bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    return btoa(String.fromCharCode(...bytes));
}

/**
 * A webview page's content security policy: nothing by default; scripts and styles only with the
 * page's nonce (and, with `extensionStyles`, the extension's own stylesheets); images and fonts
 * only from the extension; no remote content.
 */
export function webviewCsp(webview: vscode.Webview, nonce: string, options: { extensionStyles?: boolean } = {}): string {
    return [
        "default-src 'none'",
        `style-src ${options.extensionStyles ? `${webview.cspSource} ` : ''}'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        `img-src ${webview.cspSource}`,
        `font-src ${webview.cspSource}`
    ].join('; ');
}

/** A page of the extension: its title, inline styles, stylesheets and script (files of media/), and its body. */
export interface WebviewPage {
    readonly title: string;
    readonly css: string;
    readonly stylesheets?: readonly string[];
    readonly script: string;
    readonly body: string;
}

/** The HTML of a page under the strict content security policy, its script and stylesheets from the extension's media/ folder. */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string, page: WebviewPage): string {
    const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
    const stylesheets = page.stylesheets ?? [];
    const csp = webviewCsp(webview, nonce, { extensionStyles: stylesheets.length > 0 });
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${page.css}</style>
${stylesheets.map(file => `<link rel="stylesheet" nonce="${nonce}" href="${media(file)}">\n`).join('')}<title>${page.title}</title>
</head>
<body>
${page.body}
<script nonce="${nonce}" src="${media(page.script)}"></script>
</body>
</html>`;
}
