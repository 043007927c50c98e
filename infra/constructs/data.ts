import { marshall } from '@aws-sdk/util-dynamodb';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  type AwsSdkCall,
  Logging,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { Network } from '../../shared/domain/network.ts';
import { networkItem } from '../../shared/store/network-item.ts';

/** The access-pattern index (keys in shared/store/keys.ts: gsi1pk, gsi1sk). */
export const GSI1 = 'gsi1';
/**
 * The person index (gsi2pk = PERSON#<person id>): every item that holds someone's data is under it, so a
 * privacy export or erasure finds all of it with one Query, never a Scan.
 */
export const GSI2 = 'gsi2';

export interface DataProps {
  /** Created on first deploy; later edits by coordinators win over cdk.json. */
  readonly networks: readonly Network[];
}

/** A DynamoDB AttributeValue, as the low-level API (and so AwsCustomResource) expects it. */

/**
 * The one table (keys in shared/store/keys.ts), and the networks named in the configuration. The
 * table outlives the stack: members' registrations are not something a `cdk destroy` should erase.
 */
export class Data extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: GSI1,
          partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
          sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
        },
        {
          indexName: GSI2,
          partitionKey: { name: 'gsi2pk', type: AttributeType.STRING },
          sortKey: { name: 'gsi2sk', type: AttributeType.STRING },
          // Keys only: an export reads the items themselves, an erasure needs nothing but their keys.
          projectionType: ProjectionType.KEYS_ONLY,
        },
      ],
      timeToLiveAttribute: 'expiresAt',
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.seedNetworks(props.networks);
  }

  private seedNetworks(networks: readonly Network[]): void {
    if (networks.length === 0) return;
    // AwsCustomResource shares one Lambda per stack; give it an own role and log group instead of the
    // defaults (an AWS managed policy, and a log group kept forever).
    const logGroup = new LogGroup(this, 'SeedLogs', {
      retention: RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'SeedRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    for (const network of networks) {
      new AwsCustomResource(this, `Network-${network.id}`, {
        resourceType: 'Custom::SamlaNetwork',
        role,
        logGroup,
        installLatestAwsSdk: false,
        policy: AwsCustomResourcePolicy.fromStatements([
          new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [this.table.tableArn] }),
        ]),
        onCreate: this.putIfMissing(network),
        // A changed network in cdk.json is tried again, but never overwrites the stored one.
        onUpdate: this.putIfMissing(network),
      });
    }
  }

  private putIfMissing(network: Network): AwsSdkCall {
    return {
      service: 'DynamoDB',
      action: 'PutItem',
      parameters: {
        TableName: this.table.tableName,
        Item: marshall(networkItem(network), { removeUndefinedValues: true }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
      physicalResourceId: PhysicalResourceId.of(`network-${network.id}`),
      ignoreErrorCodesMatching: 'ConditionalCheckFailedException',
      // The item holds coordinators' addresses: keep them out of the logs.
      logging: Logging.withDataHidden(),
    };
  }
}
