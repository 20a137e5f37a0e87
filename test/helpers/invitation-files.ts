/**
 * Invitation files the chat tests share: a raw LinkedIn invitation email (multipart, quoted-printable, as a
 * mail client saves it as .eml), and the bytes of a PDF, which no reader accepts.
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
