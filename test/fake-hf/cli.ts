// Runs the fake as a standalone process: `node out/test/fake-hf/cli.js [--port=N]`.
// Prints one JSON line {hubUrl, routerUrl, datasetsServerUrl, openaiUrl} on stdout, then serves until
// SIGTERM/SIGINT. Drive it through the `/__fake/*` control API (see control.ts).
import { startFakeHf } from './server';

async function main(): Promise<void> {
  const portArg = process.argv.find((a) => a.startsWith('--port='));
  const port = portArg ? Number(portArg.slice('--port='.length)) : 0;
  if (!Number.isInteger(port) || port < 0) throw new Error(`invalid ${portArg}`);
  const fake = await startFakeHf({ port });
  const { hubUrl, routerUrl, datasetsServerUrl, openaiUrl } = fake;
  process.stdout.write(`${JSON.stringify({ hubUrl, routerUrl, datasetsServerUrl, openaiUrl })}\n`);
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-hf failed to start: ${String(err)}\n`);
  process.exit(1);
});
