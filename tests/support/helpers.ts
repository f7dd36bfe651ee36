/**
 * Shared test helpers: parse a plan (or a workspace of files) with full validation, and read
 * diagnostics by code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHelper } from 'langium/test';
import { URI, type AstReflection, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAdoptServices, type AdoptServices } from '../../src/language/adopt-module.js';
import type { AdoptFile } from '../../src/language/generated/ast.js';

/** The node types that the grammar's cross-references name (`[Member:Name]`: `Member`), from its reflection. */
export function referencedTypes(reflection: AstReflection): Set<string> {
    return new Set(reflection.getAllTypes().flatMap(type =>
        Object.values(reflection.getTypeMetaData(type).properties).flatMap(property => property.referenceType ?? [])));
}

export function createTestServices(): AdoptServices {
    return createAdoptServices().Adopt;
}

export function parser(services: AdoptServices = createTestServices()) {
    const parse = parseHelper<AdoptFile>(services);
    return (text: string): Promise<LangiumDocument<AdoptFile>> => parse(text, { validation: true });
}

let workspaces = 0;

/**
 * Builds files together as a workspace (paths relative to its folder, `/` between folders; each
 * call a folder of its own unless given one) and returns each file's document by its path. Nothing is on disk: a
 * `use` of a path not given names no file.
 */
export function workspaceParser(services: AdoptServices = createTestServices()) {
    return async (files: Readonly<Record<string, string>>, folder = `file:///workspace-${++workspaces}/`): Promise<Record<string, LangiumDocument<AdoptFile>>> => {
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
        const documents = Object.entries(files).map(([path, text]) => {
            const document = LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse(folder + path));
            LangiumDocuments.addDocument(document);
            return [path, document] as const;
        });
        await DocumentBuilder.build(documents.map(([, document]) => document), { validation: true });
        return Object.fromEntries(documents);
    };
}

export function codesOf(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => String(d.code));
}

export function withCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => d.code === code);
}

export function example(name: string): string {
    return readFileSync(resolve(__dirname, '../../examples', name), 'utf8');
}
