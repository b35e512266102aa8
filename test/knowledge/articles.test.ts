import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows';
import { readArticles } from '../../src/knowledge/load-articles';
import { lintArticles, MAX_SHARED_WORDS } from '../../src/knowledge/lint';
import { parseArticle } from '../../src/knowledge/load-articles';
import { readSourceDocuments, sourceDocumentsFolder } from '../../src/knowledge/source-documents';
import { shingleIndex, sharedRuns } from '../../src/knowledge/verbatim';

const root = resolve(__dirname, '..', '..');
const { articles, errors } = readArticles(join(root, 'knowledge'));
const sources = readSourceDocuments(sourceDocumentsFolder(root));

/**
 * Every topic of the five source documents, with the article that must cover it. The lists come from
 * the documents' own headings and posts (see ../shared/seeds/README.md).
 */
const TOPICS: Record<string, string[]> = {
  '000_37b30db2a98c0aff.txt': [
    'store-app-mfa-adfs-overview', 'store-app-passive-auth-requires-june-2013-cu', 'store-app-hlb-cookie-persistence',
    'adfs-relying-party-token-lifetime', 'store-app-clock-skew', 'store-app-4g-lte-usb-modem', 'store-app-lync-2010-ocs-2007-r2-edge',
    'store-app-cert-name-validation-multiple-domains', 'store-app-turn-on-diagnostic-logs', 'store-app-save-logs', 'store-app-log-location',
  ],
  '001_0bca91f6a8ba607f.txt': [
    'sefautil-what-it-does', 'cls-scenarios-list', 'cls-clscontroller-location', 'trust-prompt-auto-discovered-server', 'trusted-domain-list-matching',
    'cms-replication-status-cmdlet', 'cac-bwpolicyoverride-pstn-rerouting', 'kerberos-repeated-password-prompts', 'presence-maximum-followers-reached',
    'presence-raise-subscriber-limit', 'lync-web-app-force-join', 'oauth-partner-application-500-error', 'media-bypass-basics', 'known-servers-table-events',
    'owa-online-meeting-button-missing', 'owa-online-meeting-logging', 'skype-missing-in-add-contact-list', 'sharepoint-exchange-photo-sync',
    'mobile-passive-auth-when-prompted', 'passive-auth-webservice-auth-settings', 'mobility-policy-passive-auth-exchange', 'mobile-manual-discovery-passive-auth',
    'fiddler-trace-mobile-passive-auth', 'webinfrastructure-trace-passive-auth', 'exchange-um-message-waiting-indicator', 'cac-audio-video-alternate-path',
    'outbound-routing-multiple-pstn-gateways',
  ],
  '002_feecf161ba169647.txt': [
    'arr-san-certificate-lync-adfs-owa', 'adfs-relying-party-duplicate-fqdn', 'arr-http-host-rule-adfs', 'passive-auth-pool-level-setting',
    'passive-auth-desktop-client-no-adfs-page', 'passive-auth-store-app-ipad-adfs-page', 'passive-auth-windows-phone-white-page', 'passive-auth-android-not-supported',
  ],
  '003_691444de3e9a3acc.txt': [
    'lync-2013-first-sign-in', 'lync-close-sign-out-exit', 'smart-card-physical-vs-virtual', 'smart-card-manual-enrollment-certsrv',
    'smart-card-enrollment-form-settings', 'smart-card-default-pin', 'smart-card-sign-in-lync',
  ],
  '004_de88718bafcf2433.txt': [
    'webticket-third-party-auth-module', 'exchange-separate-external-ews-autodiscover', 'sts-claims-provider-otp-setup', 'adfs-relying-party-lync-claims-provider', 'adfs-relying-party-lync-int-ext',
    'domain-credentials-internet-risk', 'lync-client-authentication-protocols',
  ],
};

describe('knowledge articles', () => {
  it('all load with valid front matter, unique ids and resolvable cross-references', () => {
    expect(errors.map((error) => error.message)).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(60);
  });

  it('the five source documents and the server reference are present beside the repository', () => {
    const folder = sourceDocumentsFolder(root);
    expect([...sources.keys()], `source documents expected in ${folder} (set KB_SOURCES_DIR to their folder)`).toHaveLength(6);
  });

  it('pass the content lint: key facts present, steps present, sources known, nothing copied', () => {
    expect(lintArticles(articles, sources)).toEqual([]);
  });

  it.each(Object.entries(TOPICS))('every topic of %s has an article citing it', (document, ids) => {
    for (const id of ids) {
      const article = articles.find((candidate) => candidate.id === id);
      expect(article, `article ${id}`).toBeDefined();
      const cited = [article!.source.document, ...article!.source.also.map((passage) => passage.document)];
      expect(cited, `article ${id} cites its document`).toContain(document);
    }
  });

  it('name only guided flows that exist in dialogs/', () => {
    const flowIds = new Set(loadFlows(join(root, 'dialogs')).map((flow) => flow.id));
    const withFlow = articles.filter((article) => article.flow);
    expect(withFlow.length).toBeGreaterThan(0);
    for (const article of withFlow) expect(flowIds, `${article.id} → ${article.flow}`).toContain(article.flow);
  });

  it('cover all three audiences and every client', () => {
    const audiences = new Set(articles.flatMap((article) => article.audience));
    expect([...audiences].sort()).toEqual(['admin', 'agent', 'enduser']);
    const clients = new Set(articles.flatMap((article) => article.clients));
    for (const client of ['desktop', 'store-app', 'ios', 'android', 'windows-phone', 'web-app', 'server']) expect(clients).toContain(client);
  });
});

describe('the verbatim check itself', () => {
  const source = 'The quick brown fox jumps over the lazy dog while the farmer watches from the old red barn door.';
  const index = shingleIndex([source], MAX_SHARED_WORDS + 1);

  it('catches a copied run of twelve words, whatever the punctuation and case', () => {
    const copied = 'Notes: THE QUICK BROWN FOX, jumps over the lazy dog while the farmer watches... and more.';
    expect(sharedRuns(copied, index, MAX_SHARED_WORDS + 1)).toHaveLength(1);
  });

  it('lets eleven shared words pass', () => {
    const eleven = 'quick brown fox jumps over the lazy dog while the farmer looked away';
    expect(sharedRuns(eleven, index, MAX_SHARED_WORDS + 1)).toEqual([]);
  });

  it('rejects an article whose front matter is wrong, naming the file and field', () => {
    const text = readFileSync(join(root, 'knowledge', 'store-app-clock-skew.md'), 'utf8').replace(/^audience:.*$/m, 'audience: [everyone]');
    expect(() => parseArticle('store-app-clock-skew.md', text)).toThrow(/store-app-clock-skew\.md: audience/);
  });
});

describe('module boundaries', () => {
  it('the knowledge search imports nothing from the Bot Framework SDK', () => {
    const folder = join(root, 'src', 'knowledge');
    for (const file of readdirSync(folder)) {
      expect(readFileSync(join(folder, file), 'utf8'), file).not.toMatch(/from ['"]botbuilder/);
    }
  });
});
