/**
 * Postings of the knowledge index in flat typed arrays: for every term of one shared vocabulary, the
 * articles (by position) that hold it, with the term's precomputed BM25 share in each and whether the
 * article is about it. A corpus of ten thousand articles has millions of postings; as objects in
 * per-term arrays they cost hundreds of megabytes and seconds of garbage collection, as typed arrays
 * a few tens of megabytes. Only the storage lives here: what the figures mean is the ranking's affair.
 */

/** One term's postings: entries start..end-1 of the shared arrays. */
export interface PostingList {
  readonly start: number;
  readonly end: number;
  /** Article positions, ascending within a list. */
  readonly positions: Int32Array;
  readonly saturated: Float64Array;
  /** 1 when the term is in a field that says what the article is about. */
  readonly about: Uint8Array;
}

export class CompactPostings {
  private readonly lists = new Map<string, PostingList>();

  constructor(
    /** Term ids by term: the shared vocabulary. */
    private readonly ids: Map<string, number>,
    /** Per term id, where its entries start (length: terms + 1). */
    private readonly offsets: Int32Array,
    private readonly positions: Int32Array,
    private readonly saturated: Float64Array,
    private readonly about: Uint8Array,
  ) {}

  /** The articles holding the term, or undefined when no article does. */
  of(term: string): PostingList | undefined {
    const cached = this.lists.get(term);
    if (cached) return cached;
    const id = this.ids.get(term);
    if (id === undefined) return undefined;
    const list = { start: this.offsets[id]!, end: this.offsets[id + 1]!, positions: this.positions, saturated: this.saturated, about: this.about };
    // Bounded by the vocabulary, and only terms that are asked about are ever looked up.
    this.lists.set(term, list);
    return list;
  }

  /** The term's id in the shared vocabulary, -1 when no article holds it. */
  idOf(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** How many articles hold the term. */
  frequency(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** Every term of the vocabulary, once. */
  terms(): IterableIterator<string> {
    return this.ids.keys();
  }

  has(term: string): boolean {
    return this.ids.has(term);
  }

  /** The arrays themselves, with the vocabulary in term-id order, for writing to a file. */
  packed(): { terms: string[]; offsets: Int32Array; positions: Int32Array; saturated: Float64Array; about: Uint8Array } {
    const terms: string[] = new Array(this.ids.size);
    for (const [term, id] of this.ids) terms[id] = term;
    return { terms, offsets: this.offsets, positions: this.positions, saturated: this.saturated, about: this.about };
  }

  get termCount(): number {
    return this.ids.size;
  }
}

/**
 * Collects postings article by article (articles in ascending position), then packs them. Entries
 * grow in typed arrays as they come; the vocabulary is shared by every article.
 */
export class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private termOf: Int32Array = new Int32Array(1024);
  private positionOf: Int32Array = new Int32Array(1024);
  private saturatedOf: Float64Array = new Float64Array(1024);
  private aboutOf: Uint8Array = new Uint8Array(1024);
  private count = 0;

  /** The term's id in the shared vocabulary (assigned on first sight). */
  termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  add(term: string, position: number, saturated: number, about: boolean): void {
    if (this.count === this.termOf.length) this.grow();
    const entry = this.count++;
    this.termOf[entry] = this.termId(term);
    this.positionOf[entry] = position;
    this.saturatedOf[entry] = saturated;
    this.aboutOf[entry] = about ? 1 : 0;
  }

  /** Sorts the entries by term (a counting sort: positions stay ascending within each term). */
  build(): CompactPostings {
    const terms = this.ids.size;
    const offsets = new Int32Array(terms + 1);
    for (let entry = 0; entry < this.count; entry++) {
      const slot = this.termOf[entry]! + 1;
      offsets[slot] = offsets[slot]! + 1;
    }
    for (let id = 0; id < terms; id++) offsets[id + 1] = offsets[id + 1]! + offsets[id]!;
    const next = offsets.slice(0, terms);
    const positions = new Int32Array(this.count);
    const saturated = new Float64Array(this.count);
    const about = new Uint8Array(this.count);
    for (let entry = 0; entry < this.count; entry++) {
      const term = this.termOf[entry]!;
      const slot = next[term]!;
      next[term] = slot + 1;
      positions[slot] = this.positionOf[entry]!;
      saturated[slot] = this.saturatedOf[entry]!;
      about[slot] = this.aboutOf[entry]!;
    }
    return new CompactPostings(this.ids, offsets, positions, saturated, about);
  }

  private grow(): void {
    const size = this.termOf.length * 2;
    const termOf = new Int32Array(size);
    termOf.set(this.termOf);
    this.termOf = termOf;
    const positionOf = new Int32Array(size);
    positionOf.set(this.positionOf);
    this.positionOf = positionOf;
    const saturatedOf = new Float64Array(size);
    saturatedOf.set(this.saturatedOf);
    this.saturatedOf = saturatedOf;
    const aboutOf = new Uint8Array(size);
    aboutOf.set(this.aboutOf);
    this.aboutOf = aboutOf;
  }
}
