import type { Journal } from '../journal/journal';
import { addDays, dayOf } from '../journal/state-port';
import { EVENTS_STREAM, InsightEvent, QuestionText, TEXT_STREAM } from './events';
import { buildReport, type Report } from './report-model';

export interface ReportRequest {
  journal: Journal;
  articles: ReadonlyArray<{ id: string; title: string }>;
  now: Date;
  days: number;
  retentionDays: number;
}

/** Reads the recorded events of the period from the state store and builds the report. */
export async function loadReport(request: ReportRequest): Promise<Report> {
  const to = dayOf(request.now);
  const from = addDays(to, -(request.days - 1));
  // Wording older than the retention period is not shown even before the sweep has deleted it.
  const textFrom = [from, addDays(to, -(request.retentionDays - 1))].sort().at(-1)!;
  const [events, texts] = await Promise.all([request.journal.range<unknown & { at: string }>(EVENTS_STREAM, from, to), request.journal.range<unknown & { at: string }>(TEXT_STREAM, textFrom, to)]);
  return buildReport({
    events: events.flatMap((event) => {
      const parsed = InsightEvent.safeParse(event);
      return parsed.success ? [parsed.data] : [];
    }),
    texts: texts.flatMap((text) => {
      const parsed = QuestionText.safeParse(text);
      return parsed.success ? [parsed.data] : [];
    }),
    articles: request.articles,
    to: request.now,
    days: request.days,
    retentionDays: request.retentionDays,
  });
}
