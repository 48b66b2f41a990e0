// Small pages written for the extractor's rule tests (no third-party text): four paragraphs of
// invented prose and a page wrapper, shared by rules.test.ts and body.test.ts.

export const PARAS = [
  'The ferry company of Lornhaven announced on Monday that its two oldest boats will be retired before the summer season begins.',
  'Passengers have complained for years about delays on the northern route, where the older boats struggle against the winter currents.',
  'A new vessel, built at the yard in Skarvik, is expected to join the fleet in June after sea trials in the sound.',
  'The company said fares would not rise this year, although the cost of fuel has climbed by a fifth since the autumn.',
];

/** The paragraphs as `<p>` elements, one per line. */
export const prose = (ps: readonly string[] = PARAS) => ps.map((p) => `<p>${p}</p>`).join('\n');

/** A whole UTF-8 page around the given head and body markup. */
export const wrap = (head: string, body: string) => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
