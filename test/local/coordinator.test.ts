import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createLocalIssuer,
  loadOrCreateSigningKey,
  readCoordinators,
  ungrantedGroups,
  writeIssuerInfo,
} from '../../infra/local/issuer.ts';
import {
  cognitoTimestamp,
  g,
  k,
  modPow,
  N,
  padHex,
  passwordAuthenticationKey,
  passwordClaimSignature,
  passwordExponent,
  scrambler,
  sessionKey,
  srpClientSecret,
} from '../../infra/tools/cognito-srp.ts';
import {
  type AddCoordinator,
  addAwsCoordinator,
  addLocalCoordinator,
  type CoordinatorDirectory,
  CoordinatorError,
  type CoordinatorSignIn,
  type Prompter,
  parseCoordinatorArgs,
  type SignIn,
  signIn,
  UsageError,
} from '../../infra/tools/coordinator.ts';

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

describe('Cognito SRP (infra/tools/cognito-srp.ts)', () => {
  it('derives the key amazon-cognito-identity-js derives (a known answer)', () => {
    // Computed once with AuthenticationHelper of amazon-cognito-identity-js 6.3.21 for these inputs.
    const a = BigInt(
      '0x27a179a88f7d9b6f887c0e99218e3cf91e6788616f993ba923c3d82a75553786f1a8d12f9541cb620869b8fb403559132ded003d229eed08c9dc7f0ba62bb79ce3a844ab89a3963e7f55660bcda42f983ef918302b790ca9282399b1a4abf0ffaa159b16ba565587f6d58413eb919ddc06dd25da666ca2c3622af6ee268fc859',
    );
    const B = BigInt(
      '0xfed59de1fb17d7e11eb7b8f17ac79f6e2c273695b80894f5ec59e026654cac07377a080570539335a9996cc11dd2c6a63b7f7bcb8fde81e54348824373c703d5f49254e72fe6dbd8cea55e25769a14d55dd3ab00686ca06aec020fc20aac2442b028c7ce238028c5a06968be5d63e6dd754ccdd79d2446dc32615a412ed1fb40d249dd4e2733ae3b6865ffdee2a1329cd86976570e33ce2373b3dc1c88f5930e4e750061c5f9c05af2761994c2475561d7fa19583beb5a3fb23eaeb6c985d6256321fcc9a0660255c2c191211290557bbc90f02de2d5c470853cc1b33a92b620b37bbd12a64a8e307876ff9641d47b80aa4022a00af7a1f8fbdb4f848ff672421a4aa9b060e13027256e08283a9df1c125602529b5d96bac17ea9e57a2f8767d7378de513fe4b3e39826a7ba51f34a0047aa7410b316d1725c83324bfe6ab0b557c0c46755636b6f47d9ad3cb37b923d9652ebf05c79287f17466f1db5ea58f46b7ececa91ed982777a3cc2549df73b2ee6855ffb87dc8db017408be89d2ec64',
    );
    const secret = srpClientSecret(a);
    expect(secret.A.toString(16).slice(0, 32)).toBe('2b966e57fc41d8f6a44859befaf297c0');
    const key = passwordAuthenticationKey({
      poolName: 'AbC123xyz',
      userId: 'user-0-e954bbb69871e0c3',
      password: 'Pässw0rd!0',
      secret,
      B,
      salt: BigInt('0xa54894fdec86e3e476a30caf18bb087b'),
    });
    expect(key.toString('hex')).toBe('0bd670dad77cc8d49a5f610b3bc082aa');
  });

  it('pads like Java’s BigInteger.toByteArray, and writes Cognito’s timestamp', () => {
    expect(padHex(0x14n)).toBe('14');
    expect(padHex(0xecn)).toBe('00ec');
    expect(padHex(0xabcn)).toBe('0abc');
    expect(cognitoTimestamp(new Date('2026-03-03T09:05:07Z'))).toBe('Tue Mar 3 09:05:07 UTC 2026');
    expect(cognitoTimestamp(new Date('2025-12-25T23:59:59Z'))).toBe('Thu Dec 25 23:59:59 UTC 2025');
  });
});

/**
 * Cognito's side of SRP, from the verifier a pool keeps (v = g^x), never the password: the client's
 * signature only matches when both sides arrived at the same key.
 */
function fakeCognito(
  users: Record<string, { userId: string; password: string; mustChangePassword?: boolean }>,
) {
  const userPoolId = 'eu-north-1_AbC123xyz';
  const poolName = 'AbC123xyz';
  const sessions = new Map<string, { email: string; key: Buffer; secretBlock: string; userId: string }>();
  const verifiers = new Map<string, { salt: bigint; v: bigint }>();
  const setPassword = (email: string, userId: string, password: string) => {
    const salt = BigInt(`0x${randomBytes(16).toString('hex')}`);
    verifiers.set(email, { salt, v: modPow(g, passwordExponent(poolName, userId, password, salt), N) });
  };
  for (const [email, user] of Object.entries(users)) setPassword(email, user.userId, user.password);
  const refused = () => new CoordinatorError('sign-in refused: Incorrect username or password.');
  const tokenFor = (email: string) => ({ idToken: `id-token-of-${email}`, expiresIn: 3600 });
  const cognito: CoordinatorSignIn = {
    async appClientOf(stackName) {
      expect(stackName).toBe('samla-prod');
      return { userPoolId, clientId: 'client1' };
    },
    async initiateSrp(clientId, email, srpA) {
      expect(clientId).toBe('client1');
      const user = users[email];
      const verifier = verifiers.get(email);
      if (!user || !verifier) throw refused();
      const b = BigInt(`0x${randomBytes(32).toString('hex')}`);
      const B = (k * verifier.v + modPow(g, b, N)) % N;
      const A = BigInt(`0x${srpA}`);
      const u = scrambler(A, B);
      const key = sessionKey(modPow(A * modPow(verifier.v, u, N), b, N), u);
      const secretBlock = randomBytes(48).toString('base64');
      const session = randomBytes(8).toString('hex');
      sessions.set(session, { email, key, secretBlock, userId: user.userId });
      return {
        challenge: 'PASSWORD_VERIFIER',
        parameters: {
          SALT: verifier.salt.toString(16),
          SRP_B: B.toString(16),
          SECRET_BLOCK: secretBlock,
          USER_ID_FOR_SRP: user.userId,
        },
        session,
      };
    },
    async respond(_clientId, challenge, responses, session) {
      const state = session === undefined ? undefined : sessions.get(session);
      if (!state) throw new CoordinatorError('sign-in refused: Invalid session for the user.');
      const user = users[state.email];
      if (!user) throw refused();
      expect(responses.USERNAME).toBe(state.userId);
      if (challenge === 'PASSWORD_VERIFIER') {
        expect(responses.TIMESTAMP).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d\d:\d\d:\d\d UTC \d{4}$/);
        const expected = passwordClaimSignature(
          state.key,
          poolName,
          state.userId,
          state.secretBlock,
          responses.TIMESTAMP ?? '',
        );
        if (
          responses.PASSWORD_CLAIM_SIGNATURE !== expected ||
          responses.PASSWORD_CLAIM_SECRET_BLOCK !== state.secretBlock
        )
          throw refused();
        if (user.mustChangePassword) return { challenge: 'NEW_PASSWORD_REQUIRED', parameters: {}, session };
        return tokenFor(state.email);
      }
      if (challenge === 'NEW_PASSWORD_REQUIRED' && user.mustChangePassword) {
        user.password = responses.NEW_PASSWORD ?? '';
        user.mustChangePassword = false;
        setPassword(state.email, user.userId, user.password);
        return tokenFor(state.email);
      }
      throw new CoordinatorError(`unexpected ${challenge}`);
    },
  };
  return { cognito, users };
}

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

  it('signs in with SRP, setting the new password the first sign-in asks for', async () => {
    const { cognito, users } = fakeCognito({
      'anna@example.org': { userId: 'f1e2d3c4-uuid', password: 'Temporary-Pass-1', mustChangePassword: true },
    });
    const prompter = answers('Temporary-Pass-1', 'My-own-long-Passw0rd!');
    const first = await signIn(cognito, prompter, request(['--stage', 'prod']));
    expect(first).toEqual({
      idToken: 'id-token-of-anna@example.org',
      expiresIn: 3600,
      passwordChanged: true,
    });
    expect(prompter.asked[1]).toMatch(/First sign-in: choose a new password/);
    expect(users['anna@example.org']?.password).toBe('My-own-long-Passw0rd!');
    // The next time, with the new password, straight to the token.
    const again = await signIn(cognito, answers('My-own-long-Passw0rd!'), request(['--stage', 'prod']));
    expect(again.passwordChanged).toBe(false);
  });

  it('is refused with a wrong password, in Cognito’s words', async () => {
    const { cognito } = fakeCognito({
      'anna@example.org': { userId: 'f1e2d3c4-uuid', password: 'Right-Passw0rd!' },
    });
    await expect(signIn(cognito, answers('Wrong-Passw0rd!'), request(['--stage', 'prod']))).rejects.toThrow(
      /sign-in refused: Incorrect username or password/,
    );
  });
});
