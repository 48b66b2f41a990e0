/**
 * A small hand-made list of news outlets that cleanup can recognise in boilerplate lines
 * (app promotions, copyright lines, follow prompts). Written for spinscope: names of widely
 * cited outlets and wires, with the spellings they use for themselves. Short or ambiguous
 * names (RT, AP) are matched case-sensitively as whole words only.
 */
export interface OutletName {
  /** The canonical name reported in `meta.outlet`. */
  name: string;
  pattern: RegExp;
}

/** Outlets, most specific first (so "Fox News" wins over "Fox"). */
export const KNOWN_OUTLETS: readonly OutletName[] = [
  { name: 'Press TV', pattern: /\bpress ?tv\b/i },
  { name: 'Al Jazeera', pattern: /\bal jazeera\b/i },
  { name: 'Breitbart News', pattern: /\bbreitbart\b/i },
  { name: 'The Huffington Post', pattern: /\b(?:the )?huffington post\b|\bhuffpost\b/i },
  { name: 'The New York Times', pattern: /\b(?:the )?new york times\b/i },
  { name: 'The Washington Post', pattern: /\b(?:the )?washington post\b/i },
  { name: 'Los Angeles Times', pattern: /\blos angeles times\b/i },
  { name: 'The Wall Street Journal', pattern: /\b(?:the )?wall street journal\b/i },
  { name: 'The Guardian', pattern: /\bthe guardian\b/i },
  { name: 'The Independent', pattern: /\bthe independent\b/i },
  { name: 'Daily Mail', pattern: /\bdaily ?mail\b/i },
  { name: 'Fox News', pattern: /\bfox news\b/i },
  { name: 'CNN', pattern: /\bCNN\b/ },
  { name: 'BBC', pattern: /\bBBC\b/ },
  { name: 'NPR', pattern: /\bNPR\b/ },
  { name: 'Politico', pattern: /\bpolitico\b/i },
  { name: 'The Hill', pattern: /\bthe hill\b/i },
  { name: 'Reuters', pattern: /\breuters\b/i },
  { name: 'Associated Press', pattern: /\bassociated press\b|\bAP\b/ },
  { name: 'Agence France-Presse', pattern: /\bagence france[- ]presse\b|\bAFP\b/ },
  { name: 'RT', pattern: /\bRT\b|\brt\.com\b/ },
  { name: 'Sputnik', pattern: /\bsputnik\b/i },
  { name: 'TASS', pattern: /\bTASS\b/ },
  { name: 'Xinhua', pattern: /\bxinhua\b/i },
  { name: 'Global Times', pattern: /\bglobal times\b/i },
  { name: 'CGTN', pattern: /\bCGTN\b/ },
  { name: 'Anadolu Agency', pattern: /\banadolu\b/i },
  { name: 'Tasnim News Agency', pattern: /\btasnim\b/i },
  { name: 'Fars News Agency', pattern: /\bfars news\b/i },
  { name: 'IRNA', pattern: /\bIRNA\b/ },
  { name: 'Daily Caller', pattern: /\bdaily caller\b/i },
  { name: 'Clash Daily', pattern: /\bclash ?daily\b/i },
  { name: 'UPI', pattern: /\bUPI\b|\bunited press international\b/ },
];

/** The first known outlet named in a line, if any. */
export function findKnownOutlet(line: string): string | undefined {
  return KNOWN_OUTLETS.find((o) => o.pattern.test(line))?.name;
}
