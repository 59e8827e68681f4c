/**
 * The per-client-IP limit of routes that take a secret token in the path (invitation links, share
 * links): 30 a minute is plenty for a person and makes guessing 256-bit tokens hopeless anyway, but
 * keeps a client from hammering the database with lookups.
 */
export const tokenRateLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
