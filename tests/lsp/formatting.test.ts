/**
 * Formatting: one declaration per line, blocks indented by two spaces, comments and blank lines
 * kept; the SPEC example is a fixed point and formatting twice changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { expectFormatting, parseHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Plan } from '../../src/language/generated/ast.js';
import { createTestServices, example } from '../support/helpers.js';

const services = createTestServices();
const format = expectFormatting(services);

async function formatted(text: string): Promise<string> {
    const document = await parseHelper<Plan>(services)(text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(TextDocument.create('x', 'adopt', 0, text), edits);
}

const MESSY = `// Riverside
plan P "P" {
coalition { member ana "Ana" role middle-manager trained
        member ben "Ben" role operational-manager   unit "Nursing" }


      initiative rounds "Rounds"
  /* the stages */
  stage s "S" { mantra "The status quo must go!"
  goal g "G" { metric m "M" target 60 % }
  project p "P" { supports rounds involves ana , ben
  asynchrony high // bridges the shifts
  }
  story st "St" from p audience ben
  }
}
`;

const TIDY = `// Riverside
plan P "P" {
  coalition {
    member ana "Ana" role middle-manager trained
    member ben "Ben" role operational-manager   unit "Nursing"
  }


  initiative rounds "Rounds"
  /* the stages */
  stage s "S" {
    mantra "The status quo must go!"
    goal g "G" {
      metric m "M" target 60%
    }
    project p "P" {
      supports rounds
      involves ana, ben
      asynchrony high // bridges the shifts
    }
    story st "St" from p audience ben
  }
}
`;

describe('formatting', () => {
    test('one declaration per line, two-space blocks, comments and blank lines kept', async () => {
        await format({ before: MESSY, after: TIDY });
    });

    test('formatting twice changes nothing', async () => {
        const once = await formatted(MESSY);
        expect(await formatted(once)).toBe(once);
    });

    test('the SPEC example is a fixed point', async () => {
        const spec = example('riverside-health.adopt');
        expect(await formatted(spec)).toBe(spec);
    });

    test('indentation is two spaces whatever the editor tab size', async () => {
        await format({ before: 'plan P "P" {\nstage s "S" {\n}\n}', after: 'plan P "P" {\n  stage s "S" {\n  }\n}', options: { tabSize: 8, insertSpaces: false } });
    });
});
