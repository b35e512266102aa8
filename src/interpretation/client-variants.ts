import type { FlowCatalog } from '../flows/catalog';
import type { SearchHit } from '../knowledge/search';

/** How close a hit must come to count as one of the question's likely answers. */
const LIKELY_CONFIDENCE = 0.45;

/**
 * "how do I turn on logging": the articles that fit are the same procedure for different clients,
 * all behind one guided flow, and the question names no client. Stating one client's article would be
 * wrong for every other user, and declining would leave them with nothing although the answer is
 * there: the flow that asks which Lync first is the way. Returns that flow's id, or undefined.
 */
export function flowAskingTheClient(hits: readonly SearchHit[], catalog: FlowCatalog | undefined): string | undefined {
  if (!catalog) return undefined;
  const likely = hits.filter((hit) => hit.confidence >= LIKELY_CONFIDENCE);
  const flowId = likely[0]?.article.flow;
  if (!flowId || likely.length < 2) return undefined;
  const variants = likely.filter((hit) => hit.article.flow === flowId);
  // Two of them at least, for different clients.
  if (variants.length < 2 || new Set(variants.map((hit) => [...hit.article.clients].sort().join(','))).size < 2) return undefined;
  const flow = catalog.byId(flowId);
  const first = flow?.steps[flow.start];
  // Its first question is which client: the flow's answer to "it depends".
  return first?.choices?.some((choice) => choice.set?.client !== undefined) ? flowId : undefined;
}
