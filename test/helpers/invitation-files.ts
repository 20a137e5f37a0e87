import { createCanvas } from '@napi-rs/canvas';

/**
 * Invitation files the chat tests share: a raw LinkedIn invitation email (multipart, quoted-printable, as a
 * mail client saves it as .eml), the bytes of a PDF, which no reader accepts, and screenshots drawn here.
 */

/** A LinkedIn invitation from Priya Raman to Morgan, as an .eml file. */
export const INVITATION_EML = [
  'Return-Path: <invitations@linkedin.com>',
  'From: Priya Raman via LinkedIn <invitations@linkedin.com>',
  'To: Morgan Lee <morgan.lee@example.com>',
  'Subject: Priya Raman wants to connect',
  'Date: Tue, 1 Dec 2026 08:12:00 +0000',
  'Message-ID: <invite-1@linkedin.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="----=_Part_1"',
  '',
  '------=_Part_1',
  'Content-Type: text/plain; charset=UTF-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hi Morgan,',
  '',
  'Priya Raman',
  'Engineering Manager at Globex',
  "I'd like to add you to my professional network on LinkedIn.=20",
  '',
  'Accept: https://www.linkedin.com/comm/invitations/accept?id=3D1',
  '',
  'This email was intended for Morgan Lee (Product Designer).',
  '------=_Part_1',
  'Content-Type: text/html; charset=UTF-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '<html><body><p>Hi Morgan,</p><p><b>Priya Raman</b><br>Engineering Manager at Glo=',
  'bex</p><p>I&#39;d like to add you to my professional network on LinkedIn.</p></body></html>',
  '------=_Part_1--',
  '',
].join('\r\n');

/** The start of a PDF: enough for any sniffer to know it for one. */
export const PDF_BYTES = new TextEncoder().encode(
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

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
