/**
 * The HTML shell of the Quick wins webview: a strict content security policy (nothing by
 * default; only this extension's stylesheet and the one nonce'd script; no remote content) and
 * an empty list that media/rank-view.js fills from the data the extension posts.
 */
import * as vscode from 'vscode';

export function rankViewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
    const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
    const csp = [
        "default-src 'none'",
        `style-src ${webview.cspSource} 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        `img-src ${webview.cspSource}`,
        `font-src ${webview.cspSource}`
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${media('rank-view.css')}">
<title>Quick wins</title>
</head>
<body>
<main aria-labelledby="heading">
<h1 id="heading">Quick wins</h1>
<p id="summary" role="status" aria-live="polite">Ranking the projects…</p>
<ol id="projects" class="projects" aria-label="Projects, best first"></ol>
<p class="hint">Choose a project (click, or Tab then Enter) to show it in the plan. Up and Down move between projects.</p>
</main>
<script nonce="${nonce}" src="${media('rank-view.js')}"></script>
</body>
</html>`;
}
