// 24-hex ids shaped like the MongoDB ObjectIds Clockify uses: creation time, a per-generator
// random part, a counter.

import { randomBytes } from 'node:crypto';

export type IdGenerator = () => string;

export function createIdGenerator(now: () => Date): IdGenerator {
  const random = randomBytes(5).toString('hex');
  let counter = randomBytes(3).readUIntBE(0, 3);
  return () => {
    counter = (counter + 1) % 0x1000000;
    const seconds = Math.floor(now().getTime() / 1000);
    return seconds.toString(16).padStart(8, '0').slice(-8) + random + counter.toString(16).padStart(6, '0');
  };
}
