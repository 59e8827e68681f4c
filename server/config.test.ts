import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('attachment configuration', () => {
  it('defaults to 20 MB on disk with the attachments/ prefix for S3', () => {
    expect(loadConfig({}).attachments).toEqual({ maxBytes: 20_000_000, s3: undefined, s3Prefix: 'attachments/' });
  });

  it('reads the limit and a complete set of S3 settings', () => {
    const config = loadConfig({
      ATTACHMENT_MAX_BYTES: '5242880',
      ATTACHMENT_S3_ENDPOINT: 'https://s3.eu-north-1.amazonaws.com/',
      ATTACHMENT_S3_BUCKET: 'brf-filer',
      ATTACHMENT_S3_REGION: 'eu-north-1',
      ATTACHMENT_S3_ACCESS_KEY_ID: 'AKIA0000',
      ATTACHMENT_S3_SECRET_ACCESS_KEY: 'secret',
      ATTACHMENT_S3_CA_FILE: '/etc/ssl/private-ca.crt',
      ATTACHMENT_S3_PREFIX: 'kvarter/attachments/',
    });
    expect(config.attachments).toEqual({
      maxBytes: 5_242_880,
      s3: {
        endpoint: 's3.eu-north-1.amazonaws.com',
        bucket: 'brf-filer',
        region: 'eu-north-1',
        accessKeyId: 'AKIA0000',
        secretAccessKey: 'secret',
        caFile: '/etc/ssl/private-ca.crt',
      },
      s3Prefix: 'kvarter/attachments/',
    });
    // Independent of the backups' bucket.
    expect(config.backup.s3).toBeUndefined();
  });

  it.each([
    [{ ATTACHMENT_MAX_BYTES: '0' }, 'ATTACHMENT_MAX_BYTES'],
    [{ ATTACHMENT_MAX_BYTES: '20MB' }, 'ATTACHMENT_MAX_BYTES'],
    [{ ATTACHMENT_MAX_BYTES: '1000000001' }, 'ATTACHMENT_MAX_BYTES'],
    [{ ATTACHMENT_S3_BUCKET: 'only-a-bucket' }, 'ATTACHMENT_S3_ENDPOINT'],
    [{ ATTACHMENT_S3_PREFIX: 'no-slash' }, 'ATTACHMENT_S3_PREFIX'],
    [{ ATTACHMENT_S3_PREFIX: '../up/' }, 'ATTACHMENT_S3_PREFIX'],
  ])('refuses %j with a message naming %s', (environment, variable) => {
    expect(() => loadConfig(environment)).toThrow(ConfigError);
    expect(() => loadConfig(environment)).toThrow(variable);
  });
});

describe('trash configuration', () => {
  it('keeps deleted objects 30 days by default, or the days TRASH_RETENTION_DAYS gives', () => {
    expect(loadConfig({}).trashRetentionDays).toBe(30);
    expect(loadConfig({ TRASH_RETENTION_DAYS: '90' }).trashRetentionDays).toBe(90);
  });

  it.each(['0', '3651', '1.5', 'month'])('refuses TRASH_RETENTION_DAYS=%s', (days) => {
    expect(() => loadConfig({ TRASH_RETENTION_DAYS: days })).toThrow(/TRASH_RETENTION_DAYS/);
  });
});

describe('inactive customer account configuration', () => {
  it('keeps an inactive customer account 183 days by default, or the days INACTIVE_ACCOUNT_RETENTION_DAYS gives', () => {
    expect(loadConfig({}).inactiveAccountRetentionDays).toBe(183);
    expect(loadConfig({ INACTIVE_ACCOUNT_RETENTION_DAYS: '365' }).inactiveAccountRetentionDays).toBe(365);
  });

  it.each(['0', '3651', '1.5', 'year'])('refuses INACTIVE_ACCOUNT_RETENTION_DAYS=%s', (days) => {
    expect(() => loadConfig({ INACTIVE_ACCOUNT_RETENTION_DAYS: days })).toThrow(/INACTIVE_ACCOUNT_RETENTION_DAYS/);
  });
});

describe('high-availability configuration', () => {
  it('expects no replicas unless KVARTER_HA_EXPECTED_REPLICAS names how many (ops ha up sets it)', () => {
    expect(loadConfig({}).haExpectedReplicas).toBeUndefined();
    expect(loadConfig({ KVARTER_HA_EXPECTED_REPLICAS: '' }).haExpectedReplicas).toBeUndefined();
    expect(loadConfig({ KVARTER_HA_EXPECTED_REPLICAS: '2' }).haExpectedReplicas).toBe(2);
  });

  it.each(['0', '21', '1.5', 'two'])('refuses KVARTER_HA_EXPECTED_REPLICAS=%s', (count) => {
    expect(() => loadConfig({ KVARTER_HA_EXPECTED_REPLICAS: count })).toThrow(/KVARTER_HA_EXPECTED_REPLICAS/);
  });
});
