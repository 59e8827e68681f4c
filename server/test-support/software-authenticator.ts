import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

/** One credential the authenticator holds: an ES256 key pair bound to a site and a user. */
/** Bytes on a plain ArrayBuffer, as @simplewebauthn's helpers take them. */
type Bytes = Uint8Array<ArrayBuffer>;

export interface SoftwareCredential {
  id: Bytes;
  privateKey: KeyObject;
  /** The COSE public key, as the authenticator reports it at registration. */
  publicKeyCose: Bytes;
  rpId: string;
  userHandle: string;
  signCount: number;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}

interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

/**
 * A WebAuthn authenticator in the test: ES256 keys from node:crypto, attestation "none",
 * responses built byte for byte as the WebAuthn specification lays them out (authenticator
 * data: rpIdHash ‖ flags ‖ signCount ‖ attested credential data). Chromium's virtual
 * authenticator plays this part in the browser journeys (e2e/passkeys.e2e.test.ts).
 */
export class SoftwareAuthenticator {
  readonly credentials: SoftwareCredential[] = [];

  constructor(private readonly origin: string) {}

  /** `navigator.credentials.create`: a new credential and the registration response for it. */
  register(options: CreationOptions, choices: { userVerified?: boolean } = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const publicKeyCose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, isoBase64URL.toBuffer(jwk.x!)],
        [-3, isoBase64URL.toBuffer(jwk.y!)],
      ]),
    );
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const credential: SoftwareCredential = { id: new Uint8Array(randomBytes(32)), privateKey, publicKeyCose, rpId, userHandle: options.user.id, signCount: 0 };
    this.credentials.push(credential);
    const clientDataJSON = this.clientData('webauthn.create', options.challenge);
    const attestedCredentialData = concat([new Uint8Array(16), uint16(credential.id.length), credential.id, publicKeyCose]);
    const authenticatorData = authenticatorDataFor(rpId, { userVerified: choices.userVerified ?? true, signCount: 0, attested: attestedCredentialData });
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', authenticatorData],
      ]),
    );
    const id = isoBase64URL.fromBuffer(credential.id);
    return {
      credential,
      response: {
        id,
        rawId: id,
        type: 'public-key' as const,
        response: {
          clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
          attestationObject: isoBase64URL.fromBuffer(attestationObject),
          transports: ['internal'],
        },
        authenticatorAttachment: 'platform' as const,
        clientExtensionResults: {},
      },
    };
  }

  /**
   * `navigator.credentials.get` with `credential` (by default the first allowed one, else the
   * first held). `signCount` overrides the counter, to play a cloned authenticator.
   */
  assert(options: RequestOptions, choices: { credential?: SoftwareCredential; userVerified?: boolean; signCount?: number } = {}) {
    const allowed = options.allowCredentials?.map((item) => item.id);
    const credential =
      choices.credential ?? this.credentials.find((item) => !allowed || allowed.includes(isoBase64URL.fromBuffer(item.id))) ?? this.credentials[0];
    if (!credential) throw new Error('the software authenticator holds no credential');
    credential.signCount = choices.signCount ?? credential.signCount + 1;
    const clientDataJSON = this.clientData('webauthn.get', options.challenge);
    const authenticatorData = authenticatorDataFor(options.rpId ?? credential.rpId, {
      userVerified: choices.userVerified ?? true,
      signCount: credential.signCount,
    });
    const signature = sign('sha256', concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]), credential.privateKey);
    const id = isoBase64URL.fromBuffer(credential.id);
    return {
      id,
      rawId: id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
        authenticatorData: isoBase64URL.fromBuffer(authenticatorData),
        signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
        userHandle: credential.userHandle,
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }

  private clientData(type: string, challenge: string): Bytes {
    return new TextEncoder().encode(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }
}

function authenticatorDataFor(rpId: string, fields: { userVerified: boolean; signCount: number; attested?: Uint8Array }): Bytes {
  const userPresent = 0x01;
  const userVerified = 0x04;
  const attestedData = 0x40;
  const flags = userPresent | (fields.userVerified ? userVerified : 0) | (fields.attested ? attestedData : 0);
  const signCount = new Uint8Array(4);
  new DataView(signCount.buffer).setUint32(0, fields.signCount);
  return concat([createHash('sha256').update(rpId).digest(), new Uint8Array([flags]), signCount, fields.attested ?? new Uint8Array()]);
}

function uint16(value: number): Bytes {
  const bytes = new Uint8Array(2);
  new DataView(bytes.buffer).setUint16(0, value);
  return bytes;
}

function concat(parts: Uint8Array[]): Bytes {
  return new Uint8Array(Buffer.concat(parts));
}
