/**
 * The client side of Cognito's SRP sign-in (USER_SRP_AUTH, then the PASSWORD_VERIFIER challenge): the
 * only password flow the stack's app client allows, since the password then never leaves the machine.
 * The AWS CLI cannot compute it, so `npm run coordinator -- sign-in` does, with these functions.
 *
 * It is SRP-6a over the 3072-bit group of RFC 5054 with SHA-256, as Amazon's own clients implement it
 * (amazon-cognito-identity-js's AuthenticationHelper): numbers are hashed as the hex of their shortest
 * two's-complement bytes, x hashes `<pool name><user id>:<password>`, and the session key is an HKDF
 * with the info "Caldera Derived Key".
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;

/** Even-length hex of a non-negative number, with a 00 byte in front when the top bit is set. */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex takes a non-negative number');
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of the bytes a hex string spells. */
export function hexHash(hex: string): string {
  return sha256Hex(Buffer.from(hex, 'hex'));
}

const fromHex = (hex: string) => BigInt(`0x${hex}`);

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** The SRP multiplier, k = H(N, g). */
export const k = fromHex(hexHash(padHex(N) + padHex(g)));

export interface SrpClientSecret {
  /** The client's secret exponent: 128 random bytes. */
  readonly a: bigint;
  /** The client's public value, g^a mod N. */
  readonly A: bigint;
}

export function srpClientSecret(a: bigint = fromHex(randomBytes(128).toString('hex'))): SrpClientSecret {
  const A = modPow(g, a, N);
  if (A === 0n) throw new Error('A mod N is 0: draw another a');
  return { a, A };
}

/** x = H(salt, H(<pool name><user id>:<password>)): what the pool's verifier g^x was made from. */
export function passwordExponent(poolName: string, userId: string, password: string, salt: bigint): bigint {
  return fromHex(hexHash(padHex(salt) + sha256Hex(`${poolName}${userId}:${password}`)));
}

/** u = H(A, B). */
export function scrambler(A: bigint, B: bigint): bigint {
  return fromHex(hexHash(padHex(A) + padHex(B)));
}

/** HKDF-SHA256 (one block, 16 bytes) of the shared secret S, salted with u. */
export function sessionKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  return createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
}

export interface PasswordKeyInput {
  /** The part of the user pool id after the underscore. */
  readonly poolName: string;
  /** USER_ID_FOR_SRP from the challenge (for an email-username pool, not the email). */
  readonly userId: string;
  readonly password: string;
  readonly secret: SrpClientSecret;
  /** SRP_B and SALT from the challenge. */
  readonly B: bigint;
  readonly salt: bigint;
}

/** The key both sides arrive at: S = (B - k·g^x)^(a + u·x) mod N, through the HKDF. */
export function passwordAuthenticationKey(input: PasswordKeyInput): Buffer {
  if (input.B % N === 0n) throw new Error('SRP_B mod N is 0: refusing the challenge');
  const u = scrambler(input.secret.A, input.B);
  if (u === 0n) throw new Error('u is 0: refusing the challenge');
  const x = passwordExponent(input.poolName, input.userId, input.password, input.salt);
  const S = modPow(input.B - k * modPow(g, x, N), input.secret.a + u * x, N);
  return sessionKey(S, u);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Cognito's TIMESTAMP, e.g. "Tue Mar 3 09:05:07 UTC 2026": Java's "EEE MMM d HH:mm:ss z yyyy" in UTC. */
export function cognitoTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

/** PASSWORD_CLAIM_SIGNATURE: HMAC of pool name, user id, the challenge's secret block and the timestamp. */
export function passwordClaimSignature(
  key: Buffer,
  poolName: string,
  userId: string,
  secretBlock: string,
  timestamp: string,
): string {
  return createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(poolName, 'utf8'),
        Buffer.from(userId, 'utf8'),
        Buffer.from(secretBlock, 'base64'),
        Buffer.from(timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
}

/** The PASSWORD_VERIFIER challenge's parameters, as InitiateAuth returns them. */
export interface PasswordVerifierChallenge {
  readonly SALT: string;
  readonly SRP_B: string;
  readonly SECRET_BLOCK: string;
  readonly USER_ID_FOR_SRP: string;
}

/** The ChallengeResponses answering PASSWORD_VERIFIER. */
export function passwordVerifierResponses(options: {
  userPoolId: string;
  password: string;
  secret: SrpClientSecret;
  challenge: PasswordVerifierChallenge;
  now?: Date;
}): Record<string, string> {
  const poolName = options.userPoolId.slice(options.userPoolId.indexOf('_') + 1);
  const { challenge } = options;
  const key = passwordAuthenticationKey({
    poolName,
    userId: challenge.USER_ID_FOR_SRP,
    password: options.password,
    secret: options.secret,
    B: fromHex(challenge.SRP_B),
    salt: fromHex(challenge.SALT),
  });
  const timestamp = cognitoTimestamp(options.now ?? new Date());
  return {
    USERNAME: challenge.USER_ID_FOR_SRP,
    PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
    PASSWORD_CLAIM_SIGNATURE: passwordClaimSignature(
      key,
      poolName,
      challenge.USER_ID_FOR_SRP,
      challenge.SECRET_BLOCK,
      timestamp,
    ),
    TIMESTAMP: timestamp,
  };
}
