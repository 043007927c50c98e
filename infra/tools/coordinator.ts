/**
 * `npm run coordinator -- add --email anna@example.org --network demo [--network other] [--admin]
 *   [--stage dev | --user-pool-id eu-north-1_AbC123xyz] [--region eu-north-1] | [--local]`
 *
 * Makes someone a coordinator. In AWS: a user in the stack's Cognito user pool (found through the
 * `CoordinatorUserPoolId` output of the stack `samla-<stage>`, or given), who gets a temporary password
 * by email from Cognito, in the group `network-<id>` of each network (the group is created if missing:
 * networks created through the admin API have none) and, with --admin, in `samla-admins`. Running it
 * again for the same address only adds groups.
 *
 * With --local: the same in the local issuer's registry (.local/issuer/coordinators.json), and it
 * prints a token for them (stdout; the rest goes to stderr), so `TOKEN=$(npm run -s coordinator -- …)`.
 *
 * `npm run -s coordinator -- sign-in --email anna@example.org [--stage dev | --user-pool-id … --client-id …]`
 *
 * Signs a coordinator in and prints their ID token, for the admin API. The stack's app client allows
 * SRP only (the password never leaves the machine), which the AWS CLI cannot compute; this does
 * (with amazon-cognito-identity-js), and answers the first sign-in's NEW_PASSWORD_REQUIRED and a TOTP code.
 * Passwords are asked for on the terminal, or read line by line from stdin when it is not one.
 */
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CognitoUserSession, IAuthenticationCallback } from 'amazon-cognito-identity-js';
import { ADMIN_GROUP, networkGroup } from '../../shared/http/auth.ts';
import {
  type LocalCoordinator,
  NoLocalIssuerError,
  normaliseEmail,
  registerCoordinator,
  signWithLocalIssuer,
} from '../local/issuer.ts';

export const usage = [
  'usage: npm run coordinator -- add --email <address> (--network <id>)... [--admin] [where]',
  '       npm run -s coordinator -- sign-in --email <address> [where]   (prints an ID token)',
  '  where, in AWS:  [--stage dev] (the stack samla-<stage>), or --user-pool-id <id> (and for sign-in',
  '                  --client-id <app client id>: then no AWS credentials are needed); [--region <region>]',
  '  where, locally: --local (the issuer npm start runs; there `npm run token` signs in)',
].join('\n');

export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure to report in one line, without a stack trace: a missing credential, a stack not found. */
export class CoordinatorError extends Error {
  override name = 'CoordinatorError';
}

export const NO_CREDENTIALS =
  'no AWS credentials found: run `aws configure` (or `aws sso login`), or set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, then try again';

export interface AwsTarget {
  readonly kind: 'aws';
  readonly stage: string;
  readonly userPoolId?: string;
  readonly clientId?: string;
  readonly region?: string;
}
export type Target = { readonly kind: 'local' } | AwsTarget;

export interface AddCoordinator {
  readonly command: 'add';
  readonly email: string;
  readonly networks: readonly string[];
  readonly admin: boolean;
  readonly target: Target;
}

export interface SignIn {
  readonly command: 'sign-in';
  readonly email: string;
  readonly target: AwsTarget;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// As infra/config.ts has them: a network id, a stage (loadStage), a user pool id, a client id, a region.
const NETWORK_ID = /^[a-z0-9-]{3,40}$/;
const STAGE = /^[a-z][a-z0-9-]{0,19}$/;
const USER_POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[0-9a-z]{1,128}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

function readArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      email: { type: 'string' },
      network: { type: 'string', multiple: true },
      admin: { type: 'boolean' },
      stage: { type: 'string' },
      'user-pool-id': { type: 'string' },
      'client-id': { type: 'string' },
      region: { type: 'string' },
      local: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
}

type Values = ReturnType<typeof readArgs>['values'];

function awsTarget(values: Values, command: 'add' | 'sign-in'): AwsTarget {
  const stage = values.stage ?? 'dev';
  if (!STAGE.test(stage))
    throw new UsageError(
      `--stage ${stage}: a stage is 1–20 characters of a-z, 0-9 and -, starting with a letter`,
    );
  const userPoolId = values['user-pool-id'];
  if (userPoolId !== undefined && !USER_POOL_ID.test(userPoolId))
    throw new UsageError(`--user-pool-id ${userPoolId}: a user pool id looks like eu-north-1_AbC123xyz`);
  if (userPoolId !== undefined && values.stage !== undefined)
    throw new UsageError('give --stage or --user-pool-id, not both: the stage is only used to find the pool');
  const clientId = values['client-id'];
  if (clientId !== undefined && command === 'add')
    throw new UsageError('--client-id is for sign-in: adding a coordinator needs only the pool');
  if (clientId !== undefined && !CLIENT_ID.test(clientId))
    throw new UsageError(`--client-id ${clientId}: an app client id is lower-case letters and digits`);
  if ((clientId === undefined) !== (userPoolId === undefined) && command === 'sign-in')
    throw new UsageError(
      'sign-in takes --user-pool-id and --client-id together (the stack outputs CoordinatorUserPoolId and CoordinatorUserPoolClientId), or --stage for both',
    );
  const poolRegion = userPoolId?.split('_')[0];
  const region = values.region ?? poolRegion;
  if (region !== undefined && !REGION.test(region))
    throw new UsageError(`--region ${region}: a region looks like eu-north-1`);
  if (poolRegion !== undefined && region !== poolRegion)
    throw new UsageError(`--region ${region} is not the region of the user pool ${userPoolId}`);
  return {
    kind: 'aws',
    stage,
    ...(userPoolId === undefined ? {} : { userPoolId }),
    ...(clientId === undefined ? {} : { clientId }),
    ...(region === undefined ? {} : { region }),
  };
}

export function parseCoordinatorArgs(argv: readonly string[]): AddCoordinator | SignIn {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = readArgs(argv));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) throw new UsageError(usage);
  const [command, ...rest] = positionals;
  if ((command !== 'add' && command !== 'sign-in') || rest.length > 0)
    throw new UsageError(
      `${command === undefined ? 'no command' : `unknown command "${positionals.join(' ')}"`}: the commands are add and sign-in\n${usage}`,
    );
  const email = normaliseEmail(values.email ?? '');
  if (!EMAIL.test(email)) throw new UsageError(`--email needs an address such as anna@example.org\n${usage}`);

  if (command === 'sign-in') {
    if (values.network !== undefined || values.admin !== undefined)
      throw new UsageError('sign-in takes no --network or --admin: the token has the groups the user is in');
    if (values.local)
      throw new UsageError(
        `locally, \`npm run -s token -- --email ${email}\` signs in (with the registered groups)`,
      );
    return { command, email, target: awsTarget(values, command) };
  }

  const networks = [...new Set(values.network ?? [])];
  const bad = networks.find((id) => !NETWORK_ID.test(id));
  if (bad !== undefined)
    throw new UsageError(`--network ${bad}: a network id is 3–40 characters of a-z, 0-9 and -`);
  const admin = values.admin ?? false;
  if (networks.length === 0 && !admin)
    throw new UsageError(
      `give --network <id> (one or more), --admin, or both: a coordinator needs a group\n${usage}`,
    );
  if (values.local) {
    const awsOnly = (['stage', 'user-pool-id', 'client-id', 'region'] as const).filter(
      (n) => values[n] !== undefined,
    );
    if (awsOnly.length > 0)
      throw new UsageError(
        `--local has no ${awsOnly.map((name) => `--${name}`).join(' or ')}: those pick an AWS stack`,
      );
    return { command, email, networks, admin, target: { kind: 'local' } };
  }
  return { command, email, networks, admin, target: awsTarget(values, command) };
}

export function groupsOf(request: Pick<AddCoordinator, 'networks' | 'admin'>): string[] {
  return [...request.networks.map(networkGroup), ...(request.admin ? [ADMIN_GROUP] : [])];
}

export interface LocalResult {
  readonly coordinator: LocalCoordinator;
  /** Undefined until npm start has made the issuer. */
  readonly token: string | undefined;
}

/** The local issuer's half: the registry entry, and a token with the coordinator's groups. */
export async function addLocalCoordinator(issuerDir: string, request: AddCoordinator): Promise<LocalResult> {
  const coordinator = registerCoordinator(issuerDir, request);
  try {
    const token = await signWithLocalIssuer(issuerDir, {
      email: request.email,
      ...coordinator,
      expiresIn: 8 * 3600,
    });
    return { coordinator, token };
  } catch (error) {
    if (error instanceof NoLocalIssuerError) return { coordinator, token: undefined };
    throw error;
  }
}

/** What adding a coordinator needs from Cognito and CloudFormation (awsClients below makes the calls). */
export interface CoordinatorDirectory {
  /** The pool's id from the stack's CoordinatorUserPoolId output. */
  userPoolIdOf(stackName: string): Promise<string>;
  /** Creates the user (Cognito emails a temporary password) unless they exist. */
  ensureUser(userPoolId: string, email: string): Promise<'created' | 'existing'>;
  ensureGroup(userPoolId: string, group: string, description: string): Promise<'created' | 'existing'>;
  addToGroup(userPoolId: string, email: string, group: string): Promise<void>;
}

export interface AwsResult {
  readonly userPoolId: string;
  readonly user: 'created' | 'existing';
  readonly groups: readonly { readonly name: string; readonly group: 'created' | 'existing' }[];
}

export async function addAwsCoordinator(
  directory: CoordinatorDirectory,
  request: AddCoordinator & { target: AwsTarget },
): Promise<AwsResult> {
  const userPoolId =
    request.target.userPoolId ?? (await directory.userPoolIdOf(`samla-${request.target.stage}`));
  const user = await directory.ensureUser(userPoolId, request.email);
  const groups: { name: string; group: 'created' | 'existing' }[] = [];
  for (const name of groupsOf(request)) {
    const description =
      name === ADMIN_GROUP
        ? 'samla administrators: create networks, reach every network'
        : `Coordinators of the network ${name.slice('network-'.length)}`;
    groups.push({ name, group: await directory.ensureGroup(userPoolId, name, description) });
    await directory.addToGroup(userPoolId, request.email, name);
  }
  return { userPoolId, user, groups };
}

/**
 * Where signing in goes: the stack's outputs name the pool and its app client. `endpoint` stands in
 * for Cognito's own (https://cognito-idp.<region>.amazonaws.com/, from the pool id) in tests.
 */
export interface CoordinatorSignIn {
  appClientOf(stackName: string): Promise<{ userPoolId: string; clientId: string }>;
  readonly endpoint?: string;
}

export interface Prompter {
  /** A password or code, not echoed. */
  secret(label: string): Promise<string>;
  /** A new password (on a terminal: typed twice). */
  newSecret(label: string): Promise<string>;
}

/** Cognito's own words for a refused sign-in ("Incorrect username or password.") are the clearest. */
function refused(error: unknown): never {
  if (isNamed(error, 'NotAuthorizedException', 'UserNotFoundException', 'PasswordResetRequiredException'))
    throw new CoordinatorError(`sign-in refused: ${error.message}`);
  if (isNamed(error, 'InvalidPasswordException', 'CodeMismatchException', 'ExpiredCodeException'))
    throw new CoordinatorError(`${error.message} Run the command again.`);
  throw error;
}

/**
 * USER_SRP_AUTH through amazon-cognito-identity-js, which computes the PASSWORD_VERIFIER answer;
 * this answers the first sign-in's NEW_PASSWORD_REQUIRED and a TOTP code from the prompter.
 */
export async function signIn(
  cognito: CoordinatorSignIn,
  prompter: Prompter,
  request: SignIn,
): Promise<{ idToken: string; expiresIn: number | undefined; passwordChanged: boolean }> {
  const { target, email } = request;
  const { userPoolId, clientId } =
    target.userPoolId !== undefined && target.clientId !== undefined
      ? { userPoolId: target.userPoolId, clientId: target.clientId }
      : await cognito.appClientOf(`samla-${target.stage}`);
  const password = await prompter.secret(`Password for ${email}: `);
  const { AuthenticationDetails, CognitoUser, CognitoUserPool } = await import('amazon-cognito-identity-js');
  const pool = new CognitoUserPool({
    UserPoolId: userPoolId,
    ClientId: clientId,
    ...(cognito.endpoint === undefined ? {} : { endpoint: cognito.endpoint }),
  });
  // Without a browser the tokens stay in the library's memory storage; only stdout gets the ID token.
  const user = new CognitoUser({ Username: email, Pool: pool });
  let passwordChanged = false;
  const session = await new Promise<CognitoUserSession>((resolve, reject) => {
    const cannotAnswer = (challenge: string) =>
      reject(new CoordinatorError(`Cognito asks for ${challenge}, which this command cannot answer`));
    const callbacks: IAuthenticationCallback = {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired() {
        prompter
          .newSecret(
            'First sign-in: choose a new password (the pool requires at least 14 characters with upper and lower case, a digit and a symbol): ',
          )
          .then((newPassword) => {
            passwordChanged = true;
            user.completeNewPasswordChallenge(newPassword, {}, callbacks);
          }, reject);
      },
      totpRequired() {
        prompter
          .secret('Code from your authenticator app: ')
          .then((code) => user.sendMFACode(code, callbacks, 'SOFTWARE_TOKEN_MFA'), reject);
      },
      mfaRequired: cannotAnswer,
      mfaSetup: cannotAnswer,
      selectMFAType: cannotAnswer,
      customChallenge: () => cannotAnswer('CUSTOM_CHALLENGE'),
    };
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), callbacks);
  }).catch(refused);
  const idToken = session.getIdToken();
  // The library keeps the token's claims, not the response's ExpiresIn: exp - iat is the same span.
  const { exp, iat } = idToken.payload;
  const expiresIn = typeof exp === 'number' && typeof iat === 'number' ? exp - iat : undefined;
  return { idToken: idToken.getJwtToken(), expiresIn, passwordChanged };
}

function isNamed(error: unknown, ...names: string[]): error is Error {
  return error instanceof Error && names.includes(error.name);
}

/**
 * The AWS calls, one SDK call per method. The SDKs load only here: the local mode and the tests of
 * the rest never pay for them. Credentials are checked first when a call needs them, so that a machine
 * without any gets one line instead of a trace; signing in with a given pool and client needs none.
 */
export async function awsClients(region: string | undefined, needsCredentials: boolean) {
  // See infra/local/runtime.ts: the SDK's Node 22 notice would bury the one line this prints.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [idp, cfn] = await Promise.all([
    import('@aws-sdk/client-cognito-identity-provider'),
    import('@aws-sdk/client-cloudformation'),
  ]);
  const config = region === undefined ? {} : { region };
  const cognito = new idp.CognitoIdentityProviderClient(config);
  const cloudFormation = new cfn.CloudFormationClient(config);
  if (needsCredentials) {
    try {
      await cognito.config.credentials();
    } catch (error) {
      const detail =
        error instanceof Error && !/any providers/i.test(error.message) ? ` (${error.message})` : '';
      throw new CoordinatorError(`${NO_CREDENTIALS}${detail}`);
    }
  }
  let resolvedRegion: string;
  try {
    resolvedRegion = await cognito.config.region();
  } catch {
    throw new CoordinatorError(
      'no AWS region: pass --region, set AWS_REGION, or give your profile one (`aws configure`)',
    );
  }

  async function outputsOf(stackName: string): Promise<Map<string, string>> {
    try {
      const { Stacks } = await cloudFormation.send(new cfn.DescribeStacksCommand({ StackName: stackName }));
      return new Map(
        (Stacks?.[0]?.Outputs ?? []).flatMap((o) =>
          o.OutputKey && o.OutputValue ? [[o.OutputKey, o.OutputValue] as const] : [],
        ),
      );
    } catch (error) {
      if (isNamed(error, 'ValidationError') && /does not exist/.test(error.message))
        throw new CoordinatorError(
          `there is no stack ${stackName} in ${resolvedRegion}: deploy it (\`npx cdk deploy -c stage=…\`), or pass --stage, --region or --user-pool-id`,
        );
      throw error;
    }
  }
  function output(outputs: Map<string, string>, stackName: string, name: string): string {
    const value = outputs.get(name);
    if (value === undefined)
      throw new CoordinatorError(`the stack ${stackName} has no ${name} output: is it a samla stack?`);
    return value;
  }
  const directory: CoordinatorDirectory = {
    async userPoolIdOf(stackName) {
      return output(await outputsOf(stackName), stackName, 'CoordinatorUserPoolId');
    },
    async ensureUser(userPoolId, email) {
      try {
        await cognito.send(new idp.AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
        return 'existing';
      } catch (error) {
        if (!isNamed(error, 'UserNotFoundException')) throw error;
      }
      try {
        await cognito.send(
          new idp.AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: email,
            UserAttributes: [
              { Name: 'email', Value: email },
              // The invitation goes to this address, and account recovery needs it verified.
              { Name: 'email_verified', Value: 'true' },
            ],
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
        return 'created';
      } catch (error) {
        if (isNamed(error, 'UsernameExistsException')) return 'existing';
        throw error;
      }
    },
    async ensureGroup(userPoolId, group, description) {
      try {
        await cognito.send(
          new idp.CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group, Description: description }),
        );
        return 'created';
      } catch (error) {
        if (isNamed(error, 'GroupExistsException')) return 'existing';
        throw error;
      }
    },
    async addToGroup(userPoolId, email, group) {
      await cognito.send(
        new idp.AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
      );
    },
  };

  const signInCalls: CoordinatorSignIn = {
    async appClientOf(stackName) {
      const outputs = await outputsOf(stackName);
      return {
        userPoolId: output(outputs, stackName, 'CoordinatorUserPoolId'),
        clientId: output(outputs, stackName, 'CoordinatorUserPoolClientId'),
      };
    },
  };
  return { directory, signIn: signInCalls };
}

/** Asks on the terminal without echoing, or takes stdin's lines in order when it is not a terminal. */
function terminalPrompter(): Prompter & { close(): void } {
  const input = process.stdin;
  if (!input.isTTY) {
    let lines: Promise<string[]> | undefined;
    let next = 0;
    const read = async (label: string) => {
      lines ??= text(input).then((all) => all.split(/\r?\n/));
      const line = (await lines)[next++];
      if (line === undefined || line === '')
        throw new CoordinatorError(
          `${label.replace(/[:\s(].*$/s, '')}: stdin has no line for it (one line per answer)`,
        );
      return line;
    };
    return { secret: read, newSecret: read, close: () => {} };
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output, terminal: true });
  const ask = async (label: string) => {
    process.stderr.write(label);
    muted = true;
    try {
      return await rl.question('');
    } finally {
      muted = false;
      process.stderr.write('\n');
    }
  };
  return {
    secret: ask,
    async newSecret(label) {
      for (;;) {
        const first = await ask(label);
        if ((await ask('Once more: ')) === first) return first;
        process.stderr.write('The two differ; again.\n');
      }
    },
    close: () => rl.close(),
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const request = parseCoordinatorArgs(argv);
  if (request.command === 'sign-in') {
    const { target } = request;
    const viaStack = target.userPoolId === undefined || target.clientId === undefined;
    const { signIn: calls } = await awsClients(target.region, viaStack);
    const prompter = terminalPrompter();
    try {
      const result = await signIn(calls, prompter, request);
      const minutes =
        result.expiresIn === undefined ? '' : ` for ${Math.round(result.expiresIn / 60)} minutes`;
      console.error(
        `Signed in as ${request.email}${result.passwordChanged ? ' (new password set)' : ''}; the ID token is valid${minutes}.`,
      );
      process.stdout.write(`${result.idToken}\n`);
    } finally {
      prompter.close();
    }
    return;
  }
  const { target } = request;
  if (target.kind === 'local') {
    const { repoRoot } = await import('../local/lambda.ts');
    // The issuer of the npm start this is for: SAMLA_LOCAL_DIR moves it, as it moves npm start's.
    const dir = join(resolve(process.env.SAMLA_LOCAL_DIR || join(repoRoot, '.local')), 'issuer');
    const { coordinator, token } = await addLocalCoordinator(dir, request);
    console.error(
      `${request.email} coordinates ${groupsOf(coordinator).join(', ')} in the local issuer (${join(dir, 'coordinators.json')}).`,
    );
    if (token === undefined)
      console.error(
        `No token yet: run \`npm start\` once, then \`npm run -s token -- --email ${request.email}\` gives one.`,
      );
    else process.stdout.write(`${token}\n`);
    return;
  }
  const { directory } = await awsClients(target.region, true);
  const result = await addAwsCoordinator(directory, { ...request, target });
  console.log(
    [
      `${request.email} in the user pool ${result.userPoolId}: ${
        result.user === 'created'
          ? 'created; Cognito has emailed a temporary password, to be changed at the first sign-in'
          : 'already there (no new password sent)'
      }`,
      ...result.groups.map((g) => `  member of ${g.name}${g.group === 'created' ? ' (group created)' : ''}`),
    ].join('\n'),
  );
}

// Run as the CLI, not when a test imports it.
const script = process.argv[1];
if (script !== undefined && import.meta.url === pathToFileURL(resolve(script)).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof UsageError || error instanceof CoordinatorError) console.error(error.message);
    else if (error instanceof Error) console.error(`coordinator: ${error.name}: ${error.message}`);
    else console.error(`coordinator: ${String(error)}`);
    process.exit(1);
  });
}
