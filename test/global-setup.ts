// Before the Vitest suite: the `bangkom` bundle brought up to date, so that the tests which run
// bin/bangkom.js as a real process run what `npm install` and `npm run build` make (a bundle
// older than the sources would be passed over for them, slowly). A build that fails (sources
// being edited) is only reported: those tests then run the sources.
import { buildCli } from '../build/build-cli.mjs';

export default async function setup(): Promise<void> {
  try {
    await buildCli();
  } catch (err) {
    process.stderr.write(`test/global-setup: the CLI bundle was not built (${(err as Error).message.split('\n')[0]}); bin/bangkom.js runs the sources.\n`);
  }
}
