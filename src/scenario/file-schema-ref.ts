/**
 * A `$ref` to one of the scenario file schema's `$defs`, with its own description (2020-12 allows
 * siblings of `$ref`; editors show the description of the referring property).
 *
 * `errorMessage` and `patternErrorMessage`, used across the file schema, are the editor extensions of
 * vscode-json-languageservice (used by yaml-language-server); the loader uses them too.
 */
export const ref = (name: string, description: string): Record<string, unknown> => ({
  $ref: `#/$defs/${name}`,
  description,
});
