import { ConfigError, loadConfig, loadDotEnv } from './config/config';
import { createApp } from './app';
import { createLogger } from './observability/logger';

/** Entry point: configuration, the app, signals. Everything else lives in the modules it wires. */
async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp(config, { logger });
  const address = await app.listen();
  logger.info('listening', { url: app.url(), port: address.port, authenticated: config.authenticated, stateStore: config.STATE_STORE, checks: config.LYNC_CHECKS });
  if (!config.authenticated) {
    logger.info(`no MicrosoftAppId: unauthenticated, loopback only. Bot Framework Emulator: ${app.url()}/api/messages${config.webchat ? `; web chat: ${app.url()}/` : ''}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping: draining in-flight turns', { signal });
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason instanceof Error ? reason : String(reason) }));
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
