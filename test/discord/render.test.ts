import { describe, expect, it } from 'vitest';
import { clip, escapeText, safe } from '../../adapters/discord/render.js';

describe('user text in Discord markdown', () => {
  it('GIVEN formatting characters THEN each is escaped and shows as typed', () => {
    expect(escapeText('**Sam** _Lee_ ~~x~~ `code` ||spoiler|| back\\slash')).toBe(
      '\\*\\*Sam\\*\\* \\_Lee\\_ \\~\\~x\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| back\\\\slash',
    );
  });

  it('GIVEN a masked link or a mention THEN neither renders', () => {
    expect(escapeText('[Free prize](https://evil.example)')).toBe('\\[Free prize\\](https://evil.example)');
    expect(escapeText('<@123> <#456> <t:1700000000>')).toBe('\\<@123> \\<#456> \\<t:1700000000>');
  });

  it('GIVEN a line that would start a quote, heading or list THEN its marker is escaped, elsewhere left alone', () => {
    expect(escapeText('> quoted\n# Heading\n- item\n12. numbered')).toBe(
      '\\> quoted\n\\# Heading\n\\- item\n12\\. numbered',
    );
    expect(escapeText('Kim-Lee, #1 fan, 2 > 1')).toBe('Kim-Lee, #1 fan, 2 > 1');
  });

  it('GIVEN a long text THEN it is clipped with an ellipsis and never ends on a lone backslash', () => {
    expect(safe('a'.repeat(300), 256)).toHaveLength(256);
    const cutInEscape = safe(`${'a'.repeat(8)}*b`, 10); // escaped: aaaaaaaa\*b, 11 characters
    expect(cutInEscape).toBe('aaaaaaaa…');
    expect(safe('a  b\n\tc', 80)).toBe('a b c');
  });

  it('GIVEN a button label THEN it is clipped but not escaped, since labels are plain text', () => {
    expect(clip('X (formerly Twitter) - follow', 80)).toBe('X (formerly Twitter) - follow');
    expect(clip('x'.repeat(100), 80)).toHaveLength(80);
  });
});
