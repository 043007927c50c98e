/**
 * The stack seeds data with AwsCustomResource calls (the networks named in cdk.json). Locally the same
 * calls run against DynamoDB Local, so `npm start` has what `cdk deploy` would create.
 */
import { type AttributeValue, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from './dynamodb.ts';
import { type CfnTemplate, isRecord, type LocalNames, resolveValue } from './template.ts';

interface SdkCall {
  service: string;
  action: string;
  parameters: Record<string, unknown>;
  ignoreErrorCodesMatching?: string;
}

function parseCall(value: unknown): SdkCall | undefined {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!isRecord(parsed) || typeof parsed.service !== 'string' || typeof parsed.action !== 'string')
    return undefined;
  return {
    service: parsed.service,
    action: parsed.action,
    parameters: isRecord(parsed.parameters) ? parsed.parameters : {},
    ...(typeof parsed.ignoreErrorCodesMatching === 'string'
      ? { ignoreErrorCodesMatching: parsed.ignoreErrorCodesMatching }
      : {}),
  };
}

/**
 * Runs the `Create` call of every custom resource that is a DynamoDB PutItem; returns warnings for
 * calls it does not emulate. Conditional puts that fail as the stack allows (already seeded) are fine.
 */
export async function runTemplateSeeds(
  template: CfnTemplate,
  names: LocalNames,
  dynamoEndpoint: string,
): Promise<{ seeded: string[]; warnings: string[] }> {
  const seeded: string[] = [];
  const warnings: string[] = [];
  const client = localDynamoClient(dynamoEndpoint);
  try {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (!resource.Type.startsWith('Custom::') || resource.Properties?.Create === undefined) continue;
      const call = parseCall(resolveValue(template, names, resource.Properties.Create));
      if (call === undefined) continue;
      if (call.service.toLowerCase() !== 'dynamodb' || call.action.replace(/Command$/, '') !== 'PutItem') {
        warnings.push(`${logicalId}: ${call.service}.${call.action} is not run locally`);
        continue;
      }
      const { TableName, Item, ConditionExpression } = call.parameters as {
        TableName: string;
        Item: Record<string, AttributeValue>;
        ConditionExpression?: string;
      };
      try {
        await client.send(new PutItemCommand({ TableName, Item, ConditionExpression }));
        seeded.push(logicalId);
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (
          call.ignoreErrorCodesMatching === undefined ||
          !new RegExp(call.ignoreErrorCodesMatching).test(name)
        ) {
          throw error;
        }
      }
    }
  } finally {
    client.destroy();
  }
  return { seeded, warnings };
}
