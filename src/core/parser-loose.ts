import { ALIAS_OWNER } from './parser-platform.js';

// Descriptions typed quickly put the name anywhere: "my dentist added me on fb lol. greta lindholm". When no
// wording points at the name, a short phrase of two or three name-like words on its own is taken for it.

const SEGMENT = /[,.;:!?()[\]"“”]|\s[-–—]\s|\n/u;
const WORD = /^\p{L}[\p{L}\p{M}'’-]{0,30}$/u;
const UPPER_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’-]*|de|da|del|di|du|van|von|der|den|ter|dos|das|la|le)$/u;
const MAX_TEXT = 400;
const PARTICLE = /^(?:van|von|de|der|den|da|di|du|la|le|del|dos|das|ter|ten)$/;

// Words that make a phrase something other than a name, in the corpus languages' everyday vocabulary.
const STOP = new Set(
  `a an the and or but so of to in on at by for from with without via about as is are was were be been am it its
  i me my mine you your he him his she her they them their we us our who whom what which that this these those
  no not never nope yes yeah lol lmao idea sure where when why how which app some any someone somebody random
  guy girl man woman person people account profile private public name names request req invite invitation follow
  follower friend friends colleague coworker co-worker recruiter sales vendor old new ex former school work gym
  just also got get sent send added add wants want asked seems like bot spam fake think maybe know knows knew
  met meet spoke speak talked real really very much many one two three please thanks hi hello hey
  mein meine ich mir mich du dir und oder von vom bei mit auf ein eine einen kenne nicht nie
  je moi mon ma mes tu toi et ou de du des le la les un une sur avec pas jamais
  yo mi mis tú te y o del el los las un una en con no nunca
  eu meu minha você e ou do da dos das um uma em com não nunca
  io mio tu e o di il lo gli la le un una su con non mai
  ik mij mijn jij je en of van het een op met niet nooit
  ja mnie mój moja ty i lub od na z nie nigdy
  accept ignore confirm delete decline approve deny view see reply message join block report follow back
  eingehende freundschaftsanfrage anfrage einladung demande solicitud convite richiesta verzoek zaproszenie
  aceitar ignorar aceptar accetta ignora accepteren negeren akceptuj zignoruj annehmen ignorieren accepter ignorer
  confirmar eliminar excluir conferma elimina bevestigen verwijderen potwierdź usuń bestätigen löschen supprimer
  wil veut quiere quer vuole chce möchte wants just new`.split(/\s+/),
);

/** Two or three words that could be a name and are not everyday words, or null. */
export function nameish(segment: string): string | null {
  const words = segment.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  if (words.length === 4 && !words.slice(1, 3).some((w) => PARTICLE.test(w))) return null; // "maria de la cruz"
  if (!words.every((w) => WORD.test(w))) return null;
  const lower = words.every((w) => w === w.toLowerCase());
  if (!lower && !words.every((w) => UPPER_WORD.test(w))) return null;
  // Particles ("daan de vries") belong to a name between its words, though they are everyday words too.
  const everyday = (w: string, i: number) =>
    (STOP.has(w.toLowerCase()) && !(i > 0 && PARTICLE.test(w))) || ALIAS_OWNER.has(w.toLowerCase());
  if (words.some(everyday)) return null;
  return words.join(' ');
}

/** A loose name in a short description, or null. */
export function looseName(text: string): string | null {
  if (text.length > MAX_TEXT) return null;
  for (const segment of text.split(SEGMENT)) {
    const name = nameish(segment);
    if (name) return name;
  }
  return null;
}

// Japanese notifications put the name before the honorific: "佐藤 花子さんから友達リクエストが届きました".
const JA_INVITE = /フォロー|リクエスト|つながり|申請|友達|招待/u;
const JA_NAME =
  /([^\s、。:：「」()（）]{1,24}(?: [^\s、。:：「」()（）]{1,24})?)さん(?:\s*[(（](@[\p{L}\p{N}_.@-]{1,60})[)）])?/u;
const JA_CUT = /^.*(?:で|は|、|。|：|:)/u;

/** The inviter of a Japanese line, with a handle if one follows the name; null when the line is not one. */
export function japaneseName(line: string): { name: string; handle?: string } | null {
  if (!JA_INVITE.test(line)) return null;
  const m = JA_NAME.exec(line);
  if (!m?.[1]) return null;
  const before = line.slice(0, m.index + m[1].length);
  const cut = JA_CUT.exec(before);
  const name = (cut ? before.slice(cut[0].length) : before.slice(m.index)).trim();
  if (name === '') return null;
  return m[2] ? { name, handle: m[2] } : { name };
}

const NAME_CASE = /^\p{Lu}[\p{L}\p{M}'’.-]{0,30}$/u;
const LOWER_WORD = /^\p{Ll}[\p{Ll}\p{M}'’-]{0,30}$/u;
const ARTICLE = /^(?:a|o)$/;

/**
 * A line that opens with a name and goes on about an invitation in any language: "Beatriz Prieto te ha enviado
 * una invitación…", "finn larsen wants to follow my private insta". Returns the name, or null.
 */
export function leadingName(line: string, inviteStem: RegExp): string | null {
  const words = line.trim().split(/\s+/);
  if (ARTICLE.test(words[0] ?? '')) words.shift(); // "a renata duarte me adicionou"
  const lower = LOWER_WORD.test(words[0] ?? '');
  const fits = (w: string) => (lower ? LOWER_WORD.test(w) && !STOP.has(w) && !ALIAS_OWNER.has(w) : NAME_CASE.test(w));
  let n = 0;
  while (n < words.length && n < 4 && (fits(words[n] ?? '') || (n > 0 && PARTICLE.test(words[n] ?? '')))) n++;
  if (lower && n > 2 && !PARTICLE.test(words[1] ?? '')) n = 2; // "paul schneider will …": verbs look like names
  while (n > 0 && PARTICLE.test(words[n - 1] ?? '')) n--;
  if (n < 2 || n >= words.length) return null;
  const rest = words.slice(n).join(' ');
  if (!/^\p{Ll}/u.test(rest) || !inviteStem.test(rest)) return null;
  return words.slice(0, n).join(' ');
}
