import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadStage, parseConfig } from '../../infra/config.ts';
import { cdkJsonContext, synthTemplate } from '../../infra/synth.ts';

const valid = {
  senderAddress: 'samla@example.org',
  allowedOrigins: ['https://example.org', 'http://127.0.0.1:3000'],
  networks: [{ id: 'demo', name: 'Demo', languages: ['sv', 'en'], coordinators: ['c@example.org'] }],
};

function problemsOf(raw: unknown): readonly string[] {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('deploy configuration', () => {
  it('accepts the repository cdk.json', () => {
    const config = parseConfig(cdkJsonContext().samla);
    expect(config.networks.map((n) => n.id)).toContain('demo');
  });

  it('fills in defaults and normalises addresses', () => {
    const config = parseConfig({
      ...valid,
      senderAddress: ' Samla@Example.ORG ',
      networks: [{ id: 'demo', name: 'D', coordinators: ['Anna@X.se'] }],
    });
    expect(config.senderAddress).toBe('samla@example.org');
    expect(config.registration).toEqual({ reminderAfterHours: 48, expireAfterDays: 7 });
    expect(config.networks[0]).toEqual({
      id: 'demo',
      name: 'D',
      coordinators: ['anna@x.se'],
      languages: ['sv', 'nb', 'en'],
      timeZone: 'Europe/Stockholm',
      memberDomains: [],
    });
    expect(config.publicBaseUrl).toBeUndefined();
    expect(parseConfig({ ...valid, publicBaseUrl: 'https://x.example/samla//' }).publicBaseUrl).toBe(
      'https://x.example/samla',
    );
  });

  it('names a missing key', () => {
    const { senderAddress: _, ...withoutSender } = valid;
    expect(problemsOf(withoutSender)).toEqual(['samla.senderAddress: is required']);
    expect(problemsOf(undefined)[0]).toMatch(/^samla: is missing/);
  });

  it('names every wrong key at once, with its full path', () => {
    const problems = problemsOf({
      senderAddress: 'not-an-address',
      allowedOrigins: ['http://example.org', 'https://example.org/path'],
      registration: { reminderAfterHours: 1.5, expireAfterDays: 0 },
      networks: [
        {
          id: 'X',
          name: '',
          languages: ['de'],
          coordinators: [],
          timeZone: 'Mars/Olympus',
          thankYouUrl: 'ftp://x',
        },
      ],
      alarmEmail: 42,
      senderAdress: 'typo@example.org',
    });
    const expectations: [string, RegExp][] = [
      ['samla.senderAddress', /must be an email address/],
      ['samla.allowedOrigins[0]', /https/],
      ['samla.allowedOrigins[1]', /no path/],
      ['samla.registration.reminderAfterHours', /whole number/],
      ['samla.registration.expireAfterDays', /at least 1/],
      ['samla.networks[0].id', /a-z/],
      ['samla.networks[0].name', /empty/],
      ['samla.networks[0].languages[0]', /one of sv, nb, en/],
      ['samla.networks[0].coordinators', /at least one/],
      ['samla.networks[0].timeZone', /IANA/],
      ['samla.networks[0].thankYouUrl', /https/],
      ['samla.alarmEmail', /must be a string, got number/],
      ['samla.senderAdress', /not a known key/],
    ];
    for (const [path, message] of expectations) {
      const line = problems.find((p) => p.startsWith(`${path}: `));
      expect(line, `${path} in\n${problems.join('\n')}`).toBeDefined();
      expect(line).toMatch(message);
    }
  });

  it('rejects a repeated network id', () => {
    const networks = [
      { id: 'demo', name: 'ok', coordinators: ['a@b.se'] },
      { id: 'other', name: 'ok', coordinators: ['a@b.se'] },
      { id: 'demo', name: 'dup', coordinators: ['a@b.se'] },
    ];
    expect(problemsOf({ ...valid, networks })).toEqual(['samla.networks[2].id: repeats networks[0].id']);
  });

  it('allows plain http only for the local machine', () => {
    expect(parseConfig({ ...valid, allowedOrigins: ['http://localhost:5173'] }).allowedOrigins).toEqual([
      'http://localhost:5173',
    ]);
    expect(problemsOf({ ...valid, publicBaseUrl: 'http://samla.example.org' })[0]).toMatch(
      /^samla\.publicBaseUrl: /,
    );
  });

  it('rejects an expiry before the reminder', () => {
    expect(problemsOf({ ...valid, registration: { reminderAfterHours: 72, expireAfterDays: 2 } })).toEqual([
      'samla.registration.expireAfterDays: must be later than reminderAfterHours, or the reminder would never be sent',
    ]);
  });

  it('reads the context of an app, also as a JSON string from -c', () => {
    expect(loadConfig(new App({ context: { samla: valid } })).senderAddress).toBe('samla@example.org');
    expect(loadConfig(new App({ context: { samla: JSON.stringify(valid) } })).networks).toHaveLength(1);
    expect(loadStage(new App())).toBe('dev');
    expect(loadStage(new App({ context: { stage: 'prod' } }))).toBe('prod');
    expect(() => loadStage(new App({ context: { stage: 'Prod!' } }))).toThrow(/stage: /);
  });

  it('fails synth with a message that names the key', () => {
    expect(() => synthTemplate({ samla: { ...valid, senderAddress: 'nope' } })).toThrow(
      /samla\.senderAddress: must be an email address/,
    );
  });
});
