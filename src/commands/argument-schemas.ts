import { z } from 'zod';

/**
 * Argument formats for the commands. They are deliberately narrow: a value that passes has no quotes,
 * spaces, operators, wildcards or control characters, so it cannot mean anything to PowerShell even
 * before it is passed as data.
 */

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = `${LABEL}(?:\\.${LABEL})+`;

const USER_IDENTITY_PATTERN = new RegExp(`^(?:sip:)?[A-Za-z0-9](?:[A-Za-z0-9._+-]{0,62}[A-Za-z0-9_+-])?@${DOMAIN}$`, 'i');
const POOL_FQDN_PATTERN = new RegExp(`^${DOMAIN}$`, 'i');

export const userIdentity = z
  .string()
  .max(256, { error: 'is too long' })
  .regex(USER_IDENTITY_PATTERN, { error: 'must be a SIP address or UPN such as bob@contoso.dk or sip:bob@contoso.dk' });

export const poolFqdn = z
  .string()
  .max(253, { error: 'is too long' })
  .regex(POOL_FQDN_PATTERN, { error: 'must be a pool FQDN such as lync-int.contoso.dk' });

export function entryCount(defaultCount: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,4}$/, { error: `must be a whole number from 1 to ${max}` })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: `must be from 1 to ${max}` }).max(max, { error: `must be from 1 to ${max}` }))
    .optional()
    .transform((count) => count ?? defaultCount);
}
