import type { FlowDefinition } from './schema';
import { foldPhrase, isFlowPhrase } from './words';

/** What an explicit "start <flow>" message asks for: the flow, or the name of one that does not exist. */
export interface ExplicitStart {
  flow?: FlowDefinition;
  /** The name as typed (trimmed), when no flow has it; show it back only through escapeMarkdown. */
  unknownName?: string;
}

const EXPLICIT = /^(?:start|begin|run) (?:flow )?(.+)$/;
/** "start <one word>", "begin <one word>", or any verb with "flow": a request for a flow by name. */
const BY_NAME = /^\s*(?:(?:start|begin)\s+(?:flow\s+)?|run\s+flow\s+)(\S+)\s*$/i;

/** The loaded flows, looked up by id or by what a user typed. */
export class FlowCatalog {
  private readonly byIdMap: Map<string, FlowDefinition>;
  private readonly triggers: Array<{ flowId: string; parts: TriggerPart[] }>;

  constructor(readonly flows: readonly FlowDefinition[]) {
    this.byIdMap = new Map(flows.map((flow) => [flow.id, flow]));
    this.triggers = flows.flatMap((flow) =>
      flow.triggers.map((trigger) => ({ flowId: flow.id, parts: trigger.split('+').map(foldPhrase).filter(Boolean).map(triggerPart) })),
    );
  }

  byId(id: string): FlowDefinition | undefined {
    return this.byIdMap.get(id);
  }

  /**
   * The flow a message asks for: `start <flow id>` explicitly, or a trigger phrase from a flow file.
   * Triggers are deliberately specific intent phrases ("enroll + smart card", "send you my logs"), so an
   * ordinary question ("where does the win8 app keep its logs") still goes to the knowledge base.
   */
  requested(text: string): FlowDefinition | undefined {
    return this.explicitStart(text)?.flow ?? this.triggered(foldPhrase(text));
  }

  /**
   * An explicit request to start a flow, told apart from an ordinary message. `{ flow }` when the
   * message names a flow (id, title or unique id prefix, or a trigger phrase after "start");
   * `{ unknownName }` when it asks for a flow by a name no flow has ("start bogus", "run flow x");
   * undefined when it is no such request: "start the car", "run lync in safe mode" and the flow words
   * "start over" / "start again" stay what they were.
   */
  explicitStart(text: string): ExplicitStart | undefined {
    if (isFlowPhrase(text)) return undefined;
    const folded = foldPhrase(text);
    const explicit = EXPLICIT.exec(folded);
    if (!explicit) return undefined;
    const named = this.named(explicit[1]!) ?? this.triggered(folded);
    if (named) return { flow: named };
    const byName = BY_NAME.exec(text);
    return byName ? { unknownName: byName[1]! } : undefined;
  }

  /** A flow by id, title, or an id prefix or suffix only one flow has ("start smart card", "start troubleshooter"). */
  private named(wanted: string): FlowDefinition | undefined {
    const asId = wanted.replace(/^the /, '').replace(/ /g, '-');
    const prefixed = this.flows.filter((candidate) => candidate.id.startsWith(asId));
    const suffixed = this.flows.filter((candidate) => candidate.id.endsWith(`-${asId}`));
    return (
      this.byIdMap.get(asId) ??
      this.flows.find((candidate) => foldPhrase(candidate.title) === wanted) ??
      (prefixed.length === 1 ? prefixed[0] : undefined) ??
      (suffixed.length === 1 ? suffixed[0] : undefined)
    );
  }

  private triggered(folded: string): FlowDefinition | undefined {
    const padded = ` ${folded} `;
    const hit = this.triggers.find((trigger) => trigger.parts.every((part) => padded.includes(part.lead) && part.pattern.test(padded)));
    return hit ? this.byIdMap.get(hit.flowId) : undefined;
  }
}

/**
 * One part of a trigger, with the text every match of it starts with: every message is read against
 * every trigger, and a substring test rules most of them out before any pattern runs.
 */
interface TriggerPart {
  pattern: RegExp;
  lead: string;
}

function triggerPart(part: string): TriggerPart {
  const first = part.split(' ')[0]!;
  // (The pattern of a word ending in "e" drops the "e" before its endings: "configur(?:e|ing…)".)
  const stem = /^[a-z]{3,}$/.test(first) && first.endsWith('e') ? first.slice(0, -1) : first;
  return { pattern: inflected(part), lead: ` ${stem}` };
}

/**
 * A trigger phrase as a pattern that also takes its words' usual endings: "enroll + smart card" is
 * asked as "enrolling my smart cards", "walk me through + sign in" as "walk me through signing in".
 */
function inflected(part: string): RegExp {
  const words = part.split(' ').map((word) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!/^[a-z]{3,}$/.test(word)) return escaped;
    // "configure" → "configuring"; "log" → "logging"; "enroll" → "enrollment".
    if (word.endsWith('e')) return `${escaped.slice(0, -1)}(?:e|es|ed|ing|ement|ements)`;
    return `${escaped}(?:${word.at(-1)}?(?:ed|ing)|s|es|ment|ments)?`;
  });
  return new RegExp(` ${words.join(' ')} `);
}
