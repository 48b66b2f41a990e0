/**
 * Hand-made lexicons for persuasion techniques, written for spinscope from general knowledge of
 * propaganda and media-bias vocabulary (Prta's technique definitions, style guides on loaded
 * language), not extracted from any data set. Entries are lower-case; a space separates words of
 * a phrase (matched on token sequences). They feed features of the learned models (which weigh
 * them) and the evidence shown to readers (which names them).
 */

/** A lexicon category: its name in features, how evidence describes a hit, and the entries. */
export interface LexiconCategory {
  name: string;
  describe: string;
  entries: readonly string[];
}

const words = (s: string): string[] => s.trim().split(/\s*\|\s*|\n+/).map((w) => w.trim()).filter(Boolean);

/** Emotionally loaded, vivid words: strong verbs, nouns and adjectives of outrage. */
const LOADED = words(`
onslaught|havoc|wreak|wreaking|wreaked|brutal|brutally|barbaric|savage|savagery|vicious|heinous|horrific|horrifying|
atrocious|atrocity|atrocities|outrageous|outrage|outraged|shameful|shameless|disgraceful|disgrace|disgusting|despicable|
vile|evil|sinister|nefarious|ruthless|bloodthirsty|bloody|slaughter|slaughtered|massacre|massacred|butcher|butchered|
devastating|devastated|catastrophic|disastrous|shocking|scandal|scandalous|sham|farce|fiasco|debacle|hoax|witch hunt|
rigged|corrupt|corruption|crooked|lie|lies|lying|liar|deceit|deceitful|deceptive|propaganda|smear|slander|hysteria|
frenzy|rampage|rampant|carnage|bloodbath|annihilate|annihilation|obliterate|crush|crushed|destroy|destroyed|destruction|
assault|attack|attacked|war on|crusade|plunder|loot|looting|rape|raped|ravage|ravaged|ravaging|terror|terrorize|
tyranny|tyrannical|oppressive|oppression|persecution|persecuted|enslave|enslaved|genocide|holocaust|ethnic cleansing|
vicious cycle|draconian|radical|extreme|extremist|fanatic|fanatical|fanatics|insane|insanity|crazy|lunatic|lunacy|
deranged|unhinged|demented|psychotic|schizophrenic|hysterical|delusional|paranoid|absurd|ridiculous|ludicrous|
preposterous|pathetic|idiotic|stupid|moronic|dumb|laughable|nonsense|garbage|trash|rubbish|toxic|poison|poisonous|
venom|venomous|hateful|hatred|hate|bigot|bigoted|bigotry|racist|sexist|xenophobic|shocking|stunning|bombshell|
explosive|blatant|blatantly|flagrant|egregious|reckless|dangerous|cowardly|coward|cowards|treacherous|treason|
betray|betrayal|betrayed|sabotage|hijack|hijacked|infest|infested|swarm|flood|flooded|invasion|invade|invaders|horde|
hordes|plague|cancer|disease|vermin|parasite|parasites|pervert|perverted|depraved|sick|twisted|wicked|demonic|satanic|
diabolical|monstrous|monster|monsters|beast|beasts|nightmare|hell|hellish|doom|doomed|apocalypse|apocalyptic|
chaos|chaotic|mayhem|turmoil|meltdown|collapse|crumbling|ruin|ruined|ruins|cruel|cruelty|inhumane|illegitimate|
illegal|criminal|criminals|crime|crimes|thug|thugs|gang|gangs|mob|regime|junta|dictator|dictatorship|despot|puppet|
stooge|lackey|hypocrite|hypocrisy|hypocritical|arrogant|arrogance|elitist|elite|elites|so-called|notorious|infamous|
sham|bogus|fake|phony|fraud|fraudulent|scam|conspiracy|cabal|collusion|cover-up|whitewash|blackmail|extortion|
slam|slammed|blast|blasted|lambast|lambasted|rip|ripped|bash|bashed|trash|trashed|vow|vowed|defy|defied|flout|flouted|
mock|mocked|ridicule|ridiculed|humiliate|humiliated|humiliating|shame|shamed|bully|bullied|bullying|threaten|
`);

/** Labels attached to people and groups: insults and stigmatising category names. */
const NAME_CALLING = words(`
terrorist|terrorists|terrorism|jihadist|jihadists|takfiri|takfiris|islamist|islamists|militant|militants|insurgent|
insurgents|extremists|radicals|fascist|fascists|fascism|nazi|nazis|neo-nazi|communist|communists|commie|commies|
marxist|marxists|socialist|socialists|leftist|leftists|liberal|liberals|lefty|libtard|snowflake|snowflakes|
globalist|globalists|zionist|zionists|neocon|neocons|warmonger|warmongers|hawk|hawks|traitor|traitors|
white supremacist|supremacist|supremacists|alt-right|far-right|far-left|antifa|anarchist|anarchists|
mobster|criminal|crook|crooks|thief|thieves|murderer|murderers|killer|killers|butcher|tyrant|tyrants|despot|
dictator|strongman|puppet|puppets|stooge|stooges|shill|shills|troll|trolls|bot|bots|idiot|idiots|moron|morons|
fool|fools|clown|clowns|buffoon|imbecile|loser|losers|crackpot|crank|kook|nutjob|lunatic|lunatics|maniac|maniacs|
madman|psychopath|sociopath|bigot|bigots|racist|racists|deplorable|deplorables|pedophile|pedophiles|predator|
predators|rapist|rapists|pervert|perverts|heretic|heretics|infidel|infidels|apostate|cult|cultist|cultists|
mob|mobs|rabble|horde|swamp|deep state|establishment|mainstream media|fake news|enemy of the people|regime|
`);

/** Fear, threat and danger vocabulary (appeal to fear or prejudice). */
const FEAR = words(`
fear|fears|afraid|scared|terrified|terrifying|frightening|threat|threats|threaten|threatens|threatening|danger|
dangers|dangerous|peril|perilous|risk|risks|menace|deadly|lethal|fatal|kill|killed|kills|killing|death|deaths|die|
dying|destroy|destroys|destruction|catastrophe|catastrophic|disaster|disastrous|crisis|collapse|invasion|invade|
attack|attacks|war|wars|nuclear|bomb|bombs|epidemic|pandemic|outbreak|plague|contagion|infect|infected|virus|
poison|toxic|victim|victims|vulnerable|unsafe|insecurity|chaos|anarchy|violence|violent|bloodshed|warn|warned|
warning|warnings|alarming|alarm|grave|dire|imminent|looming|doom|extinction|annihilation|wipe out|take over|
takeover|replace|replaced|overrun|swamped|flood of|wave of|crime wave|no one is safe|next target|time bomb|
ticking|before it is too late|too late|at stake|lose everything|your children|our children|your family|
`);

/** National and group-identity references (flag-waving). */
const FLAG = words(`
nation|nations|national|nationalist|patriot|patriots|patriotic|patriotism|homeland|motherland|fatherland|
country|our country|this country|great country|greatest country|our nation|this nation|our people|the people|
america|american|americans|america first|united states|u.s.|usa|britain|british|england|english|russia|russian|
russians|china|chinese|iran|iranian|israel|israeli|france|french|germany|german|europe|european|
flag|flags|anthem|constitution|founding fathers|founders|freedom|freedoms|liberty|sovereign|sovereignty|
independence|heritage|tradition|traditions|values|our values|way of life|western civilization|civilization|
troops|soldiers|veterans|military|heroes|hero|sacrifice|sacrificed|defend|defending|defenders|security|
make america great|great again|god bless|in god we trust|land of the free|we the people|fellow citizens|
`);

/** Authority cues: experts, institutions, titles and reporting verbs of expertise. */
const AUTHORITY = words(`
expert|experts|scientist|scientists|scholar|scholars|researcher|researchers|professor|professors|prof.|dr.|doctor|
doctors|analyst|analysts|specialist|specialists|authority|authorities|official|officials|spokesman|spokeswoman|
spokesperson|study|studies|research|report|survey|poll|data|evidence|according to|experts say|scientists say|
studies show|research shows|science says|proven|proof|confirmed|pope|bishop|cardinal|president|minister|
secretary|chief|director|institute|university|academy|harvard|oxford|united nations|fbi|cia|pentagon|
intelligence|sources say|insiders|insider|famous|renowned|prominent|respected|distinguished|
nobel|award-winning|well-known|eminent|acclaimed|
`);

/** Doubt cues: questioning credibility. */
const DOUBT = words(`
allegedly|alleged|supposedly|supposed|so-called|purported|purportedly|claim|claims|claimed|claiming|
questionable|dubious|doubt|doubts|doubtful|suspicious|suspect|unproven|unclear|uncertain|really|actually|
whether|why|how can|how could|is it|was it|can we|could it|who is|what if|mysterious|mystery|strange|
odd|curious|convenient|conveniently|coincidence|apparently|seemingly|questions|question|credibility|credible|
unreliable|misleading|debunked|false|falsely|untrue|baseless|unfounded|hearsay|rumor|rumors|speculation|
`);

/** Intensifiers and absolute words (exaggeration or minimisation). */
const INTENSIFIER = words(`
very|extremely|incredibly|totally|utterly|completely|absolutely|entirely|thoroughly|highly|deeply|hugely|
enormously|massively|tremendously|immensely|truly|really|so|such|too|ever|never|always|forever|all|every|
everyone|everybody|everything|nothing|nobody|none|no one|only|merely|just|simply|mere|barely|hardly|slightly|
tiny|little|minor|trivial|insignificant|negligible|nothing but|at all|whatsoever|literally|unprecedented|
unbelievable|incredible|amazing|astonishing|staggering|mind-boggling|enormous|huge|massive|gigantic|vast|
countless|endless|infinite|millions|billions|thousands|hundreds|record|historic|epic|biggest|greatest|largest|
worst|best|most|least|ultimate|total|complete|absolute|perfect|sheer|pure|pure evil|
`);

/** Bandwagon and reductio-ad-hitlerum cues. */
const BANDWAGON = words(`
everyone knows|everybody knows|everyone agrees|everybody agrees|most people|the majority|majority of|
millions of|the whole world|the world knows|all americans|all of us|join|join us|joining|bandwagon|consensus|
popular|trend|trending|movement|nobody believes|no one believes|hitler|hitler's|nazi|nazis|stalin|mussolini|
goebbels|third reich|gestapo|kkk|ku klux klan|totalitarian|like hitler|communist china|north korea|
`);

/** Causal oversimplification cues. */
const CAUSAL = words(`
because|because of|therefore|thus|hence|consequently|so that|due to|as a result|result of|led to|leads to|
lead to|caused|causes|cause|blame|blamed|blames|fault|responsible for|the reason|the real reason|the root|
root cause|the source of|thanks to|that is why|that's why|which is why|simply because|all because|
`);

/** Whataboutism, straw man and red herring cues. */
const WHATABOUT = words(`
what about|how about|what of|but what|yet they|while ignoring|ignored|ignore|ignores|double standard|
double standards|hypocrisy|hypocrite|hypocrites|hypocritical|same people|the same|instead of|meanwhile|
never mind|forget about|let's not forget|lest we forget|never mentioned|conveniently|selective|
`);

/** Black-and-white fallacy cues: two options, all or nothing. */
const BLACK_WHITE = words(`
either|or else|only two|only option|only choice|only way|no alternative|no other choice|no choice|
no middle ground|with us or against us|you are either|there is no|nothing less|one or the other|
if we don't|if we do not|unless we|must choose|the choice is|all or nothing|
`);

/** Thought-terminating clichés and stock phrases. */
const CLICHE = words(`
it is what it is|it's what it is|enough is enough|at the end of the day|the bottom line|bottom line|make no mistake|
period|end of story|end of discussion|nothing to see|move on|let's move on|time will tell|so be it|
that's life|that's the way it is|that's just how it is|everything happens for a reason|it's common sense|
common sense|just saying|the fact is|the truth is|facts are facts|you know what|mark my words|
think about it|don't be fooled|wake up|open your eyes|it goes without saying|needless to say|
boys will be boys|rules are rules|the law is the law|whatever it takes|no matter what|
`);

/** Slogan patterns: rallying calls, imperatives and chants. */
const SLOGAN = words(`
make america great again|america first|drain the swamp|lock her up|build the wall|build that wall|
yes we can|never again|never forget|not my president|hands off|stand with|stand up|fight back|
black lives matter|all lives matter|blue lives matter|me too|#metoo|time's up|we shall overcome|
no justice no peace|love trumps hate|stronger together|keep america great|believe women|
in god we trust|god bless america|death to|down with|long live|victory|resist|resistance|
`);

/** Every category, in a fixed order (feature names depend on `name`). */
export const LEXICON_CATEGORIES: readonly LexiconCategory[] = [
  { name: 'loaded', describe: 'emotive word', entries: LOADED },
  { name: 'label', describe: 'labelling word', entries: NAME_CALLING },
  { name: 'fear', describe: 'fear word', entries: FEAR },
  { name: 'flag', describe: 'national reference', entries: FLAG },
  { name: 'authority', describe: 'appeal to an authority:', entries: AUTHORITY },
  { name: 'doubt', describe: 'doubt cue', entries: DOUBT },
  { name: 'intense', describe: 'intensifier or absolute', entries: INTENSIFIER },
  { name: 'bandwagon', describe: 'bandwagon or Hitler comparison', entries: BANDWAGON },
  { name: 'causal', describe: 'causal cue', entries: CAUSAL },
  { name: 'whatabout', describe: 'whataboutism cue', entries: WHATABOUT },
  { name: 'binary', describe: 'either-or framing', entries: BLACK_WHITE },
  { name: 'cliche', describe: 'stock phrase', entries: CLICHE },
  { name: 'slogan', describe: 'slogan', entries: SLOGAN },
];
