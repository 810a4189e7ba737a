/**
 * The constraints of the common JUnit XML schema (Jenkins' junit-10.xsd, which CI tools read) that the
 * report relies on, checked structurally: the XSD itself cannot be fetched here. A small parser for the
 * XML subset the report writes (declaration, elements, attributes, text, entities).
 */

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

/** Parses well-formed XML of the subset above, or throws naming the problem. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  if (body === xml) throw new Error('missing <?xml version="1.0" encoding="UTF-8"?> declaration');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < body.length && (match = token.exec(body)) !== null) {
    at = token.lastIndex;
    const [, closing, name, attributes = '', selfClosing, text] = match;
    const current = stack.at(-1) as XmlElement;
    if (text !== undefined) {
      current.text += decode(text);
      continue;
    }
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      stack.pop();
      continue;
    }
    const element: XmlElement = { name: name as string, attributes: {}, children: [], text: '' };
    for (const [, key, value] of attributes.matchAll(/([\w.-]+)="([^"]*)"/g)) {
      if (key === undefined || value === undefined) continue;
      if (key in element.attributes) throw new Error(`duplicate attribute ${key}`);
      element.attributes[key] = decode(value);
    }
    current.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (at !== body.length) throw new Error(`not XML at offset ${at}: ${body.slice(at, at + 40)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  const [document, ...rest] = root.children;
  if (!document || rest.length > 0) throw new Error('an XML document has exactly one root element');
  return document;
}

const integer = (element: XmlElement, name: string): number => {
  const value = element.attributes[name];
  if (value === undefined || !/^\d+$/.test(value))
    throw new Error(`<${element.name}> needs ${name}="<integer>"`);
  return Number(value);
};
const required = (element: XmlElement, name: string): void => {
  if (element.attributes[name] === undefined) throw new Error(`<${element.name}> needs ${name}`);
};

/**
 * Checks the JUnit structure: testsuites > testsuite[name, tests, failures, errors] > testcase[name,
 * classname] > failure[message, type]; the counts match the test cases; returns the parsed document.
 */
export function checkJunit(xml: string): XmlElement {
  const document = parseXml(xml);
  if (document.name !== 'testsuites')
    throw new Error(`the root must be <testsuites>, got <${document.name}>`);
  let tests = 0;
  let failures = 0;
  for (const suite of document.children) {
    if (suite.name !== 'testsuite')
      throw new Error(`<testsuites> holds only <testsuite>, got <${suite.name}>`);
    required(suite, 'name');
    const cases = suite.children;
    for (const testcase of cases) {
      if (testcase.name !== 'testcase')
        throw new Error(`<testsuite> holds <testcase>, got <${testcase.name}>`);
      required(testcase, 'name');
      required(testcase, 'classname');
      for (const failure of testcase.children) {
        if (failure.name !== 'failure') throw new Error(`<testcase> holds <failure>, got <${failure.name}>`);
        required(failure, 'message');
        required(failure, 'type');
      }
    }
    const failed = cases.filter((testcase) => testcase.children.length > 0).length;
    if (integer(suite, 'tests') !== cases.length)
      throw new Error(`${suite.attributes['name']}: tests is not the test case count`);
    if (integer(suite, 'failures') !== failed)
      throw new Error(`${suite.attributes['name']}: failures is not the failing case count`);
    integer(suite, 'errors');
    tests += cases.length;
    failures += failed;
  }
  if (integer(document, 'tests') !== tests || integer(document, 'failures') !== failures)
    throw new Error('<testsuites> tests/failures do not add up');
  integer(document, 'errors');
  return document;
}

/** Every failure's type and the rule its test case names, e.g. `error poll-interval-too-short [pk_live_a]`. */
export const junitFailures = (document: XmlElement): string[] =>
  document.children.flatMap((suite) =>
    suite.children.flatMap((testcase) =>
      testcase.children.map((failure) => `${failure.attributes['type']} ${testcase.attributes['name']}`),
    ),
  );
