/**
 * The media types of an HTCDS 2.0 record (a JSON object keyed by HTCDS field names) and of an
 * NDJSON stream of them. A client sends them instead of CaseFacts; the service maps each record
 * with fromHtcds (src/facts/htcds/) before judging it.
 */
export const HTCDS_JSON_TYPE = 'application/vnd.iom.htcds+json';
export const HTCDS_NDJSON_TYPE = 'application/vnd.iom.htcds+x-ndjson';
