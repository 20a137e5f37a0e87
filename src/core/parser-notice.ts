// Notifications that look like invitations but are not: an accepted invitation, a birthday, a comment, a
// subscription. Each pattern is bounded; the first that matches names what the text is.

const NOTICES: [RegExp, string][] = [
  [
    /(?<![\p{L}])accepted (?:your|my) (?:invitation|invite|friend request|request|connection request)|(?<![\p{L}])(?:invitation|request) (?:to [^\n]{1,60} )?(?:was|has been) accepted|hat (?:Ihre|deine|meine) (?:Einladung|Anfrage|Freundschaftsanfrage) (?:angenommen|bestätigt)|a accepté (?:votre|ta) (?:invitation|demande)|acept[óo] (?:tu|su) (?:solicitud|invitación)|ha aceptado tu|aceitou (?:seu|o seu|sua) (?:convite|solicitação|pedido)|ha accettato (?:il tuo|la tua) (?:invito|richiesta)|heeft (?:je|uw) (?:uitnodiging|verzoek) geaccepteerd|zaakceptował(?:a)? (?:Twoje|twoje) zaproszenie|(?:リクエスト|申請)を承認しました|つながりました/iu,
    'an accepted invitation',
  ],
  [
    /(?<![\p{L}])(?:accepted|angenommen|a accepté|aceptó|ha aceptado|aceitou|ha accettato|geaccepteerd|zaakceptował)(?![\p{L}])|(?:are now friends|sind jetzt befreundet|êtes maintenant amis|ahora son amigos|agora são amigos|ora siete amici|zijn nu vrienden|jesteście teraz znajomymi|now connected|are connected|sind jetzt vernetzt|êtes maintenant connectés|ahora están conectados|agora estão conectados|ora siete collegati|zijn nu connecties)/iu,
    'an accepted invitation',
  ],
  [
    /(?<![\p{L}])birthdays?(?![\p{L}])|(?<![\p{L}])Geburtstag|(?<![\p{L}])anniversaire(?![\p{L}])|(?<![\p{L}])cumpleaños(?![\p{L}])|cumple años|compie gli anni|fa gli anni|faz anos|verjaardag|(?<![\p{L}])aniversário(?![\p{L}])|(?<![\p{L}])compleanno(?![\p{L}])|(?<![\p{L}])jarig(?![\p{L}])|(?<![\p{L}])urodziny(?![\p{L}])|誕生日/iu,
    'a birthday reminder',
  ],
  [
    /(?<![\p{L}])commented\s?(?:on|:)|(?<![\p{L}])mentioned you(?![\p{L}])|(?<![\p{L}])liked your(?![\p{L}])|(?<![\p{L}])replied to your(?![\p{L}])|(?<![\p{L}])reacted to your(?![\p{L}])|(?<![\p{L}])kommentiert(?![\p{L}])|(?<![\p{L}])a commenté(?![\p{L}])|(?<![\p{L}])ha comentado(?![\p{L}])|(?<![\p{L}])comentó(?![\p{L}])|(?<![\p{L}])comentou(?![\p{L}])|(?<![\p{L}])ha commentato(?![\p{L}])|(?<![\p{L}])heeft gereageerd op(?![\p{L}])|(?<![\p{L}])skomentował|コメントしました|いいね|a aimé|gefällt|le gusta|curtiu|ha messo mi piace|vindt [^\n]{1,40} leuk|leuk gevonden|polubił/iu,
    'a comment or reaction',
  ],
  [
    /(?<![\p{L}])(?:you (?:are now |have )?subscribed to|subscribed to (?:your|my|the|his|her|their|[\p{L}\p{N}._-]{1,40}['’]s) (?:newsletter|podcast|list|mailing list|blog))|(?<![\p{L}])hat (?:Ihren|deinen) Newsletter abonniert|(?<![\p{L}])s'est abonné|(?<![\p{L}])se suscribió(?![\p{L}])|(?<![\p{L}])se inscreveu(?![\p{L}])/iu,
    'a subscription notice',
  ],
  [
    /viewed your profile|hat Ihr Profil angesehen|a consulté votre profil|(?:vio|ha visto) tu perfil|visualizou (?:o )?seu perfil|ha visto il tuo profilo|heeft (?:je|uw) profiel bekeken|wyświetlił(?:a)? (?:Twój|twój) profil|プロフィールを閲覧/iu,
    'a profile view',
  ],
  [
    /(?<![\p{L}])congratulate [^\n]{1,60} on(?![\p{L}])|(?<![\p{L}])work anniversary(?![\p{L}])|(?<![\p{L}])new (?:job|position|role)(?![\p{L}])/iu,
    'a career update',
  ],
];

/**
 * What the text is when it is not an invitation ("a birthday reminder"); null otherwise. When strong invite
 * wording is there too ("met her at a birthday party, she sent me a friend request"), only an acceptance counts.
 */
export function notInvitation(text: string, invites: boolean): string | null {
  for (const [re, what] of NOTICES) {
    if (re.test(text) && (!invites || what === 'an accepted invitation')) return what;
  }
  return null;
}
