import { parseTemplate, resolveTemplate } from "./policy-variables";
import { RequestContext } from "./request";
import { anyCharacter, anyRun } from "@ml-iam/iam";

describe("policy variables", () => {
  const context = new RequestContext({ "aws:username": "alice", "aws:PrincipalTag/team": "ML", "aws:TagKeys": ["a", "b"] });
  const resolve = (text: string, options = { wildcards: false }) => resolveTemplate(parseTemplate(text, options), context);

  it.each<[string, string | undefined]>([
    ["home/${aws:username}", "home/alice"],
    ["${aws:username}-${aws:PrincipalTag/team}", "alice-ML"],
    ["${ aws:username }", "alice"],
    ["${aws:userid}", undefined],
    ["${aws:TagKeys}", undefined],
    ["${aws:userid, 'nobody'}", "nobody"],
    ["${aws:userid, 'it''s'}", "it's"],
    ["${aws:userid, unquoted}", undefined],
    ["${aws:username, 'nobody'}", "alice"],
    ["${*}${?}${$}", "*?$"],
    ["price: ${", "price: ${"],
    ["no variables", "no variables"],
  ])("%s → %s", (text, expected) => {
    expect(resolve(text)).toBe(expected);
  });

  it("marks wildcards only where they apply, and never in substituted values or escapes", () => {
    expect(resolve("a*?${*}", { wildcards: true })).toBe(`a${anyRun}${anyCharacter}*`);
    expect(resolve("a*?", { wildcards: false })).toBe("a*?");
  });

  it("lowercases literal text and substituted values for case-insensitive comparison", () => {
    expect(resolveTemplate(parseTemplate("Team-${aws:PrincipalTag/team}", { wildcards: false, lowercase: true }), context)).toBe("team-ml");
  });
});
