/**
 * An RFC 3161 TimeStampReq (§2.4.1), DER:
 *
 *   version         1
 *   messageImprint  SHA-256 (2.16.840.1.101.3.4.2.1, parameters absent as RFC 5754
 *                   requires) over the exact bytes given, hashed here, never a digest
 *                   computed elsewhere
 *   reqPolicy       absent: the TSA's default policy
 *   nonce           a fresh random 64-bit positive integer, so an answer to this request
 *                   is told apart from a replayed old one
 *   certReq         TRUE: the TSA puts its certificate in the token, so a verifier can build
 *                   the chain from the token and a root it trusts
 *   extensions      absent
 *
 * `openssl ts -query -data FILE -sha256 -cert` makes the same request.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, MessageImprint, TimeStampReq } from 'pkijs';

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';
export const NONCE_BYTES = 8;

export interface TimestampRequest {
  /** The TimeStampReq, DER, as it is sent. */
  readonly der: Uint8Array;
  /** SHA-256 of the data: the messageImprint a token must carry. */
  readonly imprint: Uint8Array;
  /** The nonce a fresh response must echo. */
  readonly nonce: bigint;
}

/** A random positive nonce of 64 bits (never zero, so it always takes eight bytes' worth of chance). */
export function randomNonce(): bigint {
  for (;;) {
    const value = randomBytes(NONCE_BYTES).readBigUInt64BE(0);
    if (value !== 0n) return value;
  }
}

/** The request for a timestamp over `data`. `nonce` is for tests; leave it out. */
export function createTimestampRequest(data: Uint8Array, nonce: bigint = randomNonce()): TimestampRequest {
  if (nonce <= 0n || nonce >= 1n << 64n) throw new RangeError('A timestamp request nonce is a positive 64-bit integer.');
  const imprint = new Uint8Array(createHash('sha256').update(data).digest());
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    nonce: asn1js.Integer.fromBigInt(nonce),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER(false)), imprint, nonce };
}
