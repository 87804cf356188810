/** An IPv4 or IPv6 address as a number of 32 or 128 bits. */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

/** A CIDR block; a bare address is the block of that address alone (/32 or /128). */
export interface CidrBlock {
  version: 4 | 6;
  network: bigint;
  mask: bigint;
}

const octetPattern = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const hextetPattern = /^[0-9a-fA-F]{1,4}$/;
const prefixPattern = /^\d{1,3}$/;

/** Reads a dotted IPv4 or a (possibly compressed) IPv6 address, or returns undefined. */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(":")) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { version: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { version: 4, value };
}

/** Reads `address/prefix` or a bare address as a block, or returns undefined. */
export function parseCidrBlock(text: string): CidrBlock | undefined {
  const slash = text.indexOf("/");
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const bits = address.version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!prefixPattern.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  const all = (1n << BigInt(bits)) - 1n;
  const mask = all ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { version: address.version, network: address.value & mask, mask };
}

/** Whether an address lies in a block; an address of the other IP version never does. */
export function blockContains(block: CidrBlock, address: IpAddress): boolean {
  return block.version === address.version && (address.value & block.mask) === block.network;
}

function parseIpv4(text: string): bigint | undefined {
  const octets = text.split(".");
  if (octets.length !== 4) return undefined;
  let value = 0n;
  for (const octet of octets) {
    if (!octetPattern.test(octet)) return undefined;
    value = (value << 8n) | BigInt(Number(octet));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const head = readHextets(halves[0]!);
  const tail = halves.length === 2 ? readHextets(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const hextets = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  let value = 0n;
  for (const hextet of hextets) value = (value << 16n) | BigInt(hextet);
  return value;
}

/** The 16-bit groups of one side of `::`, with a trailing dotted IPv4 counted as two groups. */
function readHextets(text: string): number[] | undefined {
  if (text === "") return [];
  const groups = text.split(":");
  const hextets: number[] = [];
  for (let index = 0; index < groups.length; index++) {
    const group = groups[index]!;
    if (index === groups.length - 1 && group.includes(".")) {
      const ipv4 = parseIpv4(group);
      if (ipv4 === undefined) return undefined;
      hextets.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
    } else if (hextetPattern.test(group)) {
      hextets.push(parseInt(group, 16));
    } else {
      return undefined;
    }
  }
  return hextets;
}
