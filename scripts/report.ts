/**
 * `npm run report -- --days 30 --out report.html`: the helpdesk report as one self-contained HTML page,
 * read from the configured state store (the same settings as the bot: STATE_STORE, DATA_DIR, ...).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createOpsState } from '../src/bot/ops-state';
import { createStorage } from '../src/bot/storage/create-storage';
import { ConfigError, loadConfig, loadDotEnv } from '../src/config/config';
import { chartLibrary } from '../src/insight/chart-library';
import { loadReport } from '../src/insight/load-report';
import { reportSummary } from '../src/insight/report-command';
import { renderReportHtml } from '../src/insight/report-html';
import { Journal } from '../src/journal/journal';
import { loadKnowledgeBase } from '../src/knowledge';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { days: { type: 'string', default: '30' }, out: { type: 'string', default: 'report.html' } } });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new ConfigError('--days must be a whole number from 1 to 365');
  loadDotEnv();
  const config = loadConfig();
  const journal = new Journal(createOpsState(config, createStorage(config)));
  const knowledge = loadKnowledgeBase(resolve(config.KNOWLEDGE_DIR));
  const report = await loadReport({ journal, articles: knowledge.articles(), now: new Date(), days, retentionDays: config.HELPDESK_RETENTION_DAYS });
  const out = resolve(values.out!);
  writeFileSync(out, renderReportHtml(report, chartLibrary()), 'utf8');
  console.log(reportSummary(report).replace(/\*\*/g, ''));
  console.log(`\nWritten to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
