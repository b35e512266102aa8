import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Certificates made in the test with the openssl CLI: a test root CA, and leaf certificates it signs
 * with chosen names and validity dates (openssl ca takes explicit start and end dates, so expired and
 * not-yet-valid certificates are real ones, not edited copies).
 */

export interface IssuedCertificate {
  key: string;
  cert: string;
  /** The certificate as DER in base64, as federation metadata carries it. */
  base64: string;
}

export interface TestCa {
  dir: string;
  /** PEM of the root, for PROBE_EXTRA_CA_FILE. */
  pem: string;
  pemPath: string;
  issue(options: { names: string[]; notBefore?: Date; notAfter?: Date }): IssuedCertificate;
  /** A self-signed certificate no CA vouches for. */
  selfSigned(names: string[]): IssuedCertificate;
}

const KEY_OPTIONS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** openssl ca's date format: YYYYMMDDHHMMSSZ. */
function asn1Time(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

function base64Of(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

export function createTestCa(dir: string): TestCa {
  mkdirSync(join(dir, 'issued'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ ca ]',
      'default_ca = test_ca',
      '[ test_ca ]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/issued',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any_name',
      'copy_extensions = copy',
      'unique_subject = no',
      'email_in_dn = no',
      '[ any_name ]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  openssl(
    ['req', '-x509', ...KEY_OPTIONS, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=Probe Test Root CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  let count = 0;
  const pemPath = join(dir, 'ca.pem');
  const subjectAltName = (names: string[]) => `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}`;
  return {
    dir,
    pem: readFileSync(pemPath, 'utf8'),
    pemPath,
    issue({ names, notBefore = new Date(Date.now() - 86_400_000), notAfter = new Date(Date.now() + 365 * 86_400_000) }) {
      const base = `leaf-${++count}`;
      openssl(['req', '-new', ...KEY_OPTIONS, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${names[0]}`, '-addext', subjectAltName(names)], dir);
      openssl(
        ['ca', '-batch', '-notext', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${base}.csr`, '-out', `${base}.pem`,
          '-startdate', asn1Time(notBefore), '-enddate', asn1Time(notAfter)],
        dir,
      );
      const cert = readFileSync(join(dir, `${base}.pem`), 'utf8');
      return { key: readFileSync(join(dir, `${base}.key`), 'utf8'), cert, base64: base64Of(cert) };
    },
    selfSigned(names) {
      const base = `self-${++count}`;
      openssl(['req', '-x509', ...KEY_OPTIONS, '-keyout', `${base}.key`, '-out', `${base}.pem`, '-days', '365', '-subj', `/CN=${names[0]}`, '-addext', subjectAltName(names)], dir);
      const cert = readFileSync(join(dir, `${base}.pem`), 'utf8');
      return { key: readFileSync(join(dir, `${base}.key`), 'utf8'), cert, base64: base64Of(cert) };
    },
  };
}
