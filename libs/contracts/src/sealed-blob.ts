import { IsBase64, IsUUID } from 'class-validator';

/**
 * Content encrypted with a per-submission data key (AES-256-GCM). Destroying the key in the key
 * store deletes every copy of the content at once (ARCHITECTURE.md, "Deleting in an append-only log").
 */
export class SealedBlob {
  @IsUUID()
  keyId!: string;

  @IsBase64()
  iv!: string;

  @IsBase64()
  tag!: string;

  @IsBase64()
  ciphertext!: string;
}
