/**
 * Shared test helpers: parse a plan with full validation, and read diagnostics by code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHelper } from 'langium/test';
import type { AstReflection, LangiumDocument } from 'langium';
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

export function codesOf(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => String(d.code));
}

export function withCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => d.code === code);
}

export function example(name: string): string {
    return readFileSync(resolve(__dirname, '../../examples', name), 'utf8');
}
