/**
 * `yaml` with the flow-style `enum: [...]` of the schema `name` under `components.schemas` replaced by
 * `values`, every other byte kept (a YAML round trip would reformat the whole file). Throws when the schema
 * or its enum line is missing, so a renamed schema cannot go stale silently.
 *
 * @example
 * withEnum(adminYaml, 'Vendor', ['puffle', 'sendkit', 'exa']); // ... Vendor: ... enum: [puffle, sendkit, exa]
 */
export function withEnum(yaml: string, name: string, values: readonly string[]): string {
  const schema = new RegExp(`^(    ${name}:\\n(?:      .*\\n)*?      enum: )\\[.*\\]$`, 'm');
  if (!schema.test(yaml)) {
    throw new Error(
      `Cannot write the ${name} enum: openapi/admin.yaml has no schema components.schemas.${name} with a one-line \`enum: [...]\`. Restore it, or change scripts/generate.ts to match.`,
    );
  }
  return yaml.replace(schema, `$1[${values.join(', ')}]`);
}
