import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface EmailProps {
  /** The From address of every email samla sends. */
  readonly senderAddress: string;
  /**
   * Create the SES identity of the sender's domain. False when the account already has it: a second
   * EmailIdentity for the same domain fails the deploy.
   * @default true
   */
  readonly createIdentity?: boolean;
}

/** One DNS record the organisation adds at its DNS provider, as the stack outputs it. */
export interface DnsRecord {
  readonly name: string;
  readonly type: 'CNAME';
  readonly value: string;
}

/**
 * Sending as the configured sender: the domain identity with Easy DKIM (unless the account has it
 * already), a configuration set every send goes through, and the topic it publishes hard bounces and
 * complaints to, so the address can be suppressed before SES's reputation review has a reason to look.
 */
export class Email extends Construct {
  readonly senderAddress: string;
  readonly senderDomain: string;
  /** The domain identity, and the address identity, which SES checks instead when it is verified too. */
  readonly identityArns: readonly string[];
  readonly identity: EmailIdentity | undefined;
  readonly configurationSet: ConfigurationSet;
  /** Bounce and complaint events of the configuration set. */
  readonly notifications: Topic;
  /** The three Easy DKIM CNAMEs; empty when the identity is not created here. */
  readonly dkimRecords: readonly DnsRecord[];

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const at = props.senderAddress.lastIndexOf('@');
    if (at < 1) throw new Error(`senderAddress "${props.senderAddress}" has no domain`);
    this.senderAddress = props.senderAddress;
    this.senderDomain = props.senderAddress.slice(at + 1).toLowerCase();
    const stack = Stack.of(this);
    const identity = (name: string) =>
      stack.formatArn({
        service: 'ses',
        resource: 'identity',
        resourceName: name,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    this.identityArns = [identity(this.senderDomain), identity(this.senderAddress)];

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      // Mail carries personal links (confirm, leave, unsubscribe): better a bounce than plain text on the wire.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      // The account's SES suppression list as a second net, for mail that reaches SES without samla's check.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    this.notifications = new Topic(this, 'Notifications', {
      displayName: 'samla SES bounces and complaints',
      enforceSSL: true,
    });
    Validations.of(this.notifications).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'SES cannot publish to a topic encrypted with the AWS managed SNS key, only with a customer managed KMS key, which every deployment would pay for monthly; SNS holds a message only until its one subscriber (the ses-notifications Lambda) has it, and enforceSSL keeps it off the wire in plain text.',
    });
    new ConfigurationSetEventDestination(this, 'BounceAndComplaintEvents', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(this.notifications),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    if (props.createIdentity ?? true) {
      this.identity = new EmailIdentity(this, 'Identity', {
        identity: Identity.domain(this.senderDomain),
        dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
        // Also covers mail sent without naming the set (a console test send, another tool).
        configurationSet: this.configurationSet,
      });
      this.dkimRecords = this.identity.dkimRecords.map((record) => ({
        name: record.name,
        type: 'CNAME',
        value: record.value,
      }));
    } else {
      this.identity = undefined;
      this.dkimRecords = [];
    }
  }

  get configurationSetName(): string {
    return this.configurationSet.configurationSetName;
  }

  /** SES authorises a send against the identity and, when one is named, the configuration set. */
  grantSend(grantee: IGrantable): void {
    const stack = Stack.of(this);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          ...this.identityArns,
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSetName,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );
  }

  /** Delivers the bounce and complaint events to the function that suppresses the addresses. */
  subscribe(handler: IFunction): void {
    this.notifications.addSubscription(new LambdaSubscription(handler));
  }
}
