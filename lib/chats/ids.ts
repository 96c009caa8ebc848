/**
 * Ids for chats and messages: 10 characters of time (milliseconds) and 16 of
 * randomness in Crockford base32, like a ULID. The alphabet is in ASCII order,
 * so ids compare like their creation times, which lets KV keys of messages
 * list in creation order.
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_LENGTH = 10;
const RANDOM_LENGTH = 16;
const MAX_TIME = 2 ** 48 - 1;

/** Length of every generated id. */
export const ID_LENGTH = TIME_LENGTH + RANDOM_LENGTH;

const ID_PATTERN = new RegExp(`^[${ALPHABET}]{${ID_LENGTH}}$`);

/** A function returning a new id, greater than every id it returned before. */
export type IdFactory = () => string;

/**
 * Makes an id generator. Within one millisecond (or when the clock steps
 * back) it increments the random part of the previous id instead of drawing
 * a new one, so ids stay strictly increasing in a tight loop.
 */
export function createIdFactory(clock: () => number = Date.now): IdFactory {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    let time = Math.floor(clock());
    if (!Number.isFinite(time) || time < 0 || time > MAX_TIME) {
      throw new RangeError(`Clock value ${time} cannot be encoded in an id`);
    }
    if (time <= lastTime) {
      time = lastTime;
      if (!increment(lastRandom)) {
        // 2^80 ids in one millisecond cannot happen; borrowing the next one
        // keeps the order anyway.
        time = lastTime + 1;
        lastRandom = randomDigits();
      }
    } else {
      lastRandom = randomDigits();
    }
    lastTime = time;
    return encodeTime(time) + lastRandom.map((d) => ALPHABET[d]).join("");
  };
}

/** Returns a new id from the process-wide generator. */
export const newId: IdFactory = createIdFactory();

/** Tells whether `value` has the shape of an id made here. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

/** Returns the creation time (milliseconds since the epoch) encoded in an id. */
export function idTime(id: string): number {
  if (!isId(id)) throw new TypeError(`"${id}" is not a valid id`);
  let time = 0;
  for (const char of id.slice(0, TIME_LENGTH)) {
    time = time * 32 + ALPHABET.indexOf(char);
  }
  return time;
}

function encodeTime(time: number): string {
  let out = "";
  for (let i = 0; i < TIME_LENGTH; i++) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  return out;
}

function randomDigits(): number[] {
  const bytes = crypto.getRandomValues(new Uint8Array(RANDOM_LENGTH));
  return Array.from(bytes, (b) => b & 31);
}

/** Adds one to base32 digits in place; false when they overflow. */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] < 31) {
      digits[i]++;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}
