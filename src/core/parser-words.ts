// Wording in the nine languages the parser reads (en, de, fr, es, pt, it, nl, pl, ja), learnt from the networks'
// own notification phrasing. Every pattern is built from literals and bounded repeats: none can backtrack badly.

/** Verbs that follow the inviter's name: "<name> wants to connect", "<name> folgt dir", "<name> vous suit". */
export const FOREIGN_VERBS = [
  // de
  'möchte sich (?:gerne )?mit (?:Ihnen|dir) (?:auf [\\p{L}]{2,12} )?vernetzen',
  'möchte sich vernetzen',
  'möchte (?:Ihnen|dir) folgen',
  'folgt (?:dir|Ihnen|mir)(?: jetzt)?',
  'hat (?:angefangen|begonnen), (?:dir|Ihnen) zu folgen',
  'hat (?:dir|Ihnen|mir) eine [\\p{L}]{0,20}(?:anfrage|einladung) (?:auf [\\p{L}]{2,12} )?(?:gesendet|geschickt)',
  'möchte (?:auf [\\p{L}]{2,12} )?mit (?:dir|Ihnen) befreundet sein',
  'hat (?:mich|dich|Sie) eingeladen',
  'lädt (?:dich|Sie) ein',
  // fr
  'vous a invité(?:e)? à',
  'souhaite (?:rejoindre votre réseau|se connecter|vous ajouter|entrer en contact)',
  'vous invite à rejoindre',
  'vous a envoyé une (?:invitation|demande)',
  "m'a envoyé une (?:invitation|demande)",
  'a commencé à vous suivre',
  'a demandé à vous suivre',
  '(?:vous|te|me) suit(?: désormais| maintenant)?',
  "m'a invitée?",
  'veut (?:me|vous) suivre',
  'veut (?:être|devenir) (?:votre |mon )?ami',
  // es
  'te (?:envió|ha enviado|mandó) una solicitud',
  'me (?:envió|ha enviado|mandó) (?:una )?solicitud',
  'quiere (?:conectar|seguirte|ser tu amig[oa]|agregarte)',
  'te ha seguido',
  'te siguió',
  '(?:me|te) (?:invitó|ha invitado)',
  '(?:me|te) convidou',
  '(?:mi|ti) ha invitato',
  'heeft (?:me|je|u) uitgenodigd',
  'is (?:je|u|me) gaan volgen',
  'chce się (?:z Tobą )?połączyć',
  'te sigue',
  '(?:comenzó|empezó) a seguirte',
  'me (?:agregó|añadió|sigue)',
  // pt
  'pediu para (?:seguir você|te seguir)',
  'enviou (?:uma )?solicitação de amizade',
  'quer (?:ser seu amig[oa]|se conectar|seguir você|te seguir)',
  'começou a (?:seguir você|te seguir|me seguir)',
  'seguiu você',
  // it
  'ha iniziato a seguirti',
  'vorrebbe collegarsi',
  'ti ha inviato una richiesta',
  'vuole (?:stringere amicizia|seguirti|seguirmi|collegarsi)',
  'ti ha seguito',
  'mi ha (?:mandato|inviato) (?:un invito|una richiesta)',
  "mi ha chiesto (?:il collegamento|l'amicizia)",
  // nl
  'heeft (?:je|jou|u) een vriendschapsverzoek gestuurd',
  'wil (?:graag )?(?:met (?:u|je|jou) )?connecten',
  'wil graag contact met (?:u|je) maken',
  'wil (?:je|u) volgen',
  'volgt (?:je|jou|u|me)(?: nu)?',
  'wil vrienden met je worden',
  // pl
  'chce nawiązać z Tobą kontakt',
  'wysłał(?:a)? (?:Ci|mi) zaproszenie',
  'zaprosił(?:a)? (?:mnie|Cię) do (?:grona )?znajomych',
  'zacz(?:ął|ęła) (?:Cię|mnie) obserwować',
  'obserwuje (?:Cię|mnie)',
  'chce (?:mnie|Cię) obserwować',
  'zaprasza (?:Cię|mnie) do',
  'poprosił(?:a)? o możliwość obserwowania',
];

/** Nouns for an invitation, followed a few words later by "from <name>" in any of the languages. */
export const FOREIGN_NOUNS =
  "pedido de amizade|solicitud de amistad|solicitação de amizade|demande d['’]ami(?:tié)?|richiesta di amicizia|zaproszenie do (?:grona )?znajomych|" +
  '[\\p{L}]{0,20}anfrage|[\\p{L}]{0,20}einladung|[\\p{L}]{0,20}verzoek|demande|invitation|solicitud|invitación|convite|pedido|solicitação|richiesta|invito|verzoek|vriendschapsverzoek|uitnodiging|zaproszenie|prośba';

/** "from" in the languages: "von", "de", "d'", "da", "od", "van". */
export const FROM_WORDS = "from|von|de|del|d['’](?!ami)|da|do|dos|od|van";

/** A greeting that names the user, not the inviter: "Hi Morgan,", "Hallo Lena,", "Cześć Katarzyna,". */
export const GREETING =
  /^(?:hi|hello|hey|dear|hallo|liebe[rs]?|guten tag|sehr geehrte[rs]?|bonjour|salut|cher|chère|hola|estimad[oa]|olá|oi|ciao|gentile|caro|cara|beste|hoi|cześć|witaj|dzień dobry|szanown[ay])(?![\p{L}])[^\n]{0,60}$/iu;
/** The name a greeting addresses: "Hi Morgan," → "Morgan". */
export const GREETED = /^\p{L}+(?: \p{L}+)?[\s,]+([^,!:;\n]{1,40})/u;

/** An invitation's wording in any of the languages: "Beatriz Prieto te ha enviado una invitación …". */
export const INVITE_STEM =
  /invit|connect|conect|colleg|vernetz|kontakt|contact|folg|follow|segu|suiv|volg|obserw|amig|(?<![\p{L}])ami(?![\p{L}])|friend|freund|znajom|vriend|zapros|abonn|uitnodig|sigu|połącz|request|(?<![\p{L}])req(?![\p{L}])|solicit|richiest|anfrage|demande|zapras|convite|verzoek|(?<![\p{L}])add|adicion|agreg|añad|hinzu|ajout|aggiun|toevoeg|doda|eingeladen|uitgenodigd|招待|リクエスト|フォロー/iu;

/** A footer naming whom the email was for: never the inviter. */
export const RECIPIENT_FOOTER =
  /(?:intended for|was sent to|meant for|sent to you|ist für|bestimmt|wurde an|destiné|a été envoyé|enviado (?:a|para)|se ha enviado|destinad[oa]|inviata a|destinata|bedoeld voor|verzonden naar|przeznaczona|wysłana do|宛てに|宛に送信)/iu;

/** Lines about other people than the inviter: mutual connections, "People you may know", "Followed by …". */
export const OTHER_PEOPLE =
  /(?:mutual|in common|both know|followed by|and \d{1,5} others?|is a mutual|gemeinsame|en commun|en común|em comum|in comune|gemeenschappelijke|wspóln|共通)/iu;

/** A heading after which come suggestions, not the inviter. */
export const SUGGESTIONS_HEADING =
  /^(?:people (?:you may know|also viewed)|personen, die sie (?:vielleicht )?kennen|vous connaissez peut-être|personas que quizás conozcas|pessoas que você talvez conheça|persone che potresti conoscere|mensen die je misschien kent|osoby, które możesz znać|知り合いかも)/iu;

/** Header names in the languages' mail clients, mapped to the English field. */
export const HEADER_FIELDS: Record<string, string> = {
  from: 'from',
  von: 'from',
  de: 'from',
  da: 'from',
  van: 'from',
  od: 'from',
  差出人: 'from',
  送信者: 'from',
  subject: 'subject',
  betreff: 'subject',
  objet: 'subject',
  asunto: 'subject',
  assunto: 'subject',
  oggetto: 'subject',
  onderwerp: 'subject',
  temat: 'subject',
  件名: 'subject',
};

/** Header lines other than From and Subject, dropped: "An:", "À :", "Para:", "Aan:", "Do:", "宛先:". */
/** Headers whose value is the recipient. */
export const TO_FIELDS = new Set(['to', 'an', 'à', 'a', 'para', 'aan', 'do', '宛先', 'cc']);

export const OTHER_HEADERS =
  'to|cc|bcc|date|sent|reply-to|an|datum|gesendet|à|a|date|envoyé|para|fecha|enviado|data|inviato|aan|verzonden|do|wysłano|宛先|日付|送信日時';

/** Words joining a sender's name to the network in a From line: "via", "über", "a través de", "przez". */
export const SENDER_VIA =
  /^(.{1,80}?)\s+(?:via|über|a través de|através do|tramite|par l'intermédiaire de|przez)\s+\S/iu;
export const SENDER_VIA_JA = /^(.{1,80}?)\s*[（(][^)）]{1,20}経由[)）]/u;
