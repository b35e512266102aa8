import type { FlowDefinition, FlowStep } from './schema';
import { fold } from './words';

/** The loaded flows, looked up by id or by what a user typed. */
export class FlowCatalog {
  private readonly byIdMap: Map<string, FlowDefinition>;
  private readonly triggers: Array<{ flowId: string; parts: string[] }>;

  constructor(readonly flows: readonly FlowDefinition[]) {
    this.byIdMap = new Map(flows.map((flow) => [flow.id, flow]));
    this.triggers = flows.flatMap((flow) =>
      flow.triggers.map((trigger) => ({ flowId: flow.id, parts: trigger.split('+').map(fold).filter(Boolean) })),
    );
  }

  byId(id: string): FlowDefinition | undefined {
    return this.byIdMap.get(id);
  }

  step(flowId: string, stepId: string): FlowStep | undefined {
    return this.byIdMap.get(flowId)?.steps[stepId];
  }

  /**
   * The flow a message asks for: `start <flow id>` explicitly, or a trigger phrase from a flow file.
   * Triggers are deliberately specific intent phrases ("enroll + smart card", "send you my logs"), so an
   * ordinary question ("where does the win8 app keep its logs") still goes to the knowledge base.
   */
  requested(text: string): FlowDefinition | undefined {
    const folded = fold(text);
    const explicit = /^(?:start|begin|run) (?:flow )?(.+)$/.exec(folded);
    if (explicit) {
      const wanted = explicit[1]!.replace(/ /g, '-');
      const prefixed = this.flows.filter((candidate) => candidate.id.startsWith(wanted));
      const flow =
        this.byIdMap.get(wanted) ?? this.flows.find((candidate) => fold(candidate.title) === explicit[1]) ?? (prefixed.length === 1 ? prefixed[0] : undefined);
      if (flow) return flow;
    }
    const padded = ` ${folded} `;
    const hit = this.triggers.find((trigger) => trigger.parts.every((part) => padded.includes(` ${part} `)));
    return hit ? this.byIdMap.get(hit.flowId) : undefined;
  }
}
