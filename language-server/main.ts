/**
 * The Adopt language server: `adopt-language-server --stdio` for any LSP editor, or over IPC for
 * the VS Code client (the transport is picked from the command line). It reads the disk.
 */
import '../src/platform/node-compat.js';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startAdoptServer } from './adopt-server.js';

startAdoptServer(createConnection(ProposedFeatures.all), NodeFileSystem.fileSystemProvider);
