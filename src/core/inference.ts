/**
 * Answers the user already gave, read from the invitation text and their own description of it: "my patient"
 * answers whether they serve the inviter professionally, "we had coffee" whether they have met. Pure: the same
 * words always give the same answers. A statement that is hedged ("I think we met once") answers nothing, and a
 * negated one ("not my patient anymore", "never talked to him") answers the other way.
 */

/** One answer read from the user's words, with the words that support it. */
export interface Inferred {
  /** A choice id of the criterion: 'yes', 'no', 'former', 'planned', 'unsure'. */
  answer: string;
  /** The user's words that gave it, as they wrote them: "my patient". */
  because: string;
}

/** Criterion id → the answer the user's words give it. */
export type Inferences = Record<string, Inferred>;

interface Rule {
  criterion: string;
  pattern: RegExp;
  /** The answer when the words stand as written. */
  answer: string;
  /** The answer when they are negated; none means a negation answers nothing. */
  negated?: string;
  /** The answer when they speak of the past ("former", "anymore"); none means the past counts as written. */
  past?: string;
}

const PROFESSIONAL = '(?:patient|client|student|pupil|counselee|mentee)s?';
const KIN =
  '(?:sister|brother|sibling|mom|mum|mother|dad|father|parent|cousin|aunt|uncle|niece|nephew|wife|husband|partner|fianc[eé]e?|son|daughter|grand(?:ma|pa|mother|father)|in-law|(?:best |close |childhood |old |college |school )?friend|(?:old )?(?:room|flat|house)mate|neighbou?r)';

/** Earlier rules win for the same criterion; a parent of a student is not a student. */
const RULES: readonly Rule[] = [
  {
    criterion: 'parent_of_student',
    pattern:
      /\b(?:my (?:student|pupil)(?:'|’)s (?:mom|mum|mother|dad|father|parent|guardian)|(?:mom|mum|mother|dad|father|parent|guardian) of (?:my|a) (?:student|pupil))\b/i,
    answer: 'yes',
    negated: 'no',
  },
  {
    criterion: 'serves_professionally',
    pattern: new RegExp(
      String.raw`\b(?:(?:my|our)(?: (?:former|ex-?|old|past|current|new))? ${PROFESSIONAL}(?!(?:'|’)s)|(?:a|an) (?:former |ex-?|current )?${PROFESSIONAL} of (?:mine|ours)|(?:ex-|former )${PROFESSIONAL})\b`,
      'i',
    ),
    answer: 'yes',
    negated: 'no',
    past: 'former',
  },
  {
    criterion: 'met_in_person_or_phone',
    pattern:
      /\b(?:(?:call|meeting|coffee|chat|zoom)(?: is| was)? (?:planned|scheduled|booked|set up) |(?:we(?:'re| are)|i(?:'m| am)) (?:going to|gonna) (?:meet|talk|speak|call)|(?:we'll|we will) (?:meet|talk|speak)|talking next week|meeting next week)/i,
    answer: 'planned',
  },
  {
    criterion: 'met_in_person_or_phone',
    pattern:
      /\b(?:met (?:(?:him|her|them) )?(?:at|in|during|on|through|for|over|once|twice|last|a few)|we(?: have|'ve)? met|(?:had|grabbed|went for) (?:a )?(?:coffee|lunch|dinner|drinks?|beers?|a call|a phone call|a video call)|(?:spoke|talked|chatted|spoken|talk|speak)(?: (?:to|with) (?:him|her|them))? (?:on|over|by) (?:the )?(?:phone|zoom|teams|video)|(?:phone|video|zoom) call with|in person)\b/i,
    answer: 'yes',
    negated: 'no',
  },
  {
    criterion: 'met_in_person_or_phone',
    pattern:
      /\b(?:never (?:met|talked|spoken|spoke|talk)|(?:have|has|had)(?: not|n't) (?:met|talked|spoken)|(?:did not|didn't|do not|don't) (?:meet|know|talk)|no idea who|random(?:ly)?|(?:a |total |complete )?strangers?|never heard of)\b/i,
    answer: 'no',
  },
  {
    criterion: 'knows_them',
    pattern:
      /\b(?:no idea who|(?:do not|don't|doesn't|dont) know (?:him|her|them|who|this person)|random(?:ly)?|(?:a |total |complete )?strangers?|never heard of|never (?:met|talked|spoken|spoke))\b/i,
    answer: 'no',
  },
  {
    criterion: 'knows_them',
    pattern: new RegExp(
      String.raw`\b(?:(?:my|our) ${KIN}|${KIN} of mine|(?:old|former) (?:room|flat|house)mate)\b`,
      'i',
    ),
    answer: 'yes',
    negated: 'no',
  },
  {
    criterion: 'met_in_person_or_phone',
    pattern: new RegExp(String.raw`\b(?:(?:my|our) ${KIN}|(?:old|former) (?:room|flat|house)mate)\b`, 'i'),
    answer: 'yes',
  },
];

/** Words that make the statement after them uncertain: then it answers nothing, and the question is asked. */
const HEDGE =
  /\b(?:i think|i guess|i believe|maybe|perhaps|probably|possibly|might|may have|not sure|unsure|i'm not certain|kind of|sort of|or something|if i remember|iirc|i suppose)\b/i;
/** Words that turn the statement after them around within its clause. */
const NEGATION = /\b(?:not|no longer|isn't|wasn't|aren't|weren't|is no|never)\b\s*(?:\w+\s+){0,3}$/i;
/** Words after the statement that put it in the past: "not my patient anymore". */
const PAST_AFTER = /^\W*(?:\w+\W+){0,3}?(?:anymore|any more|no longer|these days|before|in the past)\b/i;
const PAST_WORD = /\b(?:former|ex-?|old|past)\b/i;
/** What separates clauses: each statement is judged within its own. */
const CLAUSE = /[.;!?\n]+|,\s*|\s+but\s+|\s+though\s+|\s+although\s+/i;
const ENDS_OPEN = /\b(?:at|in|during|on|through|for|over|with|to|once|last)$/i;
const MAX_SCAN = 4000;
const MAX_BECAUSE = 80;

/** Reads the answers the texts give: the invitation first, then the user's own description of it. */
export function inferAnswers(texts: readonly (string | null | undefined)[]): Inferences {
  const found: Inferences = {};
  for (const text of texts) {
    if (!text) continue;
    for (const clause of text.slice(0, MAX_SCAN).split(CLAUSE)) inferClause(clause, found);
  }
  // A student's parent is not the student: the professional question is answered too.
  const parent = found.parent_of_student;
  if (parent?.answer === 'yes' && !found.serves_professionally)
    found.serves_professionally = { ...parent, answer: 'no' };
  return found;
}

function inferClause(clause: string, found: Inferences): void {
  for (const rule of RULES) {
    if (found[rule.criterion]) continue;
    const m = rule.pattern.exec(clause);
    if (!m) continue;
    const before = clause.slice(0, m.index);
    const after = clause.slice(m.index + m[0].length);
    if (HEDGE.test(before) || HEDGE.test(after)) continue;
    const negated = NEGATION.test(before);
    const past = PAST_AFTER.test(after) || PAST_WORD.test(m[0]) || /\bused to be\s*$/i.test(before);
    let answer: string | undefined = rule.answer;
    let turned = true;
    if (past && rule.past) answer = rule.past;
    else if (negated) answer = rule.negated;
    else turned = false;
    if (!answer) continue;
    // A match that ends on a preposition ("met at") reads better with what follows ("met at a conference").
    const tail = /^(?:\s+[^\s,.;!?]+){0,3}/.exec(after)?.[0] ?? '';
    const words = turned ? clause : ENDS_OPEN.test(m[0]) ? m[0] + tail : m[0];
    found[rule.criterion] = { answer, because: clip(words) };
  }
}

/** The user's words, on one line and bounded: the match, or its whole clause when negation or time turned it. */
function clip(words: string): string {
  const text = words.replace(/\s+/g, ' ').trim();
  return text.length > MAX_BECAUSE ? `${text.slice(0, MAX_BECAUSE - 1)}…` : text;
}

const SPAM =
  /\b(?:crypto|bitcoin|btc|forex|binary options|investment opportunit(?:y|ies)|guaranteed (?:returns?|profits?)|passive income|earn \$?\d|make \$?\d+k?|click (?:here|the link)|whatsapp me|telegram me|dm me for|sugar (?:daddy|mommy|baby)|hot singles|you (?:have )?won|lottery|gift ?card|cash ?app|onlyfans|lonely and|seeking a serious relationship)\b/i;

/** Whether the text reads like spam: then the decision also offers to report it. */
export function looksLikeSpam(text: string | null | undefined): boolean {
  return Boolean(text && SPAM.test(text.slice(0, MAX_SCAN)));
}
