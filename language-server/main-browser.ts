/**
 * The Adopt language server in a Web Worker (out/browser/language-server.js), for the extension
 * in VS Code for the Web: LSP over `postMessage`, and every file read through the client
 * (src/language/workspace/client-file-system.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { ClientFileSystemProvider } from '../src/language/workspace/client-file-system.js';
import { startAdoptServer } from './adopt-server.js';

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const fileSystem = new ClientFileSystemProvider(connection);
startAdoptServer(connection, () => fileSystem);
