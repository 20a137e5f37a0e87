import type { PlatformId } from './platforms.js';

// The wording that points at a network, in the nine languages the parser reads. Bounded patterns only.

/** One pattern of wording and how much it says about a network. */
export interface Wording {
  re: RegExp;
  id: PlatformId;
  weight: number;
  strength: number;
  follow?: boolean;
}

/** Every wording signal; follow wording is weak, as Threads, Instagram and X phrase follows alike. */
export const WORDING: Wording[] = [
  // The networks' own names as other languages and typos spell them.
  {
    re: /(?<![\p{L}])(?:linkdin|linkedn|linkedln|linkedina?|linkedinie|linkedinu)(?![\p{L}])|リンクトイン/iu,
    id: 'linkedin',
    weight: 3,
    strength: 0.9,
  },
  {
    re: /(?<![\p{L}])(?:facebooku|facebooka|facebookie|faceboook)(?![\p{L}])|フェイスブック/iu,
    id: 'facebook',
    weight: 3,
    strength: 0.9,
  },
  {
    re: /(?<![\p{L}])(?:instagramie|instagramu|instagrama|instagramm)(?![\p{L}])|インスタ/iu,
    id: 'instagram',
    weight: 3,
    strength: 0.9,
  },
  { re: /ツイッター/u, id: 'x', weight: 3, strength: 0.9 },
  {
    re: /\b(?:incoming friend requests?)\b|eingehende freundschaftsanfrage/iu,
    id: 'discord',
    weight: 3.5,
    strength: 0.8,
  },
  {
    re: /\binvited (?:you|me) to follow (?:their|this|the|our|his|her) (?:company )?page\b|\bboth know\b|\bignore\s+accept\b/i,
    id: 'linkedin',
    weight: 1,
    strength: 0.5,
  },
  {
    // LinkedIn's buttons in other languages: Facebook and Instagram say "Bestätigen", "Confirmer", "Confirmar".
    re: /(?<![\p{L}])(?:annehmen|ignorieren|accepter|ignorer|aceptar|aceitar|ignorar|accetta|ignora|accepteren|negeren|akceptuj|zignoruj)(?![\p{L}])|無視/iu,
    id: 'linkedin',
    weight: 1,
    strength: 0.5,
  },
  {
    // Facebook's and Instagram's pair of buttons; a follow or a handle tells Instagram apart.
    re: /(?<![\p{L}])(?:confirm|bestätigen|confirmer|confirmar|conferma|bevestigen|potwierdź)\s+(?:request\s+)?(?:delete|löschen|supprimer|eliminar|excluir|elimina|verwijderen|usuń)(?![\p{L}])/iu,
    id: 'facebook',
    weight: 0.5,
    strength: 0.4,
  },
  {
    re: /\binvited (?:you|me) to like (?:their|his|her|this|the|my|our) page\b/i,
    id: 'facebook',
    weight: 2,
    strength: 0.75,
  },
  {
    re: /vernetzen|gemeinsame kontakte|berufliche[ns]? netzwerk|rejoindre (?:votre|mon|son) réseau|réseau professionnel|relations? en commun|souhaite se connecter|quiere conectar|red profesional|contactos en común|quer se conectar|rede profissional|conexões em comum|collega(?:rsi|rti|rci|mento)|rete professionale|connecten|contact met u maken|professionele netwerk|gemeenschappelijke connecties|nawiązać z tobą kontakt|sieci zawodowej|つながり/iu,
    id: 'linkedin',
    weight: 2,
    strength: 0.75,
  },
  {
    // "una invitación para conectar", "un convite para se conectar", "Einladung zum Vernetzen", "zaprasza Cię do kontaktów"
    re: /(?:invitaci[oó]n|convite|invito|uitgenodigd|zaprasza|einladung|invitation|招待)[^\n]{0,30}(?:conect|connect|collega|vernetz|kontakt|contact|つながり)|(?:zaprasza cię|zaproszenie) do (?:swojej )?(?:sieci )?kontaktów|do sieci|招待が届いています/iu,
    id: 'linkedin',
    weight: 2,
    strength: 0.75,
  },
  {
    re: /devenir (?:votre |ton )?ami|(?<![\p{L}])(?:no|na|do|en el|del) face(?![\p{L}])/iu,
    id: 'facebook',
    weight: 2,
    strength: 0.7,
  },
  {
    re: /freundschaftsanfrage|befreundet sein|gemeinsame freunde|demande d['’]ami|amis en commun|devenir amis|solicitud de amistad|amigos en común|ser tu amig[oa]|solicitação de amizade|pedido de amizade|amigos em comum|ser seu amig[oa]|richiesta di amicizia|amici in comune|stringere amicizia|vriendschapsverzoek|gemeenschappelijke vrienden|vrienden (?:met je )?worden|do (?:grona )?znajomych|wspólnych znajomych|友達リクエスト|共通の友達/iu,
    id: 'facebook',
    weight: 1.5,
    strength: 0.6,
  },
  {
    re: /hat (?:angefangen|begonnen), (?:dir|ihnen) zu folgen|möchte (?:dir|ihnen) folgen|a commencé à vous suivre|a demandé à vous suivre|(?:comenzó|empezó) a seguirte|quiere seguirte|começou a seguir você|pediu para seguir você|ha iniziato a seguirti|vuole seguirti|is (?:je|u) gaan volgen|wil je volgen|zacz(?:ął|ęła) cię obserwować|chce cię obserwować|フォローし始めました/iu,
    id: 'instagram',
    weight: 0.75,
    strength: 0.45,
    follow: true,
  },
  {
    re: /folgt (?:dir|ihnen)|vous suit|te ha seguido|te siguió|te sigue|seguiu você|ti ha seguito|volgt (?:je|u)|obserwuje cię|フォローされました|フォローしました/iu,
    id: 'x',
    weight: 0.5,
    strength: 0.4,
    follow: true,
  },
  {
    re: /\b(?:wants to connect|would (?:like|love) to connect|connection requests?|invitations? to connect|invited you to connect|professional network|mutual connections?|join (?:your|my) (?:professional )?network)\b/i,
    id: 'linkedin',
    weight: 2,
    strength: 0.75,
  },
  {
    re: /\b(?:friend req(?:uest)?s?|wants to be (?:your )?friends?|be friends with you|mutual friends?|friends? in common)\b/i,
    id: 'facebook',
    weight: 1.5,
    strength: 0.6,
  },
  { re: /\bsubscribed to (?:your|my) (?:youtube )?channel\b/i, id: 'youtube', weight: 2, strength: 0.75 },
  {
    re: /\binvited (?:you|me) to (?:join )?(?:the )?@?[\w.-]{1,60} organization\b|\bcollaborate on (?:the )?[\w.-]{1,100}\/[\w.-]{1,100} repository\b/i,
    id: 'github',
    weight: 2,
    strength: 0.75,
  },
  {
    re: /\binvited (?:you|me) to (?:a|the|their|our) (?:shared )?channel\b/i,
    id: 'slack-connect',
    weight: 2,
    strength: 0.7,
  },
  // Follow wording alone is weak: X says "followed you", Instagram "started following you".
  { re: /\bis now following (?:you|me)\b/i, id: 'x', weight: 1, strength: 0.45, follow: true },
  {
    re: /\b(?:started following|requested to follow) (?:you|me)\b/i,
    id: 'instagram',
    weight: 0.75,
    strength: 0.45,
    follow: true,
  },
  {
    re: /\b(?:followed|follows|following) (?:you|me)\b|\bnew followers?\b/i,
    id: 'x',
    weight: 0.5,
    strength: 0.4,
    follow: true,
  },
];
