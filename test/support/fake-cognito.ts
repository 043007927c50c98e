/**
 * Cognito's side of the SRP sign-in (USER_SRP_AUTH, PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED), served
 * over HTTP as the real endpoint speaks it, so the client library signs in against it unchanged.
 *
 * The server keeps only the verifier v = g^x, never the password, and computes its key from it
 * independently of the client (SRP-6a, RFC 5054's 3072-bit group, SHA-256, Cognito's HKDF): the
 * client's signature only matches when both sides arrived at the same key.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

/** Even-length hex of a non-negative number, with a 00 byte in front when the top bit is set (Java's). */
function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hexHash = (hex: string) => sha256Hex(Buffer.from(hex, 'hex'));
const fromHex = (hex: string) => BigInt(`0x${hex}`);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

const k = fromHex(hexHash(padHex(N) + padHex(g)));

/** HKDF-SHA256 (one block, 16 bytes) of the shared secret S, salted with u. */
function sessionKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  return createHmac('sha256', prk).update('Caldera Derived Key\u0001').digest().subarray(0, 16);
}

export interface FakeUser {
  /** USER_ID_FOR_SRP: in an email-username pool, not the email. */
  readonly userId: string;
  password: string;
  mustChangePassword?: boolean;
  /** With one, a TOTP code is asked for after the password, and this is the right one. */
  totpCode?: string;
}

/** An unsigned JWT with the claims the client reads (nothing here checks a signature). */
function idToken(email: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none' })}.${part({ email, token_use: 'id', iat, exp: iat + 3600 })}.`;
}

class CognitoFault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fakeCognito(users: Record<string, FakeUser>) {
  const userPoolId = 'eu-north-1_AbC123xyz';
  const poolName = 'AbC123xyz';
  const clientId = 'client1';
  const timestamps: string[] = [];
  const sessions = new Map<string, { email: string; key: Buffer; secretBlock: string }>();
  const verifiers = new Map<string, { salt: bigint; v: bigint }>();
  const setVerifier = (email: string, user: FakeUser) => {
    const salt = fromHex(randomBytes(16).toString('hex'));
    const x = fromHex(hexHash(padHex(salt) + sha256Hex(`${poolName}${user.userId}:${user.password}`)));
    verifiers.set(email, { salt, v: modPow(g, x, N) });
  };
  for (const [email, user] of Object.entries(users)) setVerifier(email, user);
  const refused = () => new CognitoFault('NotAuthorizedException', 'Incorrect username or password.');
  const tokens = (email: string) => ({
    AuthenticationResult: { IdToken: idToken(email), AccessToken: idToken(email), ExpiresIn: 3600 },
  });

  function initiateAuth(request: {
    AuthFlow: string;
    ClientId: string;
    AuthParameters: Record<string, string>;
  }) {
    if (request.AuthFlow !== 'USER_SRP_AUTH' || request.ClientId !== clientId)
      throw new CognitoFault(
        'InvalidParameterException',
        `unexpected ${request.AuthFlow} for ${request.ClientId}`,
      );
    const email = request.AuthParameters.USERNAME ?? '';
    const user = users[email];
    const verifier = verifiers.get(email);
    if (!user || !verifier) throw refused();
    const b = fromHex(randomBytes(32).toString('hex'));
    const B = (k * verifier.v + modPow(g, b, N)) % N;
    const A = fromHex(request.AuthParameters.SRP_A ?? '');
    const u = fromHex(hexHash(padHex(A) + padHex(B)));
    const key = sessionKey(modPow(A * modPow(verifier.v, u, N), b, N), u);
    const secretBlock = randomBytes(48).toString('base64');
    const session = randomBytes(8).toString('hex');
    sessions.set(session, { email, key, secretBlock });
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: {
        SALT: verifier.salt.toString(16),
        SRP_B: B.toString(16),
        SECRET_BLOCK: secretBlock,
        USER_ID_FOR_SRP: user.userId,
      },
      Session: session,
    };
  }

  function respond(request: {
    ChallengeName: string;
    ChallengeResponses: Record<string, string>;
    Session?: string;
  }) {
    const state = request.Session === undefined ? undefined : sessions.get(request.Session);
    if (!state) throw new CognitoFault('NotAuthorizedException', 'Invalid session for the user.');
    const user = users[state.email];
    if (!user) throw refused();
    const responses = request.ChallengeResponses;
    if (responses.USERNAME !== user.userId) throw refused();
    if (request.ChallengeName === 'PASSWORD_VERIFIER') {
      const timestamp = responses.TIMESTAMP ?? '';
      timestamps.push(timestamp);
      const expected = createHmac('sha256', state.key)
        .update(
          Buffer.concat([
            Buffer.from(poolName + user.userId, 'utf8'),
            Buffer.from(state.secretBlock, 'base64'),
            Buffer.from(timestamp, 'utf8'),
          ]),
        )
        .digest('base64');
      if (
        responses.PASSWORD_CLAIM_SIGNATURE !== expected ||
        responses.PASSWORD_CLAIM_SECRET_BLOCK !== state.secretBlock
      )
        throw refused();
      if (user.totpCode !== undefined)
        return { ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {}, Session: request.Session };
      if (user.mustChangePassword)
        return {
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          // As Cognito sends them: JSON in strings.
          ChallengeParameters: {
            userAttributes: JSON.stringify({ email: state.email }),
            requiredAttributes: '[]',
          },
          Session: request.Session,
        };
      return tokens(state.email);
    }
    if (request.ChallengeName === 'NEW_PASSWORD_REQUIRED' && user.mustChangePassword) {
      user.password = responses.NEW_PASSWORD ?? '';
      user.mustChangePassword = false;
      setVerifier(state.email, user);
      return tokens(state.email);
    }
    if (request.ChallengeName === 'SOFTWARE_TOKEN_MFA' && user.totpCode !== undefined) {
      if (responses.SOFTWARE_TOKEN_MFA_CODE !== user.totpCode)
        throw new CognitoFault('CodeMismatchException', 'Invalid code received for user');
      return tokens(state.email);
    }
    throw new CognitoFault('InvalidParameterException', `unexpected ${request.ChallengeName}`);
  }

  const server = createServer(async (req, res) => {
    const operation = String(req.headers['x-amz-target'] ?? '').replace(
      'AWSCognitoIdentityProviderService.',
      '',
    );
    const body = JSON.parse(await text(req));
    let status = 200;
    let answer: object;
    try {
      if (operation === 'InitiateAuth') answer = initiateAuth(body);
      else if (operation === 'RespondToAuthChallenge') answer = respond(body);
      else throw new CognitoFault('UnknownOperationException', operation);
    } catch (error) {
      if (!(error instanceof CognitoFault)) throw error;
      status = 400;
      answer = { __type: error.type, message: error.message };
    }
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    userPoolId,
    clientId,
    endpoint: `http://127.0.0.1:${port}/`,
    /** The TIMESTAMP of each PASSWORD_VERIFIER answer, in order. */
    timestamps,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
