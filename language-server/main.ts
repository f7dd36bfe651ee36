/**
 * The Adopt language server: `adopt-language-server --stdio` for any LSP editor, or over IPC for
 * the VS Code client (the transport is picked from the command line: node-connection.ts). It
 * reads the disk.
 */
import '../src/platform/node-compat.js';
import { NodeFileSystem } from 'langium/node';
import { createNodeConnection } from './node-connection.js';
import { startAdoptServer } from './adopt-server.js';

startAdoptServer(createNodeConnection(), NodeFileSystem.fileSystemProvider);
