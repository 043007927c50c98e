/**
 * `npm run token -- --email anna@example.org [--network demo] [--network other] [--admin] [--hours 8]`
 *
 * Prints a coordinator ID token signed by npm start's local issuer (.local/issuer/), for
 * `curl -H "authorization: Bearer $TOKEN" http://127.0.0.1:3000/v1/admin/…`. Use `npm run -s token`
 * to get the token alone, e.g. `TOKEN=$(npm run -s token -- --email … --network demo)`.
 *
 * Without --network and --admin the token has the groups of the coordinator that
 * `npm run coordinator -- add --local` registered, as signing in to the user pool would give them.
 * Groups beyond those are still signed (tests and quick tries need that), with a note on stderr.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  NoLocalIssuerError,
  readCoordinators,
  signWithLocalIssuer,
  ungrantedGroups,
} from '../local/issuer.ts';
import { repoRoot } from '../local/lambda.ts';

const usage =
  'usage: npm run token -- --email you@example.org [--network demo] [--network other] [--admin] [--hours 8]';

class UsageError extends Error {}

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        network: { type: 'string', multiple: true },
        admin: { type: 'boolean' },
        hours: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

function parse(argv: string[]) {
  const values = readArgs(argv);
  if (values.help) throw new UsageError(usage);
  const email = values.email?.trim().toLowerCase() ?? '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new UsageError(`--email needs an address such as you@example.org\n${usage}`);
  const networks = values.network ?? [];
  const bad = networks.find((id) => !/^[a-z0-9-]{3,40}$/.test(id));
  if (bad !== undefined)
    throw new UsageError(`--network ${bad}: a network id is 3–40 characters of a-z, 0-9, -`);
  const hours = values.hours === undefined ? 8 : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 7)
    throw new UsageError('--hours must be a number of hours above 0 and at most 168');
  return { email, networks, admin: values.admin ?? false, hours };
}

async function main(): Promise<void> {
  const request = parse(process.argv.slice(2));
  // The issuer of the npm start this is for: SAMLA_LOCAL_DIR moves it, as it moves npm start's.
  const dir = join(resolve(process.env.SAMLA_LOCAL_DIR || join(repoRoot, '.local')), 'issuer');
  const registry = readCoordinators(dir);
  const registered = registry[request.email];
  let { networks, admin } = request;
  if (networks.length === 0 && !admin) {
    if (registered === undefined)
      throw new UsageError(
        `${request.email} is not a local coordinator: give --network <id> (one or more) or --admin, or register them with\n` +
          `  npm run coordinator -- add --local --email ${request.email} --network <id>\n${usage}`,
      );
    ({ networks, admin } = registered);
  } else {
    const extra = ungrantedGroups(registry, { email: request.email, networks, admin });
    if (extra.length > 0)
      console.error(
        registered === undefined
          ? `note: ${request.email} is not a registered local coordinator; the token has ${extra.join(', ')} anyway. \`npm run coordinator -- add --local\` registers them (.local/issuer/coordinators.json).`
          : `note: the local registry does not give ${request.email} ${extra.join(', ')}; the token has them anyway.`,
      );
  }
  const token = await signWithLocalIssuer(dir, {
    email: request.email,
    networks,
    admin,
    expiresIn: Math.round(request.hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof NoLocalIssuerError;
  console.error(known ? (error as Error).message : `token: ${(error as Error).message}`);
  process.exit(1);
});
