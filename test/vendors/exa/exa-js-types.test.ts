import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(new URL('./exa-js-types.test-d.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

/** The project's compiler options, as `tsc --noEmit` uses them. */
function projectOptions(): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(TSCONFIG, (path) => ts.sys.readFile(path));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, fileURLToPath(new URL('../../..', import.meta.url)))
    .options;
}

describe('exa: response types against exa-js 2.23.0', () => {
  it('serves every schema and operation body as exa-js types it, with every field exa-js requires', () => {
    const program = ts.createProgram([FIXTURE], projectOptions());
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const line = where === undefined ? '' : `${diagnostic.file?.fileName}:${where.line + 1}: `;
      return line + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    });
    expect(problems).toEqual([]);
  });
});
