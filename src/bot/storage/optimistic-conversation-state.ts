import { ConversationState, type Storage, type TurnContext } from 'botbuilder';
import { itemJson, rememberItemJson } from './item-json';
import { StateConflictError } from './storage-errors';

/** What was read from the store for one turn's state object. */
interface Snapshot {
  /** The eTag the store gave the item when this turn read it; SAVED once this turn has written it. */
  eTag: string | undefined | typeof SAVED;
  /** What the store holds as far as this turn knows (read or last written), as JSON without the eTag. */
  content: string;
}

const SAVED = Symbol('saved in this turn');
/**
 * The SDK's change hash for a state this class loaded. The SDK hashes (stringify + SHA-256) every
 * state it loads, for its own saveChanges, which never runs on such a state here: the snapshot decides.
 * Should it ever run, this value matches no real hash, so it saves rather than skips.
 */
const NOT_HASHED = 'not hashed: compared by snapshot';

/**
 * ConversationState with optimistic concurrency. The SDK's BotState.saveChanges always writes with
 * eTag "*", i.e. last writer wins: when two turns of one conversation overlap (two instances, or a
 * user typing fast), the later save silently erases the earlier one. Here the save carries the eTag
 * the turn read, so the store refuses a save based on stale state with a conflict, which the turn
 * runner answers by running the turn again on fresh state.
 *
 * Limit: a conversation with no saved state yet has no eTag to compare, so its very first save is
 * unconditional (the Storage contract has no "create only"). Within one instance turns of a
 * conversation never overlap (the turn runner queues them), so this only matters when two instances
 * receive the first two messages of a brand-new conversation at the same moment.
 */
export class OptimisticConversationState extends ConversationState {
  private readonly snapshots = new WeakMap<object, Snapshot>();

  constructor(storage: Storage, namespace?: string) {
    super(storage, namespace);
  }

  override async load(context: TurnContext, force = false): Promise<any> {
    const cached = context.turnState.get(this.turnStateKey) as { state?: Record<string, unknown> } | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const state = ((await this.storage.read([key]))[key] ?? {}) as Record<string, unknown>;
    context.turnState.set(this.turnStateKey, { state, hash: NOT_HASHED });
    // The store may already hold this item's JSON (it wrote it): no need to serialise it again.
    this.snapshots.set(state, { eTag: typeof state.eTag === 'string' ? state.eTag : undefined, content: itemJson(state) ?? contentOf(state) });
    return state;
  }

  /** Where BotState keeps this turn's state object in the turn context (a private field of the SDK class). */
  private get turnStateKey(): symbol {
    return (this as unknown as { stateKey: symbol }).stateKey;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const state = this.get(context) as Record<string, unknown> | undefined;
    const snapshot = state ? this.snapshots.get(state) : undefined;
    // Nothing read from the store this turn (or state cleared on purpose): the SDK's behaviour.
    if (!state || !snapshot) return super.saveChanges(context, force);
    const content = contentOf(state);
    if (!force && sameContent(content, snapshot.content)) return;
    // Copied now, with the content just taken: what is written is what was compared.
    const item: Record<string, unknown> = { ...state };

    const key = await this.storageKey(context);
    const eTag = snapshot.eTag === SAVED ? await this.eTagOfOwnSave(key, snapshot.content) : snapshot.eTag;
    item.eTag = eTag ?? '*';
    // What was just compared is what goes to the store: it need not serialise the state again.
    rememberItemJson(item, content);
    await this.storage.write({ [key]: item });
    // Stores do not return the new eTag; a second save in this turn looks it up (see eTagOfOwnSave).
    this.snapshots.set(state, { eTag: SAVED, content });
  }

  /**
   * The eTag of what this turn saved a moment ago, if the store still holds exactly that;
   * otherwise another turn has saved since and this one must not overwrite it.
   */
  private async eTagOfOwnSave(key: string, savedContent: string): Promise<string> {
    const stored = (await this.storage.read([key]))[key];
    if (!stored || typeof stored.eTag !== 'string' || !sameContent(contentOf(stored), savedContent)) throw new StateConflictError(key);
    return stored.eTag;
  }
}

/** The state without its eTag as JSON, keys in the object's own order. */
function contentOf(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/**
 * Equal content, key order aside: a value read back and re-validated may list its keys differently.
 * Reordering keys keeps the text's length, so only texts of equal length are compared key-sorted.
 */
export function sameContent(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
}

/** JSON with object keys sorted: equal content gives equal text. */
function canonicalJson(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item) ?? 'null').join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const text = canonicalJson((value as Record<string, unknown>)[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}
