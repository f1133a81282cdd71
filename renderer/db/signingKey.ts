import { newSigningKey, signerOf, type DeviceTrust, type Signer, type SigningKey } from '../../shared/ops/signature.ts';
import { SEALED_SIGNING_KEY_PREFIX, SecretKeyHex } from '../../shared/ops/signingKeyText.ts';
import type { WarRoomDb } from './database.ts';
import { loadDeviceState } from './device.ts';

/** This install's signing key as stored: the secret sealed by the OS keychain where there is one. */
export interface StoredSigningKey {
  publicKey: string;
  /** The first seq signed: a device older than signing has unsigned ops before it. */
  signedFrom: number;
  secretKey?: string;
  /** `secret.seal` of SEALED_SIGNING_KEY_PREFIX + secretKey (base64). */
  sealed?: string;
}

/** The desktop host's keychain (Electron safeStorage); absent in the browser build. */
export interface Keychain {
  seal(text: string): Promise<string | null>;
  /** The secret key a sealed text holds. */
  open(sealed: string): Promise<string>;
}

export interface ReadySigner {
  sign: Signer;
  trust: DeviceTrust;
}

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/**
 * This install's Ed25519 key (docs/sync-format.md#signatures), made on first use and kept in
 * `meta`. Owned by its database (one per profile), so a second profile never signs with it.
 */
export class SigningKeys {
  private ready: Promise<ReadySigner> | null = null;
  private keychain: Keychain | null = null;

  constructor(private readonly db: WarRoomDb) {}

  /** The desktop app seals the key with the OS keychain; set before the first commit. */
  useKeychain(keychain: Keychain): void {
    this.keychain = keychain;
    this.ready = null;
  }

  /**
   * A key for a new identity (a copied profile's remedy): the caller stores `stored` in the
   * transaction that takes the new device id, signs with `sign`, then calls `forget()`.
   */
  async fresh(): Promise<{ stored: StoredSigningKey; sign: Signer }> {
    const { key, stored } = await this.make(1);
    return { stored, sign: signerOf(key) };
  }

  /** A new key, its secret sealed where a keychain is offered: as it will be stored. */
  private async make(signedFrom: number): Promise<{ key: SigningKey; stored: StoredSigningKey }> {
    const key = newSigningKey(randomBytes);
    const sealed = this.keychain ? await this.keychain.seal(SEALED_SIGNING_KEY_PREFIX + key.secretKey) : null;
    return { key, stored: { publicKey: key.publicKey, signedFrom, ...(sealed === null ? { secretKey: key.secretKey } : { sealed }) } };
  }

  /** The stored key changed (a new identity): open it again on the next use. */
  forget(): void {
    this.ready = null;
  }

  signer(): Promise<ReadySigner> {
    this.ready ??= this.load().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  /** The public half, for the device file and the Sync dialog; null before the first op. */
  async published(): Promise<DeviceTrust | null> {
    const row = await this.db.meta.get('signingKey');
    return row?.key === 'signingKey' ? { key: row.value.publicKey, signedFrom: row.value.signedFrom } : null;
  }

  private async load(): Promise<ReadySigner> {
    const stored = (await this.storedOrCreated()).value;
    const secretKey = stored.sealed !== undefined ? await this.open(stored.sealed) : stored.secretKey;
    if (secretKey === undefined) throw new Error('This laptop’s signing key is missing from its database.');
    if (stored.sealed === undefined && this.keychain) await this.seal(stored, secretKey);
    return { sign: signerOf({ publicKey: stored.publicKey, secretKey }), trust: { key: stored.publicKey, signedFrom: stored.signedFrom } };
  }

  private async storedOrCreated() {
    const row = await this.db.meta.get('signingKey');
    if (row?.key === 'signingKey') return row;
    const { stored } = await this.make(1);
    // Another window of this profile may have made one meanwhile: the first stored wins.
    return this.db.transaction('rw', this.db.meta, async () => {
      const again = await this.db.meta.get('signingKey');
      if (again?.key === 'signingKey') return again;
      // A device older than signing signs from its next op on.
      const signedFrom = (await loadDeviceState(this.db)).seq + 1;
      const made = { key: 'signingKey' as const, value: { ...stored, signedFrom } };
      await this.db.meta.put(made);
      return made;
    });
  }

  private async open(sealed: string): Promise<string> {
    if (!this.keychain) throw new Error('This laptop’s signing key is sealed by the desktop app’s keychain: open War Room as the desktop app to make changes.');
    return SecretKeyHex.parse(await this.keychain.open(sealed));
  }

  /** A key made where no keychain was (or before one was offered) is sealed once one is. */
  private async seal(stored: StoredSigningKey, secretKey: string): Promise<void> {
    const sealed = await this.keychain!.seal(SEALED_SIGNING_KEY_PREFIX + secretKey);
    if (sealed === null) return;
    await this.db.meta.put({ key: 'signingKey', value: { publicKey: stored.publicKey, signedFrom: stored.signedFrom, sealed } });
  }
}
