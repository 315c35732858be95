// weather-strip-feed: KMA observations into a weather feed. `--help` tells all.
import { run } from './run.js';

// Stops reading once past `maxBytes`: the command refuses such input without holding all of it.
async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

process.exitCode = await run(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  now: () => new Date(),
});
