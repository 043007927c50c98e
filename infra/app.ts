import { buildApp } from './synth.ts';

// `cdk synth` / `cdk deploy` run this file; the CLI supplies the context (cdk.json, -c stage=…).
buildApp().app.synth();
