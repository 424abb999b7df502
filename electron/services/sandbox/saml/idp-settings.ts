/**
 * Applies a request's IdP settings to a SAML connection: metadata XML or a metadata URL take
 * priority over the individual fields (as Clerk documents). A metadata URL is fetched only on
 * loopback: the Sandbox never reaches the network.
 */
import { ApiError, errors } from '../errors';
import type { SamlConnectionDoc } from '../types';
import { setIdpCertificate } from './connections';
import { IdpMetadataError, parseIdpMetadata } from './idp-metadata';

/** IdP fields of a create or update body. */
export interface IdpInput {
  idp_entity_id?: string | null;
  idp_sso_url?: string | null;
  idp_certificate?: string | null;
  idp_metadata_url?: string | null;
  idp_metadata?: string | null;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const FETCH_TIMEOUT_MS = 5000;

/** Downloads metadata from a loopback URL (400 saml_failed_to_fetch_idp_metadata otherwise). */
export async function fetchIdpMetadata(url: string): Promise<string> {
  const fail = (why: string) =>
    errors.badRequest('saml_failed_to_fetch_idp_metadata', 'failed to fetch IdP metadata', `Failed to fetch the IdP metadata from ${url}: ${why}.`, {
      param_name: 'idp_metadata_url',
    });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail('it is not a valid URL');
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) throw fail('only http(s) URLs can be fetched');
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) throw fail('the Sandbox works offline and only fetches metadata from 127.0.0.1 or localhost');
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw fail(`the server answered ${response.status}`);
    return await response.text();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw fail((error as Error).message);
  }
}

function parseOrFail(xml: string): ReturnType<typeof parseIdpMetadata> {
  try {
    return parseIdpMetadata(xml);
  } catch (error) {
    if (error instanceof IdpMetadataError) {
      throw errors.unprocessable('saml_failed_to_parse_idp_metadata', 'invalid IdP metadata', `The IdP metadata could not be parsed: ${error.message}.`, {
        param_name: 'idp_metadata',
      });
    }
    throw error;
  }
}

function checkUrl(name: string, value: string): void {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return;
  } catch {
    // fall through to the error
  }
  throw errors.paramFormat(name, `${name} must be an http(s) URL.`);
}

/** Sets the IdP fields on `doc` from the input; `fetchedMetadata` is the downloaded XML, if any. */
export function applyIdpInput(doc: SamlConnectionDoc, input: IdpInput, fetchedMetadata?: string): void {
  if (input.idp_entity_id !== undefined) doc.idp_entity_id = input.idp_entity_id || null;
  if (input.idp_sso_url !== undefined) {
    if (input.idp_sso_url) checkUrl('idp_sso_url', input.idp_sso_url);
    doc.idp_sso_url = input.idp_sso_url || null;
  }
  if (input.idp_certificate !== undefined) {
    try {
      setIdpCertificate(doc, input.idp_certificate || null);
    } catch (error) {
      if (error instanceof IdpMetadataError) throw errors.paramFormat('idp_certificate', `idp_certificate is invalid: ${error.message}.`);
      throw error;
    }
  }
  if (input.idp_metadata_url !== undefined) doc.idp_metadata_url = input.idp_metadata_url || null;
  const xml = input.idp_metadata || fetchedMetadata;
  if (input.idp_metadata !== undefined) doc.idp_metadata = input.idp_metadata || null;
  if (!xml) return;
  const settings = parseOrFail(xml);
  doc.idp_metadata = xml;
  doc.idp_entity_id = settings.entityId;
  if (settings.ssoUrl) doc.idp_sso_url = settings.ssoUrl;
  if (settings.certificate) {
    try {
      setIdpCertificate(doc, settings.certificate);
    } catch (error) {
      if (error instanceof IdpMetadataError) {
        throw errors.unprocessable('saml_failed_to_parse_idp_metadata', 'invalid IdP metadata', `The IdP metadata's certificate is invalid: ${error.message}.`);
      }
      throw error;
    }
  }
}
