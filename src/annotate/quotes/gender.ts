/**
 * Grammatical gender of people as the article shows it, for "he"/"she" speakers: honorifics
 * ("Mrs. Clinton"), gendered role words ("spokeswoman") and common given names. The name lists
 * were written by hand for spinscope from general knowledge (frequent given names in English-
 * language news, a few international ones); a name missing from them simply leaves the gender
 * unknown, and an unknown gender never blocks a resolution.
 */
export type Gender = 'f' | 'm';

const FEMALE_NAMES = new Set(`
ada agnes alice alicia alison amanda amelia amina amy ana andrea angela anna anne annie ashley barbara betty beverly
brenda carla carmen carol caroline catherine charlotte chelsea christina christine claire clara cynthia daniela debbie
deborah denise diana diane donna dorothy elaine eleanor elena elif elizabeth ella ellen emily emma erin eva fatima fiona
frances gabriela gina grace hannah heather heidi helen helena hillary ilhan ingrid irene isabel jacqueline jane janet
janice jennifer jessica jill joan joanna josephine joy judith judy julia julie karen karin katherine kathleen kathy
kate katie kelsey kimberly kirsten laura lauren leah linda lisa lori louise lucy lydia madeleine margaret maria
marie marina marta martha mary megan melania melanie melissa michelle monica nancy natalie nicola nicole nina nora olga
olivia pamela patricia paula pauline rachel rebecca rita rosa rose ruth sally samantha sandra sara sarah sharon sheila
shirley silvia sonia sophia sophie stephanie susan suzanne tamara teresa theresa tina tracy ursula valerie vanessa
victoria virginia wendy yasmin yvonne zoe
`.trim().split(/\s+/));

const MALE_NAMES = new Set(`
aaron abdul adam adel ahmed alan albert alexander ali andrew anthony antonio arthur barack ben benjamin bernie bill bob
boris brad brandon brian bruce bryan carl carlos charles chris christopher chuck colin craig dan daniel david dennis
dick donald douglas edward emmanuel eric erik evan frank fred gary george gerald gordon greg gregory hans harold harry
henry hugh ian ivan jack jacob james jason jeff jeffrey jeremy jerry jim joe joel john jon jonathan jose joseph josh
juan justin keith ken kenneth kevin khalid lars lawrence leon luis marco marcus mark martin matthew michael miguel
mike mitch mitt mohammed muhammad nathan neil nick nicolas oliver omar oscar patrick paul pedro peter philip piotr rand
ray raymond richard rick robert roger ron ronald ruben russell ryan sam samuel scott sean sergei sergey stephen steve
steven stuart ted thomas tim timothy todd tom tony vladimir walter wayne william xi yusuf
`.trim().split(/\s+/));

/** Words in a role or alias that say the person's gender. */
const FEMALE_WORDS = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'madam', 'dame', 'lady', 'spokeswoman', 'chairwoman', 'congresswoman', 'businesswoman', 'actress', 'queen', 'princess', 'wife', 'mother', 'daughter', 'sister', 'grandmother', 'widow']);
const MALE_WORDS = new Set(['mr', 'mr.', 'sir', 'lord', 'spokesman', 'congressman', 'businessman', 'actor', 'king', 'prince', 'husband', 'father', 'son', 'brother', 'grandfather', 'widower']);

/** The gender a person's name, aliases and roles show, or undefined when they show none (or both). */
export function genderOf(name: string, aliases: readonly string[], roles: readonly string[]): Gender | undefined {
  let f = false;
  let m = false;
  const given = name.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (name.includes(' ')) {
    if (FEMALE_NAMES.has(given)) f = true;
    if (MALE_NAMES.has(given)) m = true;
  }
  for (const phrase of [...aliases, ...roles]) {
    for (const w of phrase.toLowerCase().split(/\s+/)) {
      if (FEMALE_WORDS.has(w)) f = true;
      if (MALE_WORDS.has(w)) m = true;
    }
  }
  return f === m ? undefined : f ? 'f' : 'm';
}

/** The gender of a personal pronoun ("she", "her" → f), or undefined. */
export function pronounGender(word: string): Gender | undefined {
  return word === 'she' || word === 'her' ? 'f' : word === 'he' || word === 'him' ? 'm' : undefined;
}
