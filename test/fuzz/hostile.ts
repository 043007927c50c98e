import fc from 'fast-check';

/*
 * Values an attacker or a broken client sends. Kept apart from the schema walker so a new field of any
 * route gets all of them without anyone listing it here.
 */

/** The marker of script injection: it must never come back unescaped in a page. */
export const SCRIPT_MARKER = '<script>fuzz()</script>';

/** Header injection through a value that ends up in a header (a name, an address, a subject). */
export const injectedBcc = 'injected-bcc@fuzz.invalid';
export const crlfValues = [
  `a@b.se\r\nBcc: ${injectedBcc}`,
  `Anna\r\nBcc: ${injectedBcc}`,
  `Anna\nBcc: ${injectedBcc}`,
  `Anna\rTo: ${injectedBcc}`,
  `Anna\r\n\r\n<html>body injected</html>`,
  `fuzz@example.org\nSubject: injected`,
  `Anna\u2028Bcc: ${injectedBcc}`,
  `Anna\u0085Bcc: ${injectedBcc}`,
  '=?utf-8?Q?Anna=0D=0ABcc:_x@y.se?=',
] as const;

const hugeAscii = 'A'.repeat(100 * 1024);
const hugeEmoji = '😀'.repeat(25 * 1024);

export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\t\n ',
  hugeAscii,
  hugeEmoji,
  '\u202Eevil.exe\u202C',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'a\uDC00b',
  '\uDBFF\uDFFF',
  '\uFEFF\u200B\u200D',
  `e${'\u0301'.repeat(500)}`,
  SCRIPT_MARKER,
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  '{"$gt":""}',
  ['$', '{jndi:ldap://fuzz.invalid/a}'].join(''),
  '%s%n%x',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'true',
  '1e309',
  '-0',
  ...crlfValues,
];

/** Any string, from plain to nasty: lone surrogates and control characters included. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 3_000, maxLength: 6_000 }) },
);

/** A deeply nested array or object: parsers and validators must not fall over. */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 50, max: 5_000 }), fc.boolean())
  .map(([depth, objects]) =>
    objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`,
  );

/** Wrong types for a field, as JSON would carry them. */
export const wrongTypes: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1e308, 3.5, [], {}, [null], { '': '' }, ['a', 1]),
  fc.jsonValue({ maxDepth: 3 }),
  anyString,
);

/** Keys that poison prototypes when code merges objects carelessly. */
export const pollutingKeys = ['__proto__', 'constructor', 'prototype'] as const;
export const pollutingKey = fc.constantFrom(
  ...pollutingKeys,
  'toString',
  'hasOwnProperty',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'constructor.prototype',
);

/** A path parameter nobody ever created: plain, long (past DynamoDB's key size), odd or encoded oddly. */
export const bogusPathValue: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  fc.constantFrom(
    'A'.repeat(43),
    'x'.repeat(1_100),
    'x'.repeat(2_100),
    'é'.repeat(1_500),
    '..',
    '.',
    '__proto__',
    'constructor',
    'null',
    '%',
    ' ',
    '\u0000',
    '\uD800',
    '😀',
    "'; DROP TABLE x; --",
    'a/b',
    'a?b=c',
    'a#b',
  ),
);

/** Raw bodies that are not what any content type promises. */
export const junkBodies: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"name": "Anna",',
    'null',
    '[]',
    '"a string"',
    '42',
    'true',
    '{"a":1}{"b":2}',
    '\uFEFF{}',
    '%zz=%yy&&&=',
    'a=1&a=2&a=3',
    '--boundary\r\nContent-Disposition: form-data; name="name"\r\n\r\nAnna\r\n--boundary--',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    `{"message":"${'x'.repeat(40 * 1024)}"}`,
  ),
  deepNesting,
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
);

export const contentTypes = fc.constantFrom(
  undefined,
  'text/plain',
  'text/html',
  'application/xml',
  'multipart/form-data; boundary=boundary',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/x-www-form-urlencoded; charset=latin1',
  'application/jsonp',
  'application/x-www-form-urlencodedx',
  '*/*',
  '',
);

/** Header values fetch can carry: printable ASCII (a control character never leaves the client). */
const headerText = fc
  .string({ unit: 'binary-ascii', maxLength: 200 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, '').trim());

export const acceptHeaders = fc.oneof(
  fc.constantFrom(
    undefined,
    'application/json',
    'text/html',
    'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'application/json, text/html',
    '*/*',
    'image/png',
  ),
  headerText,
);

export const acceptLanguages = fc.oneof(
  fc.constantFrom(undefined, 'sv', 'nb', 'en', 'en-GB,en;q=0.9', 'xx', '*', 'sv;q=abc', 'de-CH;q=0.1'),
  headerText,
  fc.constant('a,'.repeat(2_000)),
);
