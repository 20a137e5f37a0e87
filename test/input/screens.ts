import { createCanvas } from '@napi-rs/canvas';

/** A line of a rendered screenshot: its text, size in CSS pixels, weight and colour. */
interface Line {
  text: string;
  size: number;
  bold?: boolean;
  color?: string;
}

interface Layout {
  width: number;
  height: number;
  background: string;
  /** A coloured bar across the top, as the apps draw their headers. */
  header?: { color: string; text: string };
  lines: Line[];
  /** Buttons under the text, drawn as filled rounded boxes with their labels. */
  buttons: { text: string; fill: string; color: string }[];
}

/** Draws a notification card the way the apps lay theirs out, at `scale` (2 for a phone's or a Retina screen). */
function render(layout: Layout, scale: number, format: 'png' | 'jpeg' | 'webp'): Buffer {
  const canvas = createCanvas(layout.width * scale, layout.height * scale);
  const g = canvas.getContext('2d');
  g.scale(scale, scale);
  g.fillStyle = layout.background;
  g.fillRect(0, 0, layout.width, layout.height);
  let y = 0;
  if (layout.header) {
    g.fillStyle = layout.header.color;
    g.fillRect(0, 0, layout.width, 48);
    g.fillStyle = '#ffffff';
    g.font = 'bold 22px sans-serif';
    g.fillText(layout.header.text, 20, 32);
    y = 48;
  }
  // An avatar circle, as every card has one beside the name.
  g.fillStyle = '#8a9bb0';
  g.beginPath();
  g.arc(50, y + 56, 30, 0, Math.PI * 2);
  g.fill();
  y += 40;
  for (const line of layout.lines) {
    g.fillStyle = line.color ?? '#1d2226';
    g.font = `${line.bold ? 'bold ' : ''}${line.size}px sans-serif`;
    y += line.size + 10;
    g.fillText(line.text, 100, y);
  }
  let x = 100;
  y += 24;
  for (const b of layout.buttons) {
    g.font = 'bold 18px sans-serif';
    const w = g.measureText(b.text).width + 36;
    g.fillStyle = b.fill;
    g.beginPath();
    g.roundRect(x, y, w, 38, 19);
    g.fill();
    g.fillStyle = b.color;
    g.fillText(b.text, x + 18, y + 25);
    x += w + 16;
  }
  return format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer(`image/${format}`, 90);
}

const BLUE = '#0a66c2';

/** A LinkedIn invitation card, English. */
export const linkedinCard = (scale = 1, format: 'png' | 'jpeg' | 'webp' = 'png') =>
  render(
    {
      width: 760,
      height: 260,
      background: '#ffffff',
      lines: [
        { text: 'Priya Raman wants to connect', size: 24, bold: true },
        { text: 'Product Lead at Northwind | Ex-Contoso', size: 18, color: '#56687a' },
        { text: '12 mutual connections', size: 16, color: '#56687a' },
      ],
      buttons: [
        { text: 'Ignore', fill: '#e9e9e9', color: '#404040' },
        { text: 'Accept', fill: BLUE, color: '#ffffff' },
      ],
    },
    scale,
    format,
  );

/** The same card in German, as LinkedIn shows it to a German-speaking user. */
export const linkedinCardGerman = (scale = 1, format: 'png' | 'jpeg' | 'webp' = 'png') =>
  render(
    {
      width: 820,
      height: 280,
      background: '#ffffff',
      header: { color: BLUE, text: 'LinkedIn' },
      lines: [
        { text: 'Jürgen Weiß möchte sich mit Ihnen vernetzen', size: 24, bold: true },
        { text: 'Vertriebsleiter bei Müller & Söhne GmbH', size: 18, color: '#56687a' },
        { text: '8 gemeinsame Kontakte', size: 16, color: '#56687a' },
      ],
      buttons: [
        { text: 'Ignorieren', fill: '#e9e9e9', color: '#404040' },
        { text: 'Annehmen', fill: BLUE, color: '#ffffff' },
      ],
    },
    scale,
    format,
  );

/** A Facebook friend request, with the blue bar across the top. */
export const facebookRequest = (scale = 1, format: 'png' | 'jpeg' | 'webp' = 'png') =>
  render(
    {
      width: 700,
      height: 260,
      background: '#f0f2f5',
      header: { color: '#1877f2', text: 'facebook' },
      lines: [
        { text: 'Rosa Delgado sent you a friend request', size: 22, bold: true },
        { text: '4 mutual friends', size: 16, color: '#65676b' },
      ],
      buttons: [
        { text: 'Confirm', fill: '#1877f2', color: '#ffffff' },
        { text: 'Delete', fill: '#e4e6eb', color: '#050505' },
      ],
    },
    scale,
    format,
  );

/** An X follow notification: dark theme, handle beside the name. */
export const xFollow = (scale = 1, format: 'png' | 'jpeg' | 'webp' = 'png') =>
  render(
    {
      width: 640,
      height: 200,
      background: '#000000',
      lines: [
        { text: 'Lena Fischer @lenafischer followed you', size: 22, bold: true, color: '#e7e9ea' },
        { text: 'on X', size: 16, color: '#71767b' },
      ],
      buttons: [{ text: 'Follow back', fill: '#eff3f4', color: '#0f1419' }],
    },
    scale,
    format,
  );

/** A screenshot with nothing written on it. */
export function blank(width = 600, height = 300): Buffer {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#f5f5f5';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#d0d7de';
  g.fillRect(40, 40, 120, 120);
  return canvas.toBuffer('image/png');
}
