import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import {
  type ConsentEntry,
  type MailCategory,
  type OptOutScope,
  optOutCovers,
  personId,
  type SuppressionReason,
  suppressionHash,
} from '../domain/person.ts';
import { normaliseEmail } from '../domain/registration.ts';
import type { Language } from '../i18n.ts';
import { isConditionalCheckFailed, isTransactionCancelled } from './errors.ts';
import { keys } from './keys.ts';
import { getItems } from './person-data.ts';
import { spendToken } from './tokens.ts';

/**
 * A person's own partition (PERSON#<id>): the profile that dates their last activity, the consent log and
 * their opt-outs; and the suppression list, which outlives an erasure as a hash.
 */

/**
 * Notes that the person did something (confirmed, answered, said they want to stay): the retention sweep
 * counts inactivity from here, and a pending "do you want to stay?" is settled.
 */
export async function touchPerson(email: string, language: Language, now: Date): Promise<void> {
  const id = personId(email);
  const at = now.toISOString();
  const index = keys.activity(at, id);
  await dynamo.send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.person(id),
      UpdateExpression:
        'SET #type = :type, email = :email, #language = :language, lastActiveAt = :at, gsi1pk = :gpk, gsi1sk = :gsk, gsi2pk = :ppk, gsi2sk = :psk REMOVE stayAskedAt, stayAnswerDueAt',
      ExpressionAttributeNames: { '#type': 'type', '#language': 'language' },
      ExpressionAttributeValues: {
        ':type': 'person',
        ':email': normaliseEmail(email),
        ':language': language,
        ':at': at,
        ':gpk': index.gsi1pk,
        ':gsk': index.gsi1sk,
        ':ppk': keys.personIndex(id, 'person').gsi2pk,
        ':psk': keys.personIndex(id, 'person').gsi2sk,
      },
    }),
  );
}

/** An entry of the consent log; entries of one instant stay apart by subject and network. */
function consentItem(person: string, entry: ConsentEntry): Record<string, unknown> {
  return {
    ...keys.consent(person, entry.at, `${entry.subject}#${entry.networkId}`),
    type: 'consent',
    ...entry,
  };
}

export async function recordConsent(email: string, entry: ConsentEntry): Promise<void> {
  await dynamo.send(
    new PutCommand({ TableName: env.tableName(), Item: consentItem(personId(email), entry) }),
  );
}

/**
 * Sets what the person no longer wants from a network, spending the unsubscribe link in the same
 * transaction and logging the withdrawal. "all" is never narrowed back to "reminders" by a later click.
 */
export async function optOutWithToken(
  person: string,
  networkId: string,
  scope: OptOutScope,
  tokenHash: string,
  now: Date,
): Promise<'done' | 'token-not-usable'> {
  const at = now.toISOString();
  const entry: ConsentEntry = {
    at,
    action: 'withdrew',
    subject: `mail-${scope}`,
    networkId,
    wording: 'unsubscribe-v1',
  };
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          spendToken(env.tableName(), tokenHash, at),
          {
            Update: {
              TableName: env.tableName(),
              Key: keys.optOut(person, networkId),
              UpdateExpression:
                scope === 'all'
                  ? 'SET #type = :type, networkId = :networkId, #scope = :scope, updatedAt = :at'
                  : 'SET #type = :type, networkId = :networkId, #scope = if_not_exists(#scope, :scope), updatedAt = :at',
              ExpressionAttributeNames: { '#type': 'type', '#scope': 'scope' },
              ExpressionAttributeValues: {
                ':type': 'opt-out',
                ':networkId': networkId,
                ':scope': scope,
                ':at': at,
              },
            },
          },
          {
            Put: { TableName: env.tableName(), Item: consentItem(person, entry) },
          },
        ],
      }),
    );
    return 'done';
  } catch (error) {
    if (isTransactionCancelled(error)) return 'token-not-usable';
    throw error;
  }
}

/**
 * A member changes their mind from an unsubscribe link already used: `none` turns the network's mail
 * back on, a scope opts out again. No token is spent (the link's first use did that); each change is
 * in the consent log.
 */
export async function setMailChoice(
  person: string,
  networkId: string,
  choice: OptOutScope | 'none',
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const previous = choice === 'none' ? await getOptOut(person, networkId) : undefined;
  const entry: ConsentEntry =
    choice === 'none'
      ? { at, action: 'agreed', subject: `mail-${previous ?? 'all'}`, networkId, wording: 'unsubscribe-v1' }
      : { at, action: 'withdrew', subject: `mail-${choice}`, networkId, wording: 'unsubscribe-v1' };
  const change =
    choice === 'none'
      ? { Delete: { TableName: env.tableName(), Key: keys.optOut(person, networkId) } }
      : {
          Put: {
            TableName: env.tableName(),
            Item: {
              ...keys.optOut(person, networkId),
              type: 'opt-out',
              networkId,
              scope: choice,
              updatedAt: at,
            },
          },
        };
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: [change, { Put: { TableName: env.tableName(), Item: consentItem(person, entry) } }],
    }),
  );
}

/** A coordinator turns a network's digest off (`off`) or back on; the scheduled digest skips them while off. */
export async function setDigestOptOut(
  person: string,
  networkId: string,
  off: boolean,
  now: Date,
): Promise<void> {
  const key = keys.digestOptOut(person, networkId);
  if (off)
    await dynamo.send(
      new PutCommand({
        TableName: env.tableName(),
        Item: { ...key, type: 'digest-opt-out', networkId, at: now.toISOString() },
      }),
    );
  else await dynamo.send(new DeleteCommand({ TableName: env.tableName(), Key: key }));
}

export async function hasDigestOptOut(person: string, networkId: string): Promise<boolean> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: env.tableName(),
      Key: keys.digestOptOut(person, networkId),
      ConsistentRead: true,
    }),
  );
  return Item !== undefined;
}

export async function getOptOut(person: string, networkId: string): Promise<OptOutScope | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: env.tableName(), Key: keys.optOut(person, networkId), ConsistentRead: true }),
  );
  return Item?.scope as OptOutScope | undefined;
}

export async function suppressAddress(email: string, reason: SuppressionReason, now: Date): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: env.tableName(),
      Item: {
        ...keys.suppression(suppressionHash(email)),
        type: 'suppression',
        reason,
        at: now.toISOString(),
      },
    }),
  );
}

export type MailPermission = 'send' | 'suppressed' | 'opted-out';

/**
 * Whether a mail may go to this address: never to a suppressed one; a network's reminders or news not to
 * someone who opted out of them. One BatchGet, read strongly so an unsubscribe counts at once.
 */
export async function mailPermission(
  email: string,
  audience: { networkId: string; category: MailCategory } | undefined,
): Promise<MailPermission> {
  const suppression = keys.suppression(suppressionHash(email));
  const optOut = audience ? keys.optOut(personId(email), audience.networkId) : undefined;
  const { Responses, UnprocessedKeys } = await dynamo.send(
    new BatchGetCommand({
      RequestItems: {
        [env.tableName()]: {
          Keys: optOut ? [suppression, optOut] : [suppression],
          ConsistentRead: true,
        },
      },
    }),
  );
  if (Object.keys(UnprocessedKeys ?? {}).length > 0) {
    // Throttled: deciding without the suppression list could mail someone who asked never to be mailed.
    throw Object.assign(new Error('Suppression check not processed; try again'), {
      name: 'ThrottlingException',
    });
  }
  const items = Responses?.[env.tableName()] ?? [];
  if (items.some((item) => item.pk === suppression.pk)) return 'suppressed';
  const scope = items.find((item) => item.pk === optOut?.pk && item.sk === optOut?.sk)?.scope as
    | OptOutScope
    | undefined;
  return audience && optOutCovers(scope, audience.category) ? 'opted-out' : 'send';
}

/**
 * Which of these addresses a network's mail of `category` does not reach: blocked, or opted out of it.
 * For the console, so a coordinator can see who is not told; strongly read, like mailPermission.
 */
export async function unreachable(
  networkId: string,
  emails: readonly string[],
  category: MailCategory,
): Promise<Set<string>> {
  // By key: two spellings of one address share their items, and a BatchGet takes no key twice.
  const wanted = new Map<string, { key: { pk: string; sk: string }; emails: string[] }>();
  for (const email of emails)
    for (const key of [keys.suppression(suppressionHash(email)), keys.optOut(personId(email), networkId)]) {
      const id = `${key.pk}\0${key.sk}`;
      const entry = wanted.get(id) ?? { key, emails: [] };
      entry.emails.push(email);
      wanted.set(id, entry);
    }
  const items = await getItems([...wanted.values()].map((entry) => entry.key));
  const out = new Set<string>();
  for (const item of items) {
    const reaches =
      item.type === 'opt-out'
        ? !optOutCovers(item.scope as OptOutScope, category)
        : item.type !== 'suppression';
    if (!reaches) for (const email of wanted.get(`${item.pk}\0${item.sk}`)?.emails ?? []) out.add(email);
  }
  return out;
}

export interface PersonProfile {
  personId: string;
  email: string;
  language: Language;
  lastActiveAt: string;
}

/**
 * People whose last activity is before `before`, oldest first (the activity index), at most `limit`: the
 * retention sweep's work list. Those already asked are in the other partition and not listed.
 */
export async function listInactive(before: string, limit: number): Promise<PersonProfile[]> {
  return listProfiles(keys.activity('').gsi1pk, before, limit);
}

/** People asked whether they want to stay whose time to answer ended before `before`. */
export async function listStayAnswerDue(before: string, limit: number): Promise<PersonProfile[]> {
  return listProfiles(keys.stayAsked('').gsi1pk, before, limit);
}

async function listProfiles(partition: string, before: string, limit: number): Promise<PersonProfile[]> {
  const { Items } = await dynamo.send(
    new QueryCommand({
      TableName: env.tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': partition, ':before': before },
      Limit: limit,
    }),
  );
  return (Items ?? []).map((item) => ({
    personId: keys.personIdOf(String(item.pk)),
    email: String(item.email),
    language: item.language as Language,
    lastActiveAt: String(item.lastActiveAt),
  }));
}

/**
 * Moves a person from the activity list to the asked list, unless they were active since the sweep read
 * them (then the question is not sent: `false`).
 */
export async function markStayAsked(
  profile: PersonProfile,
  answerDueAt: string,
  now: Date,
): Promise<boolean> {
  const index = keys.stayAsked(answerDueAt, profile.personId);
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.person(profile.personId),
        UpdateExpression: 'SET stayAskedAt = :now, stayAnswerDueAt = :due, gsi1pk = :gpk, gsi1sk = :gsk',
        ConditionExpression: 'lastActiveAt = :seen AND attribute_not_exists(stayAskedAt)',
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':due': answerDueAt,
          ':gpk': index.gsi1pk,
          ':gsk': index.gsi1sk,
          ':seen': profile.lastActiveAt,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/**
 * A double opt-in confirmed: the consent it confirmed goes to the log (what, when, which wording), and
 * the person counts as active from now.
 */
export async function recordConfirmedConsent(
  record: { email: string; language: Language; networkId: string; consent: { at: string; wording: string } },
  subject: 'interest' | 'join' | 'group-proposal',
  now: Date,
): Promise<void> {
  await Promise.all([
    recordConsent(record.email, {
      at: now.toISOString(),
      action: 'agreed',
      subject,
      networkId: record.networkId,
      wording: record.consent.wording,
    }),
    touchPerson(record.email, record.language, now),
  ]);
}
