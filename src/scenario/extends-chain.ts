import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { libraryNames, resolveScenarioFile, type ScenarioFile } from './library.js';
import { isPlainObject } from './merge.js';
import type { ScenarioProblem } from './problem.js';
import { checkSchema } from './schema-check.js';
import { parseSource, type SourceDocument } from './source-document.js';
import { didYouMean } from './suggest.js';

/** A scenario given as an object in the file format (it extends the named scenario unless it says otherwise). */
export type InlineScenario = Record<string, unknown>;

/** One file of an `extends` chain, parsed. */
export interface ChainLink {
  file: ScenarioFile;
  source: SourceDocument;
  /** The file's data; an empty object when it is not a mapping (the schema check reports that). */
  data: Record<string, unknown>;
}

export interface ExtendsChain {
  /** The loaded file first, then the file it extends, and so on. */
  links: ChainLink[];
  /** Every problem found reading, parsing and schema-checking the files, and following `extends`. */
  problems: ScenarioProblem[];
  /** False when a file could not be reached or parsed, or `extends` led nowhere: nothing to merge. */
  complete: boolean;
  /** `{ file }` for a link other than the loaded file, for its problems. */
  inFile: (link: ChainLink | undefined) => { file?: string };
}

const unknownNameMessage = (name: string): string => {
  const names = libraryNames();
  return `unknown scenario "${name}"${didYouMean(name, names) || '.'} Built-in scenarios: ${names.join(', ')}. Give one of them, or a path to a file.`;
};

/** The name of a scenario made of inline overrides: a valid scenario name derived from what it extends. */
function inlineName(nameOrPath: string): string {
  const base = basename(nameOrPath, extname(nameOrPath))
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  return `${base || 'inline'}-overrides`;
}

function lineOfExtends(link: ChainLink): { line?: number } {
  const line = link.source.lineOf(['extends'])?.line;
  return line === undefined ? {} : { line };
}

/**
 * Reads a scenario file and every file it extends, in order, checking each against the file schema.
 * Stops at the first file that cannot be read or parsed, at an unknown `extends` target and at a cycle.
 *
 * @example
 * const chain = readExtendsChain('./my-scenario.yaml');
 * chain.links.map((link) => link.file.display); // ['my-scenario.yaml', 'scenarios/default.yaml']
 */
export function readExtendsChain(nameOrPath: string, inline?: InlineScenario): ExtendsChain {
  const problems: ScenarioProblem[] = [];
  const chain: ChainLink[] = [];
  const inFile = (link: ChainLink | undefined): { file?: string } =>
    link && link !== chain[0] ? { file: link.file.display } : {};
  let next: ScenarioFile | undefined = inline
    ? { path: join(process.cwd(), '(inline)'), display: '(inline)' }
    : resolveScenarioFile(nameOrPath);
  let complete = true;
  while (next) {
    const file: ScenarioFile = next;
    next = undefined;
    const child = chain.at(-1);
    // Problems about reaching the file belong to the child's `extends`, or to the file itself at the top.
    const where = (): Omit<ScenarioProblem, 'message'> =>
      child ? { path: 'extends', ...inFile(child), ...lineOfExtends(child) } : { path: '' };
    if (file.unknownName !== undefined) {
      problems.push({ ...where(), message: unknownNameMessage(file.unknownName) });
      complete = false;
      break;
    }
    let text: string;
    try {
      text =
        chain.length === 0 && inline
          ? JSON.stringify({
              extends: nameOrPath,
              name: inlineName(nameOrPath),
              description: `Inline overrides of ${nameOrPath}`,
              ...inline,
            })
          : readFileSync(file.path, 'utf8');
    } catch (error) {
      problems.push({
        ...where(),
        message: `cannot read ${child ? `"${file.display}"` : 'the file'}: ${(error as Error).message}`,
      });
      complete = false;
      break;
    }
    const parsed = parseSource(file.display, text);
    if (!parsed.ok) {
      problems.push(
        ...parsed.problems.map((problem) => ({ ...problem, ...(child ? { file: file.display } : {}) })),
      );
      complete = false;
      break;
    }
    const data = parsed.source.value;
    const link: ChainLink = {
      file,
      source: parsed.source,
      data: isPlainObject(data) ? data : {},
    };
    chain.push(link);
    problems.push(...checkSchema(parsed.source).map((problem) => ({ ...problem, ...inFile(link) })));
    const target = link.data['extends'];
    if (typeof target !== 'string') continue;
    const resolved = resolveScenarioFile(target, dirname(file.path));
    if (resolved.unknownName !== undefined) {
      const sibling = join(dirname(file.path), `${target}.yaml`);
      const hint = existsSync(sibling)
        ? ` To extend the file next to this one, write "./${target}.yaml".`
        : '';
      problems.push({
        path: 'extends',
        ...inFile(link),
        ...lineOfExtends(link),
        message: unknownNameMessage(target) + hint,
      });
      complete = false;
    } else if (chain.some((earlier) => earlier.file.path === resolved.path)) {
      const cycle = [...chain.map((earlier) => earlier.file.display), resolved.display].join(' -> ');
      problems.push({
        path: 'extends',
        ...inFile(link),
        ...lineOfExtends(link),
        message: `extends cycle: ${cycle}`,
      });
      complete = false;
    } else {
      next = resolved;
    }
  }
  return { links: chain, problems, complete, inFile };
}
