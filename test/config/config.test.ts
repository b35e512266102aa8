import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('configuration', () => {
  it('runs on embedded defaults: loopback, port 3978, file state, checks off', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, host: '127.0.0.1', authenticated: false, STATE_STORE: 'file', LYNC_CHECKS: 'off', webchat: true });
  });

  it('listens on all interfaces by default once authenticated, without the web chat', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' });
    expect(config).toMatchObject({ host: '0.0.0.0', authenticated: true, webchat: false });
  });

  it('lists every bad setting with what is wrong', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', STATE_STORE: 'floppy', LYNC_CHECKS: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/STATE_STORE/);
    expect(attempt).toThrow(/LYNC_CHECKS/);
  });

  it('refuses a non-loopback HOST without credentials, saying why', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/only binds to loopback/);
    expect(loadConfig({ HOST: '127.0.0.2' }).host).toBe('127.0.0.2');
  });

  it('needs a tenant for single-tenant and managed-identity bots', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'SingleTenant' })).toThrow(/MicrosoftAppTenantId/);
    expect(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI' })).toThrow(/MicrosoftAppTenantId/);
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }).authenticated).toBe(true);
  });

  it('allows "everyone" as admin or agent only for unauthenticated local trials', () => {
    expect(loadConfig({ HELPDESK_ADMINS: '*' }).HELPDESK_ADMINS).toEqual(['*']);
    expect(() => loadConfig({ HELPDESK_ADMINS: '*', MicrosoftAppId: 'a' })).toThrow(/HELPDESK_ADMINS/);
    expect(() => loadConfig({ HELPDESK_AGENTS: '*', MicrosoftAppId: 'a' })).toThrow(/HELPDESK_AGENTS/);
  });

  it('requires what each mode needs', () => {
    expect(() => loadConfig({ STATE_STORE: 'blob' })).toThrow(/AZURE_STORAGE_CONNECTION_STRING/);
    expect(() => loadConfig({ LYNC_CHECKS: 'remote' })).toThrow(/LYNC_POOL/);
  });
});
