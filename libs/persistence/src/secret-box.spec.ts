import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.encrypt('s3cr3t-value');
    expect(sealed).not.toContain('s3cr3t');
    expect(box.decrypt(sealed)).toBe('s3cr3t-value');
  });

  it('uses a fresh IV each time', () => {
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('refuses a tampered value or another key', () => {
    const sealed = box.encrypt('value');
    // Flip one bit of the ciphertext itself (editing base64 text can touch only padding bits).
    const [version, iv, tag, ciphertext] = sealed.split(':');
    const bytes = Buffer.from(ciphertext, 'base64');
    bytes[0] ^= 1;
    const tampered = [version, iv, tag, bytes.toString('base64')].join(':');
    expect(() => box.decrypt(tampered)).toThrow(/cannot be decrypted/);
    expect(() => new SecretBox(randomBytes(32)).decrypt(sealed)).toThrow(
      /another GANTRY_MASTER_KEY/,
    );
  });
});
