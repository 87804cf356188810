import { blockContains, parseCidrBlock, parseIpAddress } from "./ip-address";

describe("IP addresses and CIDR blocks", () => {
  it.each<[string, string, boolean]>([
    ["10.0.0.0/8", "10.255.0.1", true],
    ["10.0.0.0/8", "11.0.0.1", false],
    ["10.1.2.3/8", "10.9.9.9", true],
    ["203.0.113.7", "203.0.113.7", true],
    ["203.0.113.7/32", "203.0.113.8", false],
    ["0.0.0.0/0", "255.255.255.255", true],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0001", true],
    ["::/0", "::1", true],
    ["::ffff:0:0/96", "::ffff:10.0.0.1", true],
    ["2001:db8::/32", "10.0.0.1", false],
    ["10.0.0.0/8", "::ffff:10.0.0.1", false],
  ])("%s contains %s → %s", (cidr, address, expected) => {
    const block = parseCidrBlock(cidr);
    const ip = parseIpAddress(address);
    expect(block && ip && blockContains(block, ip)).toBe(expected);
  });

  it.each(["10.0.0", "10.0.0.256", "10.0.0.01", "1:2:3:4:5:6:7:8:9", "1::2::3", "2001:db8::g", "", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/x"])(
    "rejects %j",
    (text) => {
      expect(parseCidrBlock(text)).toBeUndefined();
    },
  );
});
