/*
 * What each persuasion technique (the PTC label set) means, in one line written for this
 * project, so a reader meeting "Flag-Waving" in the panel or a tooltip knows what was flagged.
 */

export const TECHNIQUE_HELP: Readonly<Record<string, string>> = {
  Loaded_Language: 'words picked for their emotional charge rather than for what they say',
  'Name_Calling,Labeling': 'a label meant to make the audience love or despise its target',
  Repetition: 'the same message said over and over so that it sticks',
  'Exaggeration,Minimisation': 'making something out to be bigger or smaller than it is',
  Doubt: 'casting doubt on a person or body rather than answering their argument',
  'Appeal_to_fear-prejudice': 'seeking support by stirring up fear or an existing prejudice',
  'Flag-Waving': 'appealing to pride in a group (nation, party, people) to justify a view',
  Causal_Oversimplification: 'one cause given for an outcome that has many',
  Slogans: 'a short, catchy phrase standing in for an argument',
  Appeal_to_Authority: 'a claim offered as true because an authority says so',
  'Black-and-White_Fallacy': 'two options presented as the only ones there are',
  'Thought-terminating_Cliches': 'a stock phrase that discourages further thought',
  'Whataboutism,Straw_Men,Red_Herring': 'deflecting: pointing at the other side, twisting its view, or changing the subject',
  'Bandwagon,Reductio_ad_hitlerum': 'join the crowd, or reject an idea because a despised group holds it',
};

/** The one-line meaning of a technique label; undefined for labels not in the set. */
export function techniqueHelp(label: string): string | undefined {
  return TECHNIQUE_HELP[label];
}
