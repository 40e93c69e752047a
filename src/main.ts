import { loadConfig } from './config/index.js';
import { createLogger, installProcessGuards } from './lib/index.js';
import { startServer } from './server.js';

/** Composition root: read the environment once, start the product, stop gracefully on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  // A dependency's rejected promise is logged, never a reason to drop every live call on the node.
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  installProcessGuards(logger, () => void stop('fatal error').finally(() => process.exit(1)));
  const server = (running = await startServer(config, { logger }));
  const components = {
    database: config.db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${config.db.dir})`,
    live: config.redisUrl ? 'Redis (REDIS_URL)' : 'in-process',
    telephony: config.twilio.authToken ? 'Twilio' : 'test mode (no TWILIO_AUTH_TOKEN)',
    speech: config.deepgram ? 'Deepgram' : config.openai ? 'OpenAI' : 'offline (flite TTS, scripted STT)',
    brain: config.openai ? `LLM ${config.openai.model} + offline rules` : 'offline rules',
    email: config.smtp ? 'SMTP' : 'dev inbox',
  };
  logger.info({ components }, `InfiniOffice listening on ${server.url}`);
  if (server.demo) {
    process.stdout.write(
      `\n  InfiniOffice is running at http://localhost:${server.port}\n  Demo admin login: ${server.demo.email} / ${server.demo.password}\n\n`,
    );
  }
  let stopping = false;
  async function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    const limitMs = signal === 'fatal error' ? 0 : config.drainTimeoutMs;
    logger.info({ signal, limitMs }, 'shutting down: no new calls; live calls may finish');
    const force = setTimeout(() => process.exit(1), limitMs + 30_000);
    force.unref();
    if (running) logger.info({ ...(await running.drain(limitMs)) }, 'drained: closing');
    await running?.close();
    process.exit(signal === 'fatal error' ? 1 : 0);
  }
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e) => {
  process.stderr.write(`InfiniOffice failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
