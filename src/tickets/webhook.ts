import type { OutboxEntry } from './ticket-board';

/**
 * Posts one ticket change to HELPDESK_TICKET_WEBHOOK as JSON. The change id is the idempotency key
 * (header and body): a receiver that saw it before can answer 2xx and ignore it. Anything but 2xx,
 * or no answer in time, is a failure to retry later.
 */
export function webhookDelivery(url: string, timeoutMs = 10_000): (entry: OutboxEntry) => Promise<void> {
  return async (entry) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': entry.change.id, 'user-agent': 'lync-helpdesk-bot' },
      body: JSON.stringify({ idempotencyKey: entry.change.id, ...entry.change }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    // Read the body so the connection is released; its content does not matter.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`ticket webhook answered ${response.status}`);
  };
}
