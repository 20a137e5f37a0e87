import { createCanvas } from '@napi-rs/canvas';

/** What an invitation card shows: the network's name, the inviter, a headline, and the action line. */
export interface CardText {
  network: string;
  name: string;
  headline: string;
  action: string;
}

/**
 * A screenshot of an invitation notification, drawn here rather than stored: a white card with the network's
 * name, the inviter in bold, the headline and the action, in DejaVu Sans at a phone screenshot's scale.
 */
export async function renderInvitationCard(card: CardText, width = 720, height = 300): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#f3f2ef';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#ffffff';
  g.fillRect(20, 20, width - 40, height - 40);
  g.fillStyle = '#0a66c2';
  g.font = 'bold 30px "DejaVu Sans"';
  g.fillText(card.network, 50, 75);
  g.fillStyle = '#191919';
  g.font = 'bold 34px "DejaVu Sans"';
  g.fillText(card.name, 50, 140);
  g.fillStyle = '#404040';
  g.font = '26px "DejaVu Sans"';
  g.fillText(card.headline, 50, 185);
  g.fillText(card.action, 50, 235);
  return new Uint8Array(await canvas.encode('png'));
}

/** A LinkedIn connection request from `name`, as a screenshot. */
export function renderLinkedInCard(person: { name: string; headline: string }): Promise<Uint8Array> {
  return renderInvitationCard({ network: 'LinkedIn', action: 'wants to connect with you', ...person });
}
