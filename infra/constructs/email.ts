import { ArnFormat, Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface EmailProps {
  /** The From address of every email samla sends. */
  readonly senderAddress: string;
}

/**
 * Who may send as the configured sender. The SES identity itself (a verified domain with DKIM) is set
 * up once per account outside this stack: an organisation usually has it already, and creating it
 * here would fail on the duplicate.
 */
export class Email extends Construct {
  readonly senderAddress: string;
  readonly senderDomain: string;
  /** The domain identity, and the address identity, which SES checks instead when it is verified too. */
  readonly identityArns: readonly string[];

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
  }

  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [...this.identityArns],
      }),
    );
  }
}
