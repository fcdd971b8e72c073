/**
 * The standalone verifier: one HTML file that checks Bangkom certificate codes with no network,
 * no installation and no server (opened from a USB stick), with the trust list and the
 * revocations of the office that made it inside. `bangkom certificates verifier --out FILE.html`.
 *
 * The page is renderer/verifier/page.html with its script (renderer/verifier/main.ts, bundled)
 * and this JSON inlined; see verifier-assets.ts for how the script reaches each build.
 */
import type { TrustList } from '../../../shared/certificates/types.ts';
import { verifierAssets } from './verifier-assets.ts';

export interface VerifierMeta {
  /** The office that makes the file: its code and name, shown as the trust list's source. */
  office: string;
  officeName: string;
  /** ISO instant the file was made: the page shows it so a holder knows how fresh it is. */
  createdAt: string;
}

/**
 * What the page reads from <script type="application/json" id="bangkom-trust">
 * (the same interface is declared in renderer/verifier/main.ts, which cannot import from here).
 */
export interface VerifierPayload extends VerifierMeta {
  format: 1;
  trust: TrustList;
}

/**
 * JSON that cannot end its <script> element or open a comment in it: every `<` written as
 * `\u003c`, which JSON.parse reads back as `<`.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export async function verifierHtml(trust: TrustList, meta: VerifierMeta): Promise<string> {
  const { script, shell } = await verifierAssets();
  const payload: VerifierPayload = {
    format: 1,
    office: meta.office,
    officeName: meta.officeName,
    createdAt: meta.createdAt,
    trust: { offices: trust.offices, revocations: trust.revocations },
  };
  const json = inlineJson(payload);
  // One pass with a function: what is inserted is never searched again nor read for `$&`.
  return shell.replace(/\{\{(BANGKOM_TRUST_JSON|BANGKOM_VERIFIER_SCRIPT)\}\}/g, (_, name: string) => (name === 'BANGKOM_TRUST_JSON' ? json : script));
}
