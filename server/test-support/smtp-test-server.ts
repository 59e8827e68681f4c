import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { inject } from 'vitest';

/** The test cluster's TLS files: its local CA and the localhost certificate that CA issued. */
const tlsFile = (name: string) => path.join(inject('testCluster').dataDir, 'tls', name);

export interface ReceivedMessage {
  from: string;
  to: string[];
  /** Whether the message came over a connection upgraded with STARTTLS. */
  secure: boolean;
  raw: string;
}

/**
 * A real SMTP server on loopback that offers STARTTLS with the test cluster's certificate
 * (issued by the run's local CA for localhost) and keeps what it receives.
 */
export class TestSmtpServer {
  readonly messages: ReceivedMessage[] = [];
  private readonly server = new SMTPServer({
    name: 'localhost',
    key: readFileSync(tlsFile('server.key')),
    cert: readFileSync(tlsFile('server.crt')),
    authOptional: true,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        this.messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          secure: session.secure,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * SMTP_URL for a test server on `port`; by default it trusts the run's local CA (nodemailer reads
 * tls.* options from the URL), with `trustCa: false` it does not.
 */
export function smtpUrl(port: number, options: { trustCa: boolean } = { trustCa: true }): string {
  return `smtp://localhost:${port}` + (options.trustCa ? `?tls.ca=${encodeURIComponent(readFileSync(tlsFile('ca.crt'), 'utf8'))}` : '');
}

/** The text body of a single-part message, with quoted-printable undone. */
export function decodedBody(raw: string): string {
  const separator = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, separator);
  const body = raw.slice(separator + 4);
  if (!/^content-transfer-encoding:\s*quoted-printable/im.test(headers)) return body;
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}
