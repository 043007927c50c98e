/**
 * `npm run token -- --email anna@example.org --network demo [--network other] [--admin] [--hours 8]`
 *
 * Prints a coordinator ID token signed by npm start's local issuer (.local/issuer/), for
 * `curl -H "authorization: Bearer $TOKEN" http://127.0.0.1:3000/v1/admin/…`. Use `npm run -s token`
 * to get the token alone, e.g. `TOKEN=$(npm run -s token -- --email … --network demo)`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readIssuerInfo, readSigningKey, signToken } from './issuer.ts';
import { repoRoot } from './lambda.ts';

const usage =
  'usage: npm run token -- --email you@example.org --network demo [--network other] [--admin] [--hours 8]';

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
  if (networks.length === 0 && !values.admin)
    throw new UsageError(`give --network <id> (one or more) or --admin\n${usage}`);
  const hours = values.hours === undefined ? 8 : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 7)
    throw new UsageError('--hours must be a number of hours above 0 and at most 168');
  return { email, networks, admin: values.admin ?? false, hours };
}

async function main(): Promise<void> {
  const request = parse(process.argv.slice(2));
  const dir = join(repoRoot, '.local', 'issuer');
  const key = readSigningKey(dir);
  const info = readIssuerInfo(dir);
  if (key === undefined || info === undefined) {
    throw new UsageError(
      'No local token issuer yet: run `npm start` once (it creates .local/issuer/), then ask again.',
    );
  }
  const token = await signToken(key, info, {
    email: request.email,
    networks: request.networks,
    admin: request.admin,
    expiresIn: Math.round(request.hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `token: ${(error as Error).message}`);
  process.exit(1);
});
