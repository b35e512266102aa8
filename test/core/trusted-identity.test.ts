import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller';
import { identityTrusted } from '../../src/core/trusted-identity';

const caller = (channelId: string): Caller => ({ id: '29:admin', aadObjectId: 'aad-admin', channelId, conversationId: 'c', isGroup: false });

describe('which callers may hold a helpdesk role', () => {
  it('with authentication, only Teams ids count: Direct Line and Web Chat clients choose their own ids', () => {
    expect(identityTrusted(caller('msteams'), true)).toBe(true);
    expect(identityTrusted(caller('directline'), true)).toBe(false);
    expect(identityTrusted(caller('webchat'), true)).toBe(false);
    expect(identityTrusted(caller('emulator'), true)).toBe(false);
  });

  it('without authentication (loopback only) any local channel counts', () => {
    expect(identityTrusted(caller('emulator'), false)).toBe(true);
    expect(identityTrusted(caller('webchat'), false)).toBe(true);
  });
});
