import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  createLocalIssuer,
  loadOrCreateSigningKey,
  readCoordinators,
  ungrantedGroups,
  writeIssuerInfo,
} from '../../infra/local/issuer.ts';
import {
  type AddCoordinator,
  addAwsCoordinator,
  addLocalCoordinator,
  type CoordinatorDirectory,
  type CoordinatorSignIn,
  type Prompter,
  parseCoordinatorArgs,
  type SignIn,
  signIn,
  UsageError,
} from '../../infra/tools/coordinator.ts';
import { type FakeUser, fakeCognito } from '../support/fake-cognito.ts';

const root = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samla-coordinator-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function addArgs(args: string[]): AddCoordinator {
  const parsed = parseCoordinatorArgs(['add', ...args]);
  if (parsed.command !== 'add') throw new Error('expected add');
  return parsed;
}

function usageError(argv: string[]): string {
  try {
    parseCoordinatorArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('npm run coordinator: arguments', () => {
  it('adds to AWS by default, in the stage dev, and locally with --local', () => {
    expect(parseCoordinatorArgs(['add', '--email', ' Anna@Example.ORG ', '--network', 'demo'])).toEqual({
      command: 'add',
      email: 'anna@example.org',
      networks: ['demo'],
      admin: false,
      target: { kind: 'aws', stage: 'dev' },
    });
    expect(
      parseCoordinatorArgs([
        'add',
        '--email',
        'a@b.se',
        '--network',
        'x-1',
        '--network',
        'x-1',
        '--admin',
        '--local',
      ]),
    ).toEqual({ command: 'add', email: 'a@b.se', networks: ['x-1'], admin: true, target: { kind: 'local' } });
    expect(
      parseCoordinatorArgs([
        'add',
        '--email',
        'a@b.se',
        '--admin',
        '--stage',
        'prod',
        '--region',
        'eu-west-1',
      ]).target,
    ).toEqual({
      kind: 'aws',
      stage: 'prod',
      region: 'eu-west-1',
    });
    // A pool id names its region.
    expect(
      parseCoordinatorArgs(['add', '--email', 'a@b.se', '--admin', '--user-pool-id', 'eu-north-1_AbC123'])
        .target,
    ).toEqual({
      kind: 'aws',
      stage: 'dev',
      userPoolId: 'eu-north-1_AbC123',
      region: 'eu-north-1',
    });
  });

  it('says what is wrong, with the usage', () => {
    expect(usageError([])).toMatch(
      /no command: the commands are add and sign-in\nusage: npm run coordinator -- add/,
    );
    expect(usageError(['remove', '--email', 'a@b.se', '--admin'])).toMatch(/unknown command "remove"/);
    expect(usageError(['add', '--email', 'not-an-address', '--admin'])).toMatch(/--email needs an address/);
    expect(usageError(['add', '--email', 'a@b.se'])).toMatch(
      /give --network <id> \(one or more\), --admin, or both/,
    );
    expect(usageError(['add', '--email', 'a@b.se', '--network', 'Demo'])).toMatch(
      /--network Demo: a network id/,
    );
    expect(usageError(['add', '--email', 'a@b.se', '--admin', '--local', '--stage', 'prod'])).toMatch(
      /--local has no --stage/,
    );
    expect(usageError(['add', '--email', 'a@b.se', '--admin', '--stage', 'Prod'])).toMatch(
      /--stage Prod: a stage/,
    );
    expect(
      usageError([
        'add',
        '--email',
        'a@b.se',
        '--admin',
        '--stage',
        'prod',
        '--user-pool-id',
        'eu-north-1_X',
      ]),
    ).toMatch(/--stage or --user-pool-id, not both/);
    expect(
      usageError([
        'add',
        '--email',
        'a@b.se',
        '--admin',
        '--user-pool-id',
        'eu-north-1_X',
        '--region',
        'us-east-1',
      ]),
    ).toMatch(/not the region of the user pool eu-north-1_X/);
    expect(usageError(['add', '--email', 'a@b.se', '--admin', '--user-pool-id', 'pool'])).toMatch(
      /looks like eu-north-1_/,
    );
    expect(usageError(['add', '--email', 'a@b.se', '--admin', '--group', 'x'])).toMatch(
      /Unknown option '--group'/,
    );
  });
});

describe('npm run coordinator -- add --local', () => {
  const request = (args: string[]): AddCoordinator => addArgs(['--local', ...args]);

  it('registers the coordinator, and adds groups without taking any away', async () => {
    const dir = tempDir();
    const first = await addLocalCoordinator(
      dir,
      request(['--email', 'Anna@Example.org', '--network', 'demo']),
    );
    // npm start has not made the issuer here yet: registered, but nothing to sign with.
    expect(first).toEqual({ coordinator: { networks: ['demo'], admin: false }, token: undefined });
    await addLocalCoordinator(dir, request(['--email', 'anna@example.org', '--network', 'alpha', '--admin']));
    await addLocalCoordinator(dir, request(['--email', 'anna@example.org', '--network', 'demo']));
    await addLocalCoordinator(dir, request(['--email', 'bo@example.org', '--network', 'demo']));
    expect(readCoordinators(dir)).toEqual({
      'anna@example.org': { networks: ['alpha', 'demo'], admin: true },
      'bo@example.org': { networks: ['demo'], admin: false },
    });
    expect(JSON.parse(readFileSync(join(dir, 'coordinators.json'), 'utf8'))).toEqual(readCoordinators(dir));
  });

  it('prints a token of npm start’s issuer with the registered groups, which its authorizer accepts', async () => {
    const dir = tempDir();
    const key = await loadOrCreateSigningKey(dir);
    writeIssuerInfo(dir, { issuer: 'http://127.0.0.1:3999/local-issuer', audience: 'samla-local' });
    await addLocalCoordinator(dir, request(['--email', 'anna@example.org', '--admin']));
    const { token } = await addLocalCoordinator(
      dir,
      request(['--email', 'anna@example.org', '--network', 'demo']),
    );
    if (token === undefined) throw new Error('no token although the issuer exists');
    const issuer = await createLocalIssuer({ issuer: 'http://127.0.0.1:3999/local-issuer', key });
    const result = await issuer.authorize({ authorization: `Bearer ${token}` });
    if (result === undefined || 'deny' in result) throw new Error(`denied: ${JSON.stringify(result)}`);
    expect(result.claims).toMatchObject({
      email: 'anna@example.org',
      'cognito:groups': '[network-demo samla-admins]',
      token_use: 'id',
    });
  });

  it('tells npm run token which asked-for groups the registry does not give', async () => {
    const dir = tempDir();
    await addLocalCoordinator(dir, request(['--email', 'anna@example.org', '--network', 'demo']));
    const registry = readCoordinators(dir);
    expect(ungrantedGroups(registry, { email: 'ANNA@example.org', networks: ['demo'] })).toEqual([]);
    expect(
      ungrantedGroups(registry, { email: 'anna@example.org', networks: ['demo', 'other'], admin: true }),
    ).toEqual(['network-other', 'samla-admins']);
    expect(ungrantedGroups(registry, { email: 'eve@example.org', networks: ['demo'] })).toEqual([
      'network-demo',
    ]);
  });

  it('refuses a registry file it cannot read, naming it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'coordinators.json'), JSON.stringify({ 'a@b.se': { networks: 'demo' } }));
    expect(() => readCoordinators(dir)).toThrow(/coordinators\.json is not a list of coordinators/);
  });
});

/** Cognito and CloudFormation as the AWS half sees them: a pool with users and groups. */
function fakeDirectory(pool: { users: string[]; groups: string[] }) {
  const calls: string[] = [];
  const memberships: [string, string][] = [];
  const directory: CoordinatorDirectory = {
    async userPoolIdOf(stackName) {
      calls.push(`describe ${stackName}`);
      return 'eu-north-1_Pool1';
    },
    async ensureUser(userPoolId, email) {
      calls.push(`user ${userPoolId} ${email}`);
      if (pool.users.includes(email)) return 'existing';
      pool.users.push(email);
      return 'created';
    },
    async ensureGroup(userPoolId, group) {
      calls.push(`group ${userPoolId} ${group}`);
      if (pool.groups.includes(group)) return 'existing';
      pool.groups.push(group);
      return 'created';
    },
    async addToGroup(userPoolId, email, group) {
      calls.push(`add ${userPoolId} ${email} ${group}`);
      memberships.push([email, group]);
    },
  };
  return { directory, calls, memberships };
}

describe('npm run coordinator -- add, in AWS', () => {
  const aws = (args: string[]) => {
    const parsed = addArgs(args);
    if (parsed.target.kind !== 'aws') throw new Error('expected an AWS target');
    return { ...parsed, target: parsed.target };
  };

  it('finds the pool of samla-<stage>, creates the user and a missing network group, and adds them', async () => {
    const pool = { users: [], groups: ['samla-admins', 'network-demo'] };
    const { directory, calls, memberships } = fakeDirectory(pool);
    const result = await addAwsCoordinator(
      directory,
      aws([
        '--email',
        'anna@example.org',
        '--network',
        'demo',
        '--network',
        'new-net',
        '--admin',
        '--stage',
        'prod',
      ]),
    );
    expect(result).toEqual({
      userPoolId: 'eu-north-1_Pool1',
      user: 'created',
      groups: [
        { name: 'network-demo', group: 'existing' },
        { name: 'network-new-net', group: 'created' },
        { name: 'samla-admins', group: 'existing' },
      ],
    });
    expect(calls[0]).toBe('describe samla-prod');
    expect(memberships).toEqual([
      ['anna@example.org', 'network-demo'],
      ['anna@example.org', 'network-new-net'],
      ['anna@example.org', 'samla-admins'],
    ]);
  });

  it('uses a given pool as it is, and leaves an existing user be', async () => {
    const { directory, calls } = fakeDirectory({ users: ['anna@example.org'], groups: ['network-demo'] });
    const result = await addAwsCoordinator(
      directory,
      aws(['--email', 'anna@example.org', '--network', 'demo', '--user-pool-id', 'eu-west-1_Given']),
    );
    expect(result.user).toBe('existing');
    expect(calls).toEqual([
      'user eu-west-1_Given anna@example.org',
      'group eu-west-1_Given network-demo',
      'add eu-west-1_Given anna@example.org network-demo',
    ]);
  });

  it('without AWS credentials: one clear line and exit code 1, never a stack trace', () => {
    const home = tempDir();
    const empty = join(home, 'empty');
    writeFileSync(empty, '');
    // Nothing of the developer's own AWS setup may leak in: no AWS_* variable, no ~/.aws.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'infra/tools/coordinator.ts',
        'add',
        '--email',
        'a@b.se',
        '--network',
        'demo',
        '--region',
        'eu-north-1',
      ],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 30_000,
        env: {
          ...env,
          HOME: home,
          AWS_CONFIG_FILE: empty,
          AWS_SHARED_CREDENTIALS_FILE: empty,
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      },
    );
    expect(run.status, run.stderr).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^no AWS credentials found: run `aws configure`.*AWS_PROFILE/);
    expect(run.stdout).toBe('');
  }, 60_000);
});

describe('npm run coordinator -- sign-in: arguments', () => {
  it('finds the pool and app client through the stack, or takes both', () => {
    expect(parseCoordinatorArgs(['sign-in', '--email', 'Anna@Example.org'])).toEqual({
      command: 'sign-in',
      email: 'anna@example.org',
      target: { kind: 'aws', stage: 'dev' },
    });
    expect(
      parseCoordinatorArgs([
        'sign-in',
        '--email',
        'a@b.se',
        '--user-pool-id',
        'eu-north-1_AbC',
        '--client-id',
        'abc123',
      ]),
    ).toEqual({
      command: 'sign-in',
      email: 'a@b.se',
      target: {
        kind: 'aws',
        stage: 'dev',
        userPoolId: 'eu-north-1_AbC',
        clientId: 'abc123',
        region: 'eu-north-1',
      },
    });
  });

  it('refuses what does not belong to signing in', () => {
    expect(usageError(['sign-in', '--email', 'a@b.se', '--user-pool-id', 'eu-north-1_AbC'])).toMatch(
      /--user-pool-id and --client-id together/,
    );
    expect(usageError(['sign-in', '--email', 'a@b.se', '--network', 'demo'])).toMatch(
      /takes no --network or --admin/,
    );
    expect(usageError(['sign-in', '--email', 'a@b.se', '--local'])).toMatch(
      /npm run -s token -- --email a@b\.se/,
    );
    expect(usageError(['add', '--email', 'a@b.se', '--admin', '--client-id', 'abc'])).toMatch(
      /--client-id is for sign-in/,
    );
  });
});

/** The fake Cognito of test/support, with the app client the stack samla-prod names. */
async function cognitoOf(users: Record<string, FakeUser>) {
  const fake = await fakeCognito(users);
  servers.push(fake);
  const cognito: CoordinatorSignIn = {
    async appClientOf(stackName) {
      expect(stackName).toBe('samla-prod');
      return { userPoolId: fake.userPoolId, clientId: fake.clientId };
    },
    endpoint: fake.endpoint,
  };
  return { cognito, timestamps: fake.timestamps };
}
const servers: { close(): Promise<void> }[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));

/** The claims of a JWT, unchecked. */
const claims = (jwt: string): unknown =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));

function answers(...lines: string[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = async (label: string) => {
    asked.push(label);
    const line = lines.shift();
    if (line === undefined) throw new Error(`no answer left for "${label}"`);
    return line;
  };
  return { asked, secret: next, newSecret: next };
}

describe('npm run coordinator -- sign-in', () => {
  const request = (args: string[]): SignIn => {
    const parsed = parseCoordinatorArgs(['sign-in', '--email', 'anna@example.org', ...args]);
    if (parsed.command !== 'sign-in') throw new Error('expected sign-in');
    return parsed;
  };

  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs in with SRP, setting the new password the first sign-in asks for', async () => {
    const users = {
      'anna@example.org': { userId: 'f1e2d3c4-uuid', password: 'Temporary-Pass-1', mustChangePassword: true },
    };
    const { cognito, timestamps } = await cognitoOf(users);
    // Only the clock is fixed, for Cognito's TIMESTAMP: Java's "EEE MMM d HH:mm:ss z yyyy" in UTC.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-03T09:05:07Z'));
    const prompter = answers('Temporary-Pass-1', 'My-own-long-Passw0rd!');
    const first = await signIn(cognito, prompter, request(['--stage', 'prod']));
    expect(first).toEqual({ idToken: expect.any(String), expiresIn: 3600, passwordChanged: true });
    expect(claims(first.idToken)).toMatchObject({ email: 'anna@example.org', token_use: 'id' });
    expect(timestamps).toEqual(['Tue Mar 3 09:05:07 UTC 2026']);
    expect(prompter.asked[1]).toMatch(/First sign-in: choose a new password/);
    expect(users['anna@example.org']?.password).toBe('My-own-long-Passw0rd!');
    // The next time, with the new password, straight to the token.
    vi.setSystemTime(new Date('2025-12-25T23:59:59Z'));
    const again = await signIn(cognito, answers('My-own-long-Passw0rd!'), request(['--stage', 'prod']));
    expect(again.passwordChanged).toBe(false);
    expect(timestamps[1]).toBe('Thu Dec 25 23:59:59 UTC 2025');
  });

  it('answers a TOTP code after the password, and says to try again after a wrong one', async () => {
    const { cognito } = await cognitoOf({
      'anna@example.org': { userId: 'f1e2d3c4-uuid', password: 'Right-Passw0rd!', totpCode: '123456' },
    });
    const prompter = answers('Right-Passw0rd!', '123456');
    const result = await signIn(cognito, prompter, request(['--stage', 'prod']));
    expect(claims(result.idToken)).toMatchObject({ email: 'anna@example.org' });
    expect(prompter.asked[1]).toBe('Code from your authenticator app: ');
    await expect(
      signIn(cognito, answers('Right-Passw0rd!', '654321'), request(['--stage', 'prod'])),
    ).rejects.toThrow(/^Invalid code received for user Run the command again\.$/);
  });

  it('is refused with a wrong password, in Cognito’s words', async () => {
    const { cognito } = await cognitoOf({
      'anna@example.org': { userId: 'f1e2d3c4-uuid', password: 'Right-Passw0rd!' },
    });
    await expect(signIn(cognito, answers('Wrong-Passw0rd!'), request(['--stage', 'prod']))).rejects.toThrow(
      /sign-in refused: Incorrect username or password/,
    );
  });
});
