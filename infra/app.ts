import { ConfigError } from './config.ts';
import { buildApp } from './synth.ts';

// `cdk synth` / `cdk deploy` run this file; the CLI supplies the context (cdk.json, -c stage=…).
try {
  buildApp().app.synth();
} catch (error) {
  // A wrong cdk.json deserves its list of problems, not a stack trace after it.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
