// The name a person would use, out of a display name: taglines and emoji cut, lower case capitalised.

const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]|\u{FE0F}|\u{20E3}|\u200d/gu;
const FIRST_EMOJI = /\s*[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const TAGLINE = /\s+[|·•–—]\s+|\s+-\s+/u;
const PARTICLE = /^(?:de|da|del|della|di|du|van|von|der|den|ter|ten|bin|binti|ibn|al|el|la|le|y|dos|das|e)$/;
const HANDLE_LIKE = /[._\d@]/;

/** "🌿 Zoë Kaplan 🌿" → "Zoë Kaplan"; "Ana Ruiz | Brand Strategist 🚀" → "Ana Ruiz"; "Jay 🇺🇸 | NFA" → "Jay". */
export function withoutTagline(raw: string): string {
  let text = raw.replace(/^(?:[\s\p{Extended_Pictographic}\p{Regional_Indicator}]|\u{FE0F}|\u200d)+/u, '');
  const emoji = FIRST_EMOJI.exec(text);
  if (emoji && emoji.index > 0) text = text.slice(0, emoji.index);
  const tag = TAGLINE.exec(text);
  if (tag && tag.index > 0) text = text.slice(0, tag.index);
  return text.replace(EMOJI, '').replace(/\s+/g, ' ').trim();
}

/** "tomasz kowalczyk" → "Tomasz Kowalczyk", "daan de vries" → "Daan de Vries"; a lone handle stays as typed. */
export function capitalised(name: string): string {
  if (HANDLE_LIKE.test(name)) return name;
  const upper = /\p{Lu}/u.test(name);
  const lower = /\p{Ll}/u.test(name);
  const shouting = upper && !lower && name.split(' ').every((w) => w.length > 1); // "SEAN MURPHY"
  if (!shouting && (upper || !lower)) return name;
  const words = (shouting ? name.toLowerCase() : name).split(' ');
  if (words.length < 2) return name;
  return words
    .map((w, i) =>
      i > 0 && i < words.length - 1 && PARTICLE.test(w)
        ? w
        : w.replace(/(^|-|['’](?=\p{Ll}\p{L}))(\p{Ll})/gu, (_, p, c) => p + c.toUpperCase()),
    )
    .join(' ');
}
