import { inDependencyOrder } from "./plan-stacks";

describe("dependency order", () => {
  const stack = (name: string, upstream: string[] = []) => ({ name, directory: "", main: "", envs: ["dev"], upstream });

  it("puts every upstream stack before its consumers", () => {
    const order = inDependencyOrder([stack("a", ["c"]), stack("b"), stack("c", ["b"])]).map((s) => s.name);
    expect(order).toEqual(["b", "c", "a"]);
  });

  it("refuses a cycle, naming a stack in it", () => {
    expect(() => inDependencyOrder([stack("a", ["b"]), stack("b", ["a"])])).toThrow(/stack a depends on itself/);
  });
});
