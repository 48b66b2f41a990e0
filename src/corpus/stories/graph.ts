/**
 * Graph clustering of items: similar pairs through an inverted index, then Louvain communities.
 * (Average-linkage agglomeration over the same pairs scored lower on headlines: 0.76 vs 0.84 mean
 * BCubed F1 over random halves of the UCI stories — short titles give low pairwise averages.)
 */

type Vec = Map<string, number>;

/** One similar pair (i < j). */
export interface Pair {
  i: number;
  j: number;
  sim: number;
}

/**
 * Cosines between all pairs of L2-normalised vectors sharing a term, at or above `floor`, found
 * through an inverted index. `allow(i, j)` may veto a pair (time windows).
 */
export function similarPairs(vectors: readonly Vec[], floor: number, allow?: (i: number, j: number) => boolean): Pair[] {
  const postings = new Map<string, Array<[number, number]>>();
  const pairs: Pair[] = [];
  const dots = new Map<number, number>();
  vectors.forEach((v, j) => {
    dots.clear();
    for (const [t, w] of v) for (const [i, wi] of postings.get(t) ?? []) dots.set(i, (dots.get(i) ?? 0) + w * wi);
    for (const [i, sim] of dots) if (sim >= floor && (!allow || allow(i, j))) pairs.push({ i, j, sim });
    for (const [t, w] of v) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push([j, w]);
    }
  });
  return pairs;
}

/**
 * Divides pair weights, in place, by (degree_i × degree_j)^power, a node's degree being the sum of
 * its pair weights (power 0.5: the symmetric normalisation D^-1/2 W D^-1/2 of spectral clustering).
 * A generic headline ("stocks fall on weak data") has weak links to hundreds of items and would
 * glue their stories together; normalised, its links weigh little, while the items of a small,
 * tight story keep theirs (hubness reduction: a similarity graph's hubs are its least specific items).
 */
export function normaliseByDegree(n: number, pairs: Pair[], power: number): void {
  if (power <= 0) return;
  const degree = new Float64Array(n);
  for (const p of pairs) if (p.sim > 0) degree[p.i] += p.sim, degree[p.j] += p.sim;
  // Raised to the power once per node and applied in place: a copy of the pairs with a power per
  // pair cost the store 0.15 ms per article at a full window (`npm run eval:stories -- --cost`).
  for (let i = 0; i < n; i++) degree[i] = power === 0.5 ? Math.sqrt(degree[i]) : degree[i] ** power;
  for (const p of pairs) if (p.sim > 0) p.sim /= degree[p.i] * degree[p.j];
}

/**
 * Louvain community detection on a weighted graph of similar pairs: items move to the neighbouring
 * community that most raises modularity (at `resolution`), then communities fold into nodes and
 * the moves repeat. Modularity compares each link with what the degrees alone would give, so the
 * cut adapts to the input's own similarity level instead of an absolute threshold.
 */
export function louvain(n: number, pairs: readonly Pair[], resolution = 1, seedOrder?: readonly number[], graph: Csr = graphOf(n, pairs)): number[] {
  // The graph is kept in flat arrays (CSR: a node's neighbours are nbr[off[i]..off[i+1]), self-loop
  // included after folding), in the order a map per node would list them, so ties break as before.
  let g = graph;
  let member = Array.from({ length: n }, (_, i) => i); // item → current node
  for (let level = 0; level < 20; level++) {
    const m = g.off.length - 1;
    const { off, nbr, wt } = g;
    const degree = new Float64Array(m);
    let total = 0;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let k = off[i]; k < off[i + 1]; k++) s += nbr[k] === i ? 2 * wt[k] : wt[k];
      degree[i] = s;
      total += s;
    }
    if (!total) break;
    const comm = Int32Array.from({ length: m }, (_, i) => i);
    const tot = Float64Array.from(degree);
    const order = seedOrder && level === 0 ? Int32Array.from(seedOrder) : Int32Array.from({ length: m }, (_, i) => i);
    const linkW = new Float64Array(m);
    // Communities next to the node being moved, in order of first touch (flat, reused).
    const seen = new Int32Array(m);
    let improved = false;
    for (let sweep = 0; sweep < 50; sweep++) {
      let moved = 0;
      for (let x = 0; x < m; x++) {
        const i = order[x];
        let nSeen = 0;
        for (let k = off[i], end = off[i + 1]; k < end; k++) {
          const j = nbr[k];
          if (j === i) continue;
          const c = comm[j];
          if (linkW[c] === 0) seen[nSeen++] = c;
          linkW[c] += wt[k];
        }
        const own = comm[i];
        const d = degree[i];
        tot[own] -= d;
        const scale = (resolution * d) / total;
        let best = own;
        let bestGain = linkW[own] - tot[own] * scale;
        for (let y = 0; y < nSeen; y++) {
          const c = seen[y];
          const gain = linkW[c] - tot[c] * scale;
          if (gain > bestGain + 1e-12) best = c, bestGain = gain;
          linkW[c] = 0;
        }
        tot[best] += d;
        if (best !== own) comm[i] = best, moved++;
      }
      if (!moved) break;
      improved = true;
    }
    if (!improved) break;
    const { graph, ids } = fold(g, comm);
    member = member.map((node) => ids[comm[node]]);
    g = graph;
    if (graph.off.length - 1 === m) break;
  }
  const ids = new Map<number, number>();
  return member.map((c) => (ids.has(c) ? ids.get(c)! : (ids.set(c, ids.size), ids.size - 1)));
}

/** A weighted graph in compressed rows: node i's neighbours are nbr[off[i]..off[i+1]). */
export interface Csr {
  off: Int32Array;
  nbr: Int32Array;
  wt: Float64Array;
}

/** The graph of positive pairs, each node's neighbours in the order the pairs list them. */
export function graphOf(n: number, pairs: readonly Pair[]): Csr {
  const off = new Int32Array(n + 1);
  for (const { i, j, sim } of pairs) if (sim > 0) off[i + 1]++, off[j + 1]++;
  for (let i = 0; i < n; i++) off[i + 1] += off[i];
  const fill = off.slice(0, n);
  const nbr = new Int32Array(off[n]);
  const wt = new Float64Array(off[n]);
  for (const { i, j, sim } of pairs) {
    if (sim <= 0) continue;
    nbr[fill[i]] = j, wt[fill[i]++] = sim;
    nbr[fill[j]] = i, wt[fill[j]++] = sim;
  }
  return { off, nbr, wt };
}

/**
 * Folds communities into nodes (ids in order of first appearance): each undirected edge is seen
 * from both ends, so an edge inside a community adds half its weight from each; self-loops once.
 */
function fold(g: Csr, comm: Int32Array): { graph: Csr; ids: Int32Array } {
  const m = comm.length;
  const ids = new Int32Array(m).fill(-1);
  let count = 0;
  for (let i = 0; i < m; i++) if (ids[comm[i]] < 0) ids[comm[i]] = count++;
  // Members of each new node, ascending.
  const moff = new Int32Array(count + 1);
  for (let i = 0; i < m; i++) moff[ids[comm[i]] + 1]++;
  for (let c = 0; c < count; c++) moff[c + 1] += moff[c];
  const mfill = moff.slice(0, count);
  const members = new Int32Array(m);
  for (let i = 0; i < m; i++) members[mfill[ids[comm[i]]]++] = i;
  const slot = new Int32Array(count).fill(-1);
  const off = new Int32Array(count + 1);
  const nbr: number[] = [];
  const wt: number[] = [];
  for (let ci = 0; ci < count; ci++) {
    const startAt = nbr.length;
    for (let x = moff[ci]; x < moff[ci + 1]; x++) {
      const i = members[x];
      for (let k = g.off[i]; k < g.off[i + 1]; k++) {
        const j = g.nbr[k];
        const cj = ids[comm[j]];
        const add = i === j ? g.wt[k] : ci === cj ? g.wt[k] / 2 : g.wt[k];
        if (slot[cj] < 0) slot[cj] = nbr.length, nbr.push(cj), wt.push(0);
        wt[slot[cj]] += add;
      }
    }
    for (let k = startAt; k < nbr.length; k++) slot[nbr[k]] = -1;
    off[ci + 1] = nbr.length;
  }
  return { graph: { off, nbr: Int32Array.from(nbr), wt: Float64Array.from(wt) }, ids };
}

/** Settings of `consensusLouvain`. */
export interface ConsensusParams {
  /** Seeded node orders per resolution. */
  runs: number;
  /** Modularity resolutions of the runs (1 and finer: the runs look for splits). */
  resolutions: readonly number[];
  /** A pair stays linked when at least this share of the runs put it in one community. */
  agreement: number;
  /** Resolution of the final Louvain pass over the agreed pairs. */
  resolution: number;
}

/**
 * Consensus Louvain: Louvain runs at several resolutions and seeded node orders; a pair stays in
 * the graph only when most runs keep its two items together, and a final Louvain pass clusters
 * what is left. Two market stories that one run merges (many weak links through generic words)
 * come apart in the finer runs, while a story's own items stay together in nearly all of them.
 * (Tried and dropped, scored on UCI half A / random halves: re-splitting large communities when
 * their inner modularity is high (inner modularity was as high inside single stories), a
 * k-nearest-neighbour graph (k 5–50: F1 0.61–0.89 on A, all lower on B), neighbour-smoothed
 * vectors, idf powers 0.5–3, title bigrams (A up, B down).)
 * Also tried and dropped, by mean BCubed F1 over 40 random halves (and on all 18 stories at once),
 * against 0.845 (0.762): cosines squared before clustering 0.759 (0.779); links kept only to each
 * item's 20 nearest 0.737 (0.726) or above 0.3 × its nearest 0.750 (0.745); the constant Potts
 * model (Louvain with a fixed density in place of modularity's null model) at 0.01–0.03
 * 0.789–0.825 (0.708–0.738); LSA (20–40 dimensions of the batch's own term-document matrix) 0.817–0.834 over 20 halves
 * (0.848 without);
 * merging communities by centroid cosine 0.2–0.3 0.847–0.850 (0.762); coarser consensus
 * resolutions 0.5–1.5 0.844 (0.707); finer 1–3 0.812 (0.775), 1–5 0.714 (0.788). Finer splits
 * help larger sets and hurt smaller ones: the scores depend on how many stories a set holds.
 */
export function consensusLouvain(n: number, pairs: readonly Pair[], params: ConsensusParams): number[] {
  const together = new Uint16Array(pairs.length);
  let runs = 0;
  for (const resolution of params.resolutions) {
    for (let r = 0; r < params.runs; r++) {
      const labels = louvain(n, pairs, resolution, seededOrder(n, 7 + 31 * r));
      runs++;
      pairs.forEach((p, k) => { if (labels[p.i] === labels[p.j]) together[k]++; });
    }
  }
  if (!runs) return louvain(n, pairs, params.resolution);
  const kept = pairs.filter((_, k) => together[k] / runs >= params.agreement);
  return louvain(n, kept, params.resolution);
}

/** A seeded shuffle of 0..n-1 (deterministic node orders for Louvain). */
function seededOrder(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/**
 * Splits off the loosely attached parts of each community: its own subgraph is clustered again
 * (Louvain, resolution 1, where a small story is no longer lost in the whole graph's scale), and
 * a part whose links leaving it weigh less than `maxConductance` of its volume (or of the rest's,
 * when smaller) becomes a community of its own. Modularity's resolution limit merges a small story
 * into a big one over a few shared generic words; inside one story, parts are bound far tighter.
 * With `innerNormalise` > 0 the community's own links are first divided by (inner degree_i ×
 * inner degree_j)^innerNormalise (`normaliseByDegree` on the subgraph): the items most linked
 * inside the community (its generic headlines) stop binding its parts, and the cut and volumes
 * are measured on those weights.
 */
export function splitLooseParts(n: number, pairs: readonly Pair[], labels: readonly number[], maxConductance: number, innerNormalise = 0): number[] {
  const members = new Map<number, number[]>();
  labels.forEach((l, i) => (members.get(l) ?? members.set(l, []).get(l)!).push(i));
  const inner = new Map<number, Pair[]>();
  for (const p of pairs) if (labels[p.i] === labels[p.j]) (inner.get(labels[p.i]) ?? inner.set(labels[p.i], []).get(labels[p.i])!).push(p);
  const out = [...labels];
  let next = Math.max(-1, ...labels) + 1;
  const local = new Int32Array(n);
  for (const [label, mem] of members) {
    if (mem.length < 4) continue;
    mem.forEach((m, k) => (local[m] = k));
    const sub = (inner.get(label) ?? []).map((p) => ({ i: local[p.i], j: local[p.j], sim: p.sim }));
    normaliseByDegree(mem.length, sub, innerNormalise);
    const parts = louvain(mem.length, sub);
    const k = Math.max(...parts) + 1;
    if (k < 2) continue;
    const volume = new Float64Array(k);
    const cut = new Float64Array(k);
    let total = 0;
    for (const p of sub) {
      volume[parts[p.i]] += p.sim, volume[parts[p.j]] += p.sim, total += 2 * p.sim;
      if (parts[p.i] !== parts[p.j]) cut[parts[p.i]] += p.sim, cut[parts[p.j]] += p.sim;
    }
    const loose = new Map<number, number>();
    for (let c = 0; c < k; c++) if (cut[c] < maxConductance * Math.min(volume[c], total - volume[c])) loose.set(c, next++);
    if (loose.size === k) loose.delete(0);
    mem.forEach((m, x) => { if (loose.has(parts[x])) out[m] = loose.get(parts[x])!; });
  }
  return out;
}

/**
 * Synchronous passes (up to `passes`, until nothing moves) moving each item to the community its
 * (normalised) links weigh most toward, its own kept on ties. Louvain's moves weigh links against
 * the community's size (modularity's null model), and the loose-part split cuts whole parts, so
 * some items end up beside the community that holds most of their links; this puts them back.
 */
export function moveToStrongestLinks(n: number, pairs: readonly Pair[], labels: readonly number[], passes = 1, graph: Csr = graphOf(n, pairs)): number[] {
  // Flat arrays (no map per node): this runs at every re-clustering of the store. After the first
  // pass only the items next to a move are weighed again: an item whose own label and whose
  // neighbours' labels did not change would sum the same weights in the same order and stay.
  const { off, nbr, wt } = graph;
  const toward = new Float64Array(Math.max(-1, ...labels) + 1);
  const touched = new Int32Array(toward.length);
  let current = Int32Array.from(labels);
  const dirty = new Uint8Array(n).fill(1);
  const movedItems: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const next = current.slice();
    for (let i = 0; i < n; i++) {
      if (!dirty[i]) continue;
      const own = current[i];
      let nTouched = 0;
      for (let k = off[i], end = off[i + 1]; k < end; k++) {
        const c = current[nbr[k]];
        if (toward[c] === 0) touched[nTouched++] = c;
        toward[c] += wt[k];
      }
      let best = own;
      let bestWeight = toward[own];
      for (let y = 0; y < nTouched; y++) {
        const c = touched[y];
        if (toward[c] > bestWeight) best = c, bestWeight = toward[c];
        toward[c] = 0;
      }
      if (best !== own) next[i] = best, movedItems.push(i);
    }
    current = next;
    if (!movedItems.length) break;
    dirty.fill(0);
    for (const i of movedItems) {
      dirty[i] = 1;
      for (let k = off[i]; k < off[i + 1]; k++) dirty[nbr[k]] = 1;
    }
    movedItems.length = 0;
  }
  return Array.from(current);
}
